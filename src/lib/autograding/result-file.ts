import { checkLearnerName } from "../exercise-ui/learner-name.ts";
import { rulesWork, SUBMISSION_FORMAT, type Submission, type Work } from "../exercise-ui/submission-file.ts";
import { RULE_FORMATS, type RuleFormat } from "../formats/rule-document.ts";
import { fail, issue, ok, type Issue, type Result } from "../result.ts";
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

/**
 * A result.json read back for the re-grade (`npm run grade -- --submissions artifacts/`): the
 * rules it graded, as work to grade again; its points are never read. An exercise it graded
 * no rules for (missing, unreadable) is listed with why, so the gradebook says so.
 */
export interface HandIn {
  submission: Submission;
  /** The repository the run graded, who the work is by when the file names no learner. */
  repository?: string;
  /** Why an exercise of the file has no work: exercise id → reason. */
  missing?: Map<string, string>;
}

export const isResultFile = (data: unknown): boolean =>
  typeof data === "object" && data !== null && (data as Record<string, unknown>).format === RESULT_FORMAT;

const MAX_EXERCISES = 200;
const isCount = (v: unknown) => typeof v === "number" && Number.isInteger(v) && v >= 0;
const isRuleFormat = (v: unknown): v is RuleFormat => (RULE_FORMATS as readonly unknown[]).includes(v);

export function handInOfResult(text: string): Result<HandIn> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return fail([issue("invalid-json", `not valid JSON: ${(error as Error).message}`)]);
  }
  if (!isResultFile(data))
    return fail([issue("invalid-value", `format must be "${RESULT_FORMAT}"`, ["format"])]);
  const d = data as Record<string, unknown>;
  if (d.version !== 1)
    return fail([
      issue(
        "unsupported-version",
        `result.json version ${JSON.stringify(d.version)} is not supported (expected 1)`,
        ["version"],
      ),
    ]);
  if (!Array.isArray(d.exercises) || d.exercises.length > MAX_EXERCISES)
    return fail([issue("missing-field", "exercises (the exercises graded) is missing", ["exercises"])]);
  const errors: Issue[] = [];
  let learner: string | undefined;
  if (d.learner !== undefined) {
    const name = typeof d.learner === "string" ? checkLearnerName(d.learner) : undefined;
    if (name?.ok) learner = name.value;
    else errors.push(issue("invalid-value", "learner must be a name", ["learner"]));
  }
  const source = d.source as Record<string, unknown> | undefined;
  const repository =
    typeof source?.repository === "string" && source.repository !== "" ? source.repository : undefined;
  const work: Work[] = [];
  const ids: string[] = [];
  const missing = new Map<string, string>();
  d.exercises.forEach((e: unknown, i) => {
    const x = e as Record<string, unknown> | null;
    if (typeof x !== "object" || x === null || typeof x.exercise !== "string" || x.exercise === "") {
      errors.push(
        issue("missing-field", `exercise ${i + 1}: exercise (the exercise id) is missing`, ["exercises", i]),
      );
      return;
    }
    ids.push(x.exercise);
    if (typeof x.rules !== "string") {
      missing.set(
        x.exercise,
        `no rules were graded (${typeof x.status === "string" ? x.status : "missing"})`,
      );
      return;
    }
    if (!isRuleFormat(x.rulesFormat)) {
      errors.push(
        issue("unknown-rule-format", `exercise ${i + 1}: unknown rulesFormat`, [
          "exercises",
          i,
          "rulesFormat",
        ]),
      );
      return;
    }
    const claimed =
      isCount(x.passed) && isCount(x.failed)
        ? { passed: x.passed as number, failed: x.failed as number }
        : undefined;
    work.push(
      rulesWork({
        exercise: x.exercise,
        rulesFormat: x.rulesFormat,
        rules: x.rules,
        ...(claimed ? { result: claimed } : {}),
      }),
    );
  });
  if (errors.length > 0) return fail(errors);
  const submission: Submission = {
    format: SUBMISSION_FORMAT,
    version: 2,
    ...(learner ? { learner } : {}),
    assignment: { title: "", exercises: ids },
    savedAt: typeof d.gradedAt === "string" ? d.gradedAt : "",
    work,
  };
  return ok({ submission, ...(repository ? { repository } : {}), missing });
}
