import { basename, dirname, join } from "node:path";
import { annotationLines } from "../lib/autograding/annotations.ts";
import {
  assignmentGrade,
  gradeRulesFile,
  ungradedExercise,
  type AssignmentGrade,
  type ExerciseGrade,
} from "../lib/autograding/exercise-grade.ts";
import {
  gradebookCsv,
  invalidSubmissionRow,
  notSubmittedRow,
  rowFromReport,
  type GradebookRow,
} from "../lib/grader/gradebook.ts";
import { printable } from "../lib/text/printable.ts";
import { resultFile, resultFileText } from "../lib/autograding/result-file.ts";
import { pointsOf, type ExercisePoints } from "../lib/autograding/points-option.ts";
import { stepSummary } from "../lib/autograding/step-summary.ts";
import { starterFormat } from "../lib/classroom/classroom-template.ts";
import { formatOfFileName, RULE_FILE_EXTENSIONS } from "../lib/formats/rule-document.ts";
import type { Exercise } from "../lib/grader/index.ts";
import { issue, joinMessages } from "../lib/result.ts";
import { loadExercises } from "./exercises-dir.ts";
import { formatIssue, formatReport } from "./format-report.ts";
import { applyExpectationsOption, type ExpectationsOption } from "./expectations-option.ts";
import { graderVersion } from "./grader-version.ts";
import { MAX_FILE_BYTES, type BatchIo } from "./io.ts";

export interface AutogradeOptions {
  rulesDir: string;
  exercisesDir: string;
  /** The exercises the repository must hold; a missing one scores 0. Else every rules file named after an exercise. */
  expect?: string[];
  /** Every exercise's points, or each one's (then `expect` lists exactly those exercises). */
  points: ExercisePoints;
  summary?: string;
  annotations: boolean;
  result?: string;
  learner?: string;
  json: boolean;
  /** An instructor's extra checks (assessment mode), added to the exercises' own. */
  expectations?: ExpectationsOption;
}

/** The environment a run may be in: GitHub Actions says which repository and commit it graded. */
export type Env = Readonly<Record<string, string | undefined>>;

const RULE_FILE = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.(json|ya?ml|sh|azcli|ps1)$/i;

/** The repository's rules files by exercise id, e.g. rules/ftp-active.sh → ftp-active. */
function rulesFilesByExercise(dir: string, io: BatchIo): Map<string, string[]> {
  const byId = new Map<string, string[]>();
  for (const name of [...(io.listDir(dir) ?? [])].sort()) {
    const match = RULE_FILE.exec(name);
    if (!match) continue;
    const id = match[1]!.toLowerCase();
    byId.set(id, [...(byId.get(id) ?? []), name]);
  }
  return byId;
}

