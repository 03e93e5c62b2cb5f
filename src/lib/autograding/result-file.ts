import type { RuleFormat } from "../formats/rule-document.ts";
import type { AssignmentGrade, ExerciseGrade, ExerciseStatus } from "./exercise-grade.ts";

/**
 * result.json: a grading run as data, for whoever collects the runs (an instructor's script, a
 * spreadsheet, `npm run grade -- --submissions` over downloaded artifacts). Points per exercise,
 * the total and the maximum, each check, each difference and each problem, the grader's version,
 * and the rules that were graded, so a re-grade can grade them again instead of believing the
 * points written here (a learner controls their own repository's workflow, and so this file).
 */
export const RESULT_FORMAT = "nsg-lab-result";

export interface ResultCheck {
  name: string;
  expect: "allow" | "deny";
  actual: "allow" | "deny" | "error";
  pass: boolean;
  decidedBy: string | null;
  decider: string;
}

export interface ResultProblem {
  code: string;
  message: string;
  severity: "error" | "warning";
  line?: number;
  column?: number;
}

export interface ResultExercise {
  exercise: string;
  title: string;
  file: string;
  status: ExerciseStatus;
  score: number;
  maxScore: number;
  passed: number;
  failed: number;
  checks: ResultCheck[];
  differences: { kind: "too-open" | "too-closed"; summary: string; cause: string }[];
  problems: ResultProblem[];
  /** What was graded, when the file was read. */
  rulesFormat?: RuleFormat;
  rules?: string;
}

export interface ResultFile {
  format: typeof RESULT_FORMAT;
  version: 1;
  grader: { name: "nsg-lab"; version: string };
  /** Who the work is by, when the run was told (`--learner`). */
  learner?: string;
  /** Where the run graded, from the GitHub Actions environment when there is one. */
  source?: { repository?: string; commit?: string; actor?: string };
  gradedAt: string;
  score: number;
  maxScore: number;
  exercises: ResultExercise[];
}

export interface ResultContext {
  graderVersion: string;
  now: Date;
  learner?: string;
  source?: ResultFile["source"];
}

function exerciseResult(g: ExerciseGrade): ResultExercise {
  const report = g.report;
  const issues = report ? [...report.errors, ...report.warnings] : [];
  return {
    exercise: g.exercise.id,
    title: g.exercise.title,
    file: g.file,
    status: g.status,
    score: g.points,
    maxScore: g.maxPoints,
    passed: report?.passed ?? 0,
    failed: report?.status === "graded" ? report.failed : g.exercise.expectations.length,
    checks: (report?.results ?? []).map((r) => ({
      name: r.name,
      expect: r.expect,
      actual: r.actual,
      pass: r.pass,
      decidedBy: r.decidedBy ?? null,
      decider: r.decider,
    })),
    differences: (report?.differences ?? []).map((d) => ({
      kind: d.kind,
      summary: d.summary,
      cause: d.cause,
    })),
    problems: [...g.problems, ...issues].map((i) => ({
      code: i.code,
      message: i.message,
      severity: i.severity === "warning" ? "warning" : "error",
      ...(i.span ? { line: i.span.line, column: i.span.column } : {}),
    })),
    ...(g.rules ? { rulesFormat: g.rules.format, rules: g.rules.text } : {}),
  };
}

export function resultFile(grade: AssignmentGrade, context: ResultContext): ResultFile {
  const source = Object.fromEntries(
    Object.entries(context.source ?? {}).filter(([, v]) => typeof v === "string" && v !== ""),
  );
  return {
    format: RESULT_FORMAT,
    version: 1,
    grader: { name: "nsg-lab", version: context.graderVersion },
    ...(context.learner ? { learner: context.learner } : {}),
    ...(Object.keys(source).length > 0 ? { source } : {}),
    gradedAt: context.now.toISOString(),
    score: grade.score,
    maxScore: grade.maxScore,
    exercises: grade.exercises.map(exerciseResult),
  };
}

export const resultFileText = (file: ResultFile): string => `${JSON.stringify(file, null, 2)}\n`;
