import { classReport, classReportText } from "../lib/class-report/class-report.ts";
import type { GradeReport } from "../lib/grader/report.ts";
import { basename, dirname, join, resolve } from "node:path";
import { handInOfResult, isResultFile, type HandIn } from "../lib/autograding/result-file.ts";
import { parseSubmission, type Work } from "../lib/exercise-ui/submission-file.ts";
import type { Exercise } from "../lib/grader/index.ts";
import { gradeWork } from "../lib/exercise-ui/grade-work.ts";
import {
  gradebookCsv,
  invalidSubmissionRow,
  notSubmittedRow,
  rowFromLogReport,
  rowFromReport,
  type GradebookRow,
  type RowBase,
} from "../lib/grader/gradebook.ts";
import { printable } from "../lib/text/printable.ts";
import { lateness } from "../lib/assignments/due-date.ts";
import { joinMessages, ok, type Result } from "../lib/result.ts";
import { loadExercises } from "./exercises-dir.ts";
import type { BatchIo } from "./io.ts";
import { applyExpectationsOption, type ExpectationsOption } from "./expectations-option.ts";

/**
 * Expands folders into their .json files, each file and folder once (overlapping arguments such
 * as `inbox inbox/alice` list a file once), iteratively: no depth of folders overflows anything.
 */
function collectFiles(paths: readonly string[], io: BatchIo): string[] {
  const files: string[] = [];
  const seen = new Set<string>();
  const pending = paths.map((path) => ({ path, named: true })).reverse();
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { path, named } = next;
    const key = resolve(path);
    if (seen.has(key)) continue;
    seen.add(key);
    const entries = io.listDir(path);
    if (entries === undefined) {
      if (path.endsWith(".json")) files.push(path);
      else if (named) io.err(`warning: skipped ${path}: not a folder or a .json submission file`);
      continue;
    }
    for (const entry of [...entries].sort().reverse())
      pending.push({ path: join(path, entry), named: false });
  }
  return files;
}

/** The learner's name when the file names none: its folder (inbox/alice/…), else the file's name. */
function learnerFromPath(
  file: string,
  root: readonly string[],
): Pick<GradebookRow, "learner" | "learnerFrom"> {
  const folder = basename(dirname(file));
  return root.some((r) => basename(r) === folder) || folder === "."
    ? { learner: basename(file).replace(/(-submission)?\.json$/, ""), learnerFrom: "file name" }
    : { learner: folder, learnerFrom: "folder" };
}

/**
 * Re-grades handed-in files against the current exercises: submission files downloaded from
 * the site (one exercise, or a whole assignment) and result.json files of grading runs. Each
 * exercise in a file is a row; an assignment's exercise the file lacks is a row too. The score
 * a file claims is shown beside the re-grade but never used. A bad file becomes a row with its
 * reason; it never stops the batch.
 */
export function runRegrade(
  submissionPaths: readonly string[],
  options: {
    csv?: string;
    exercisesDir: string;
    json: boolean;
    report?: boolean;
    expectations?: ExpectationsOption;
  },
  io: BatchIo,
): number {
  const { exercises: loaded, problems } = loadExercises(options.exercisesDir, io);
  for (const p of problems) io.err(`warning: exercise not loaded: ${p}`);
  if (loaded.size === 0) {
    io.err(`no exercises found in ${options.exercisesDir}`);
    return 2;
  }
  // Assessment mode: the instructor's extra checks join the exercises' own.
  const exercises = applyExpectationsOption(options.expectations, loaded, io);
  if (!exercises) return 2;
  const files = collectFiles(submissionPaths, io);
  if (files.length === 0) {
    io.err("no submission files (.json) found");
    return 2;
  }
  const graded = new Map<string, GradeReport[]>();
  const keep: ReportSink = (exercise, report) =>
    graded.set(exercise, [...(graded.get(exercise) ?? []), report]);
  const rows: GradebookRow[] = files.flatMap((file) =>
    gradeFileSafely(file, exercises, submissionPaths, io, keep),
  );
  // The table comes first: a gradebook that cannot be written must not cost the results.
  if (options.json) io.out(JSON.stringify(rows, null, 2));
  else {
    for (const r of rows) {
      const differs =
        r.differences > 0 ? ` +${r.differences} ${r.differences === 1 ? "difference" : "differences"}` : "";
      const score =
        r.status === "submission-invalid"
          ? "invalid"
          : r.status === "not-submitted"
            ? "none"
            : `${r.passed}/${r.total}${differs}`;
      const claim =
        r.claimed && r.status === "graded" && r.claimed !== `${r.passed}/${r.total}`
          ? `  (file claimed ${r.claimed})`
          : "";
      // Fields come from submission files: each is escaped, the tabs between them are ours.
      const problem = r.status === "graded" ? "" : `\t${r.status}: ${printable(r.detail)}`;
      const late = r.late ? `\t${r.late}` : "";
      io.out(
        `${printable(r.learner)}\t${printable(r.exercise) || "?"}\t${score}${printable(claim)}${problem}${late}`,
      );
    }
  }
  const written = options.csv ? writeGradebook(options.csv, rows, io) : true;
  if (!options.json) {
    const invalid = rows.filter((r) => r.status === "submission-invalid").length;
    const missing = rows.filter((r) => r.status === "not-submitted").length;
    const entries = rows.length !== files.length ? ` (${rows.length} exercises)` : "";
    io.out(
      `${files.length} submissions re-graded${entries}${invalid ? `, ${invalid} invalid` : ""}${missing ? `, ${missing} not submitted` : ""}${options.csv && written ? `; gradebook written to ${options.csv}` : ""}`,
    );
  }
  // `--report`: what the class gets wrong, per exercise, after the table.
  if (options.report && !options.json) {
    const reports = [...graded].map(([id, list]) => classReport(exercises.get(id)!, list));
    // Learner text is escaped line by line; the line breaks are the report's own.
    const lines = classReportText(reports).split("\n").map(printable);
    io.out(["", "What the class gets wrong", "", ...lines].join("\n"));
  }
  return written ? 0 : 2;
}