/** A path for annotations and the summary: relative, with forward slashes, as GitHub names files. */
const repoPath = (dir: string, name: string) => join(dir, name).replace(/\\/g, "/").replace(/^\.\//, "");

function gradeOne(
  exercise: Exercise,
  rulesDir: string,
  names: readonly string[],
  o: AutogradeOptions,
  io: BatchIo,
): ExerciseGrade {
  const expected = repoPath(rulesDir, `${exercise.id}.${RULE_FILE_EXTENSIONS[starterFormat(exercise)]}`);
  // runGrade checks that per-exercise points name every exercise of --expect.
  const points = pointsOf(o.points, exercise.id) ?? 0;
  if (names.length === 0)
    return ungradedExercise(exercise, expected, points, [
      issue(
        "missing-rules-file",
        `No rules file for "${exercise.title}": add ${expected} (or a .json, .yaml or .ps1 file of the same name).`,
      ),
    ]);
  if (names.length > 1)
    return ungradedExercise(exercise, repoPath(rulesDir, names[0]!), points, [
      issue(
        "duplicate-rules-file",
        `${names.map((n) => repoPath(rulesDir, n)).join(" and ")} are both rules for "${exercise.title}": keep one.`,
      ),
    ]);
  const file = repoPath(rulesDir, names[0]!);
  let text: string;
  try {
    text = io.readFile(join(rulesDir, names[0]!));
  } catch (e) {
    return ungradedExercise(exercise, file, points, [
      issue(
        "unreadable-file",
        `${file} cannot be read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
      ),
    ]);
  }
  if (text.length > MAX_FILE_BYTES)
    return ungradedExercise(exercise, file, points, [
      issue("unreadable-file", `${file} is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`),
    ]);
  return gradeRulesFile(exercise, file, text, formatOfFileName(file)!, points);
}

function write(path: string, text: string, what: string, io: BatchIo): boolean {
  try {
    io.writeFile(path, text);
    return true;
  } catch (e) {
    io.err(
      `cannot write the ${what} to ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    );
    return false;
  }
}

/** A repository's rules folder graded, or why it could not be. */
function gradeRepository(
  rulesDir: string,
  o: AutogradeOptions,
  exercises: Map<string, Exercise>,
  io: BatchIo,
): AssignmentGrade | string {
  if (io.listDir(rulesDir) === undefined && !o.expect) return `${rulesDir} is not a folder`;
  const files = rulesFilesByExercise(rulesDir, io);
  for (const [id, names] of files) {
    const named = names.map((n) => repoPath(rulesDir, n)).join(", ");
    if (!exercises.has(id)) io.err(`warning: ${named}: no exercise "${id}" in ${o.exercisesDir}; not graded`);
    else if (o.expect && !o.expect.includes(id))
      io.err(`warning: ${named}: not part of this assignment (--expect); not graded`);
  }
  const ids = o.expect ?? [...files.keys()].filter((id) => exercises.has(id));
  if (ids.length === 0)
    return `no rules files in ${rulesDir} are named after an exercise (<exercise-id>.sh, .json, .yaml or .ps1)`;
  return assignmentGrade(ids.map((id) => gradeOne(exercises.get(id)!, rulesDir, files.get(id) ?? [], o, io)));
}

function loadAll(o: AutogradeOptions, io: BatchIo): Map<string, Exercise> | undefined {
  const { exercises: loaded, problems } = loadExercises(o.exercisesDir, io);
  for (const p of problems) io.err(`warning: exercise not loaded: ${p}`);
  if (loaded.size === 0) {
    io.err(`no exercises found in ${o.exercisesDir}`);
    return undefined;
  }
  // Assessment mode: the instructor's extra checks join the exercises' own.
  const exercises = applyExpectationsOption(o.expectations, loaded, io);
  if (!exercises) return undefined;
  const unknown = (o.expect ?? []).filter((id) => !exercises.has(id));
  if (unknown.length > 0) {
    io.err(`--expect names unknown exercise(s): ${unknown.join(", ")} (not in ${o.exercisesDir})`);
    return undefined;
  }
  return exercises;
}

/**
 * Grades an assignment repository's rules folder (one file per exercise, named by its id) and
 * reports for GitHub Actions: a job summary, annotations on the rules files and result.json.
 * Exit 0 when every exercise is complete, 1 when any is not (a learner's broken rules are a
 * grade, not a failure of the run), 2 when the run itself cannot go ahead.
 */
export function runAutograde(o: AutogradeOptions, io: BatchIo, env: Env): number {
  const exercises = loadAll(o, io);
  if (!exercises) return 2;
  const graded = gradeRepository(o.rulesDir, o, exercises, io);
  if (typeof graded === "string") {
    io.err(graded);
    return 2;
  }
  const grade = graded;

  if (o.annotations) for (const line of annotationLines(grade)) io.out(line);
  const result = resultFile(grade, {
    graderVersion: graderVersion(),
    now: new Date(),
    ...(o.learner ? { learner: o.learner } : {}),
    source: { repository: env.GITHUB_REPOSITORY, commit: env.GITHUB_SHA, actor: env.GITHUB_ACTOR },
  });
  if (o.json) io.out(resultFileText(result).trimEnd());
  else {
    for (const g of grade.exercises) {
      if (g.report && g.report.status === "graded") io.out(formatReport(g.report, g.exercise.title));
      else {
        io.out(`${g.exercise.id} — ${g.exercise.title}`);
        for (const i of [...g.problems, ...(g.report?.errors ?? []), ...(g.report?.warnings ?? [])])
          io.out(`  ${formatIssue(g.file, i)}`);
      }
      io.out(`  ${g.points} of ${g.maxPoints} points (${g.status})\n`);
    }
    io.out(`${grade.score} of ${grade.maxScore} points`);
  }
  let written = true;
  if (o.summary) written = write(o.summary, stepSummary(grade), "job summary", io) && written;
  if (o.result) written = write(o.result, resultFileText(result), "result", io) && written;
  if (!written) return 2;
  return grade.exercises.every((g) => g.status === "complete") ? 0 : 1;
}

/** Who a cloned repository is by: repos/alice/rules → alice (its folder). */
const learnerOfRepository = (rulesDir: string): string => {
  const dir = rulesDir.replace(/[\\/]+$/, "");
  return basename(dir) === "rules" ? basename(dirname(dir)) || dir : basename(dir);
};

/** One gradebook row per exercise of a repository, as the submissions re-grade writes them. */
function repositoryRows(rulesDir: string, grade: AssignmentGrade): GradebookRow[] {
  const common = {
    learner: learnerOfRepository(rulesDir),
    learnerFrom: "folder" as const,
    assignment: "",
    claimed: "",
  };
  return grade.exercises.map((g) => {
    const base = { ...common, file: g.file, exercise: g.exercise.id };
    const total = g.exercise.expectations.length;
    if (g.report) return rowFromReport(base, g.report, total);
    const why = joinMessages(g.problems);
    return g.status === "missing" ? notSubmittedRow(base, total, why) : invalidSubmissionRow(base, why);
  });
}

/**
 * Grades many cloned repositories at once, as an instructor collecting an assignment does
 * (`gh repo clone` each learner's repository, or `gh teacher download`), into one gradebook:
 * the rules in each repository graded here, trusting nothing its own runs reported.
 */
export function runAutogradeBatch(
  rulesDirs: readonly string[],
  o: AutogradeOptions & { csv?: string },
  io: BatchIo,
): number {
  const exercises = loadAll(o, io);
  if (!exercises) return 2;
  const rows: GradebookRow[] = [];
  for (const dir of rulesDirs) {
    const graded = gradeRepository(dir, o, exercises, io);
    if (typeof graded === "string") io.err(`warning: ${graded}`);
    else rows.push(...repositoryRows(dir, graded));
  }
  if (o.json) io.out(JSON.stringify(rows, null, 2));
  else
    for (const r of rows) {
      const score =
        r.status === "graded"
          ? `${r.passed}/${r.total}${r.differences > 0 ? ` +${r.differences} differences` : ""}`
          : r.status;
      io.out(`${printable(r.learner)}\t${r.exercise}\t${score}${r.complete ? "\tcomplete" : ""}`);
    }
  if (!o.csv) return 0;
  try {
    io.writeFile(o.csv, gradebookCsv(rows));
  } catch (e) {
    io.err(
      `cannot write the gradebook to ${o.csv}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    );
    return 2;
  }
  if (!o.json) io.out(`${rulesDirs.length} repositories graded; gradebook written to ${o.csv}`);
  return 0;
}
