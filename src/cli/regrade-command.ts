import { basename, dirname, join } from "node:path";
import { parseSubmission } from "../lib/exercise-ui/submission-file.ts";
import { gradeSubmission, loadExercise, type Exercise } from "../lib/grader/index.ts";
import { gradebookCsv, rowFromReport, type GradebookRow } from "../lib/grader/gradebook.ts";
import { joinMessages } from "../lib/result.ts";
import type { BatchIo } from "./io.ts";

/** Expands directories (recursively) into their .json files. */
function collectFiles(paths: readonly string[], io: BatchIo): string[] {
  return paths.flatMap((p) => {
    const entries = io.listDir(p);
    if (entries === undefined) {
      if (p.endsWith(".json")) return [p];
      io.err(`warning: skipped ${p}: not a folder or a .json submission file`);
      return [];
    }
    return collectFiles(
      entries.sort().map((e) => join(p, e)),
      io,
    ).filter((f) => f.endsWith(".json"));
  });
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

function loadExercises(dir: string, io: BatchIo): { exercises: Map<string, Exercise>; problems: string[] } {
  const exercises = new Map<string, Exercise>();
  const problems: string[] = [];
  for (const name of io.listDir(dir) ?? []) {
    if (!/\.(ya?ml|json)$/.test(name)) continue;
    const loaded = loadExercise(io.readFile(join(dir, name)));
    if (loaded.ok) exercises.set(loaded.value.id, loaded.value);
    else problems.push(`${join(dir, name)}: ${loaded.errors[0]?.message}`);
  }
  return { exercises, problems };
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
  const rows: GradebookRow[] = files.map((file) => gradeFile(file, exercises, submissionPaths, io));
  if (options.csv) io.writeFile(options.csv, gradebookCsv(rows));
  if (options.json) io.out(JSON.stringify(rows, null, 2));
  else {
    for (const r of rows) {
      const score = r.status === "submission-invalid" ? "invalid" : `${r.passed}/${r.total}`;
      const claim =
        r.claimed && r.status === "graded" && r.claimed !== `${r.passed}/${r.total}`
          ? `  (file claimed ${r.claimed})`
          : "";
      io.out(
        `${r.learner}\t${r.exercise || "?"}\t${score}${claim}${r.status === "graded" ? "" : `\t${r.status}: ${r.detail}`}`,
      );
    }
    const invalid = rows.filter((r) => r.status === "submission-invalid").length;
    io.out(
      `${rows.length} submissions re-graded${invalid ? `, ${invalid} invalid` : ""}${options.csv ? `; gradebook written to ${options.csv}` : ""}`,
    );
  }
  return 0;
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
    return {
      learner: basename(file),
      file,
      exercise: "",
      status: "submission-invalid",
      passed: 0,
      total: 0,
      claimed: "",
      detail: `cannot read: ${(e as Error).message}`,
    };
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
    return {
      learner,
      file,
      exercise: "",
      status: "submission-invalid",
      passed: 0,
      total: 0,
      claimed: "",
      detail: joinMessages(parsed.errors),
    };
  const submission = parsed.value;
  const exercise = exercises.get(submission.exercise);
  const claimed = `${submission.result.passed}/${submission.result.passed + submission.result.failed}`;
  if (!exercise)
    return {
      learner,
      file,
      exercise: submission.exercise,
      status: "submission-invalid",
      passed: 0,
      total: 0,
      claimed,
      detail: `unknown exercise "${submission.exercise}"`,
    };
  const report = gradeSubmission(exercise, submission.rules, submission.rulesFormat);
  return rowFromReport(
    { learner, file, exercise: exercise.id, claimed },
    report,
    exercise.expectations.length,
  );
}