/** Where each graded submission's report goes, for the class report. */
type ReportSink = (exercise: string, report: GradeReport) => void;

function writeGradebook(path: string, rows: readonly GradebookRow[], io: BatchIo): boolean {
  try {
    io.writeFile(path, gradebookCsv(rows));
    return true;
  } catch (e) {
    io.err(
      `cannot write the gradebook to ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    );
    return false;
  }
}

/** One file's rows, whatever happens: a file that breaks the grader is a row, never the end of the batch. */
function gradeFileSafely(
  file: string,
  exercises: Map<string, Exercise>,
  roots: readonly string[],
  io: BatchIo,
  keep: ReportSink,
): GradebookRow[] {
  try {
    return gradeFile(file, exercises, roots, io, keep);
  } catch (e) {
    return [
      invalidSubmissionRow(
        { ...learnerFromPath(file, roots), assignment: "", file, exercise: "", claimed: "" },
        `internal error while grading: ${(e as Error).message}`,
      ),
    ];
  }
}

/** The file's work, from a submission file (the site) or a result.json (a grading run). */
function readHandIn(text: string, data: unknown): Result<HandIn> {
  if (isResultFile(data)) return handInOfResult(text);
  const parsed = parseSubmission(text);
  return parsed.ok ? ok({ submission: parsed.value }) : parsed;
}

const claimOf = (w: Work) => (w.result ? `${w.result.passed}/${w.result.passed + w.result.failed}` : "");

/** One entry's row: the work graded again, its claim shown beside it and never used. */
function gradeEntry(
  w: Work,
  base: RowBase,
  exercises: Map<string, Exercise>,
  keep: ReportSink,
): GradebookRow {
  const exercise = exercises.get(w.exercise);
  if (!exercise) return invalidSubmissionRow(base, `unknown exercise "${w.exercise}"`);
  const total = exercise.expectations.length;
  const graded = gradeWork(exercise, w);
  if (!graded.ok) return invalidSubmissionRow(base, graded.reason);
  if (graded.kind === "read-logs") return rowFromLogReport(base, graded.report, total);
  keep(exercise.id, graded.report);
  return rowFromReport(base, graded.report, total);
}

function gradeFile(
  file: string,
  exercises: Map<string, Exercise>,
  roots: readonly string[],
  io: BatchIo,
  keep: ReportSink,
): GradebookRow[] {
  const fromPath = learnerFromPath(file, roots);
  const unread = { ...fromPath, assignment: "", file, exercise: "", claimed: "" };
  let text: string;
  try {
    text = io.readFile(file);
  } catch (e) {
    return [
      invalidSubmissionRow({ ...unread, learner: basename(file) }, `cannot read: ${(e as Error).message}`),
    ];
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    data = undefined;
  }
  const read = readHandIn(text, data);
  if (!read.ok) return [invalidSubmissionRow(unread, joinMessages(read.errors))];
  const { submission, repository, missing } = read.value;
  // Who the work is by: the name the learner typed, else the repository a run graded, else the path.
  const who: Pick<GradebookRow, "learner" | "learnerFrom"> = submission.learner
    ? { learner: submission.learner, learnerFrom: "file" }
    : repository
      ? { learner: repository, learnerFrom: "repository" }
      : fromPath;
  const common = { ...who, assignment: submission.assignment?.title ?? "", file };
  const rows = submission.work.map((w) =>
    gradeEntry(w, { ...common, exercise: w.exercise, claimed: claimOf(w) }, exercises, keep),
  );
  const handedIn = new Set(submission.work.map((w) => w.exercise));
  for (const id of submission.assignment?.exercises ?? []) {
    if (handedIn.has(id)) continue;
    handedIn.add(id);
    const total = exercises.get(id)?.expectations.length ?? 0;
    const why = missing?.get(id) ?? "not in the file: the learner had not started it";
    rows.push(notSubmittedRow({ ...common, exercise: id, claimed: "" }, total, why));
  }
  if (rows.length === 0) return [invalidSubmissionRow(unread, "the file holds no work")];
  // Saved after the due date the assignment link gave (the learner's clock: a flag, not proof).
  const late = lateness(submission.savedAt, submission.assignment?.due);
  return late ? rows.map((r) => ({ ...r, late })) : rows;
}
