import { basename, dirname, join, resolve } from "node:path";
import { classReportText } from "../lib/class-report/class-report.ts";
import { createBatch } from "../lib/gradebook/batch.ts";
import { DEFAULT_POINTS, gradebookCsvIn, type GradebookLayout } from "../lib/gradebook/csv-layouts.ts";
import type { HandedInFile } from "../lib/gradebook/regrade.ts";
import { printable } from "../lib/text/printable.ts";
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

/** The learner's folder (inbox/alice/…), unless the file sits right in a folder the instructor named. */
function folderOf(file: string, roots: readonly string[]): string | undefined {
  const folder = basename(dirname(file));
  return roots.some((r) => basename(r) === folder) || folder === "." ? undefined : folder;
}

/** A file as the lib's re-grade takes it: its text, or why it could not be read. */
function handedIn(file: string, roots: readonly string[], io: BatchIo): HandedInFile {
  const folder = folderOf(file, roots);
  let text: HandedInFile["text"];
  try {
    text = io.readFile(file);
  } catch (e) {
    text = { unreadable: (e as Error).message };
  }
  return { path: file, ...(folder ? { folder } : {}), text };
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
    layout?: GradebookLayout;
    points?: number;
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
  // The same re-grade as the gradebook page's worker (src/lib/gradebook), file by file.
  const batch = createBatch(exercises);
  for (const file of files) batch.add(handedIn(file, submissionPaths, io));
  const result = batch.finish();
  const rows = result.rows;
  for (const d of result.duplicates) io.err(`warning: ${printable(d.message)}`);
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
  const layout = options.layout ?? "generic";
  const csv = () =>
    gradebookCsvIn(layout, result, {
      titles: new Map([...exercises].map(([id, e]) => [id, e.title])),
      points: options.points ?? DEFAULT_POINTS,
    });
  const written = options.csv ? writeGradebook(options.csv, csv, io) : true;
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
    const reports = result.reports;
    // Learner text is escaped line by line; the line breaks are the report's own.
    const lines = classReportText(reports).split("\n").map(printable);
    io.out(["", "What the class gets wrong", "", ...lines].join("\n"));
  }
  return written ? 0 : 2;
}

function writeGradebook(path: string, csv: () => string, io: BatchIo): boolean {
  try {
    io.writeFile(path, csv());
    return true;
  } catch (e) {
    io.err(
      `cannot write the gradebook to ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    );
    return false;
  }
}
