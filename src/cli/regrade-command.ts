import { basename, dirname, join, resolve } from "node:path";
import { parseSubmission } from "../lib/exercise-ui/submission-file.ts";
import { gradeSubmission, type Exercise } from "../lib/grader/index.ts";
import {
  gradebookCsv,
  invalidSubmissionRow,
  rowFromReport,
  type GradebookRow,
} from "../lib/grader/gradebook.ts";
import { printable } from "../lib/text/printable.ts";
import { joinMessages } from "../lib/result.ts";
import { loadExercises } from "./exercises-dir.ts";
import type { BatchIo } from "./io.ts";

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

/** The learner's name: the submission's `learner` field, else its folder, else the file name. */
function learnerOf(file: string, data: unknown, root: readonly string[]): string {
  const named = (data as { learner?: unknown } | undefined)?.learner;
  if (typeof named === "string" && named.trim() !== "") return named.trim();
  const folder = basename(dirname(file));
  return root.some((r) => basename(r) === folder) || folder === "."
    ? basename(file).replace(/(-submission)?\.json$/, "")
    : folder;
}

/**
 * Re-grades downloaded submission files against the current exercises. The score a file
 * claims is shown beside the re-grade but never used. A bad file becomes a row with its
 * reason; it never stops the batch.
 */
export function runRegrade(
  submissionPaths: readonly string[],
  options: { csv?: string; exercisesDir: string; json: boolean },
  io: BatchIo,
): number {
  const { exercises, problems } = loadExercises(options.exercisesDir, io);
  for (const p of problems) io.err(`warning: exercise not loaded: ${p}`);
  if (exercises.size === 0) {
    io.err(`no exercises found in ${options.exercisesDir}`);
    return 2;
  }
  const files = collectFiles(submissionPaths, io);
  if (files.length === 0) {
    io.err("no submission files (.json) found");
    return 2;
  }
  const rows: GradebookRow[] = files.map((file) => gradeFileSafely(file, exercises, submissionPaths, io));
  // The table comes first: a gradebook that cannot be written must not cost the results.
  if (options.json) io.out(JSON.stringify(rows, null, 2));
  else {
    for (const r of rows) {
      const differs =
        r.differences > 0 ? ` +${r.differences} ${r.differences === 1 ? "difference" : "differences"}` : "";
      const score = r.status === "submission-invalid" ? "invalid" : `${r.passed}/${r.total}${differs}`;
      const claim =
        r.claimed && r.status === "graded" && r.claimed !== `${r.passed}/${r.total}`
          ? `  (file claimed ${r.claimed})`
          : "";
      // Fields come from submission files: each is escaped, the tabs between them are ours.
      const problem = r.status === "graded" ? "" : `\t${r.status}: ${printable(r.detail)}`;
      io.out(
        `${printable(r.learner)}\t${printable(r.exercise) || "?"}\t${score}${printable(claim)}${problem}`,
      );
    }
  }
  const written = options.csv ? writeGradebook(options.csv, rows, io) : true;
  if (!options.json) {
    const invalid = rows.filter((r) => r.status === "submission-invalid").length;
    io.out(
      `${rows.length} submissions re-graded${invalid ? `, ${invalid} invalid` : ""}${options.csv && written ? `; gradebook written to ${options.csv}` : ""}`,
    );
  }
  return written ? 0 : 2;
}

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

/** One file's row, whatever happens: a file that breaks the grader is a row, never the end of the batch. */
function gradeFileSafely(
  file: string,
  exercises: Map<string, Exercise>,
  roots: readonly string[],
  io: BatchIo,
): GradebookRow {
  try {
    return gradeFile(file, exercises, roots, io);
  } catch (e) {
    return invalidSubmissionRow(
      { learner: basename(file), file, exercise: "", claimed: "" },
      `internal error while grading: ${(e as Error).message}`,
    );
  }
}

function gradeFile(
  file: string,
  exercises: Map<string, Exercise>,
  roots: readonly string[],
  io: BatchIo,
): GradebookRow {
  let text: string;
  try {
    text = io.readFile(file);
  } catch (e) {
    return invalidSubmissionRow(
      { learner: basename(file), file, exercise: "", claimed: "" },
      `cannot read: ${(e as Error).message}`,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    data = undefined;
  }
  const learner = learnerOf(file, data, roots);
  const parsed = parseSubmission(text);
  if (!parsed.ok)
    return invalidSubmissionRow({ learner, file, exercise: "", claimed: "" }, joinMessages(parsed.errors));
  const submission = parsed.value;
  const exercise = exercises.get(submission.exercise);
  const claimed = `${submission.result.passed}/${submission.result.passed + submission.result.failed}`;
  if (!exercise)
    return invalidSubmissionRow(
      { learner, file, exercise: submission.exercise, claimed },
      `unknown exercise "${submission.exercise}"`,
    );
  const report = gradeSubmission(exercise, submission.rules, submission.rulesFormat);
  return rowFromReport(
    { learner, file, exercise: exercise.id, claimed },
    report,
    exercise.expectations.length,
  );
}
