import { classReport, type ClassSubmission, type ExerciseClassReport } from "../class-report/class-report.ts";
import type { GradebookRow } from "../grader/gradebook.ts";
import type { Exercise } from "../grader/index.ts";
import { regradeFile, type HandedInFile, type RegradedEntry } from "./regrade.ts";

/**
 * A whole inbox re-graded: every file's rows (the generic gradebook, one row per file and
 * exercise), the learners who handed an exercise in more than once, and what the class gets
 * wrong. Files are added one at a time, so the CLI can read them in a loop and the gradebook
 * page's worker between messages; both end with the same `finish`.
 */
export interface RegradeBatch {
  rows: GradebookRow[];
  /** One row per learner and exercise: the best of their re-grades (duplicates.ts's choice). */
  kept: GradebookRow[];
  duplicates: Duplicate[];
  reports: ExerciseClassReport[];
}

/** A learner with more than one row for an exercise, and the file whose row counts. */
export interface Duplicate {
  learner: string;
  exercise: string;
  files: string[];
  kept: string;
  message: string;
}

/** Names as learners type them: "Alice Smith" and "alice smith " are one person. */
export const learnerKey = (name: string): string =>
  name.normalize("NFKC").trim().replace(/\s+/g, " ").toLowerCase();

const STATUS_RANK: Record<GradebookRow["status"], number> = {
  graded: 3,
  "rules-invalid": 2,
  "not-submitted": 1,
  "submission-invalid": 0,
};

/** True when `a` is a better re-grade than `b`: complete, then more checks, then fewer differences. */
function better(a: GradebookRow, b: GradebookRow): boolean {
  const score = (r: GradebookRow) => [STATUS_RANK[r.status], r.complete ? 1 : 0, r.passed, -r.differences];
  const [x, y] = [score(a), score(b)];
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i]! > y[i]!;
  return true; // a tie goes to the later file: the most recent hand-in
}

export function createBatch(exercises: ReadonlyMap<string, Exercise>) {
  const entries: RegradedEntry[] = [];
  return {
    /** Re-grades one file; its rows, for a caller that shows progress. */
    add(file: HandedInFile): GradebookRow[] {
      const added = regradeFile(file, exercises);
      entries.push(...added);
      return added.map((e) => e.row);
    },
    finish(): RegradeBatch {
      // A file that could not be read names no learner for sure: it is never a duplicate.
      const best = new Map<string, { entry: RegradedEntry; files: string[] }>();
      const anonymous = new Set<RegradedEntry>();
      for (const entry of entries) {
        const { row } = entry;
        if (row.status === "submission-invalid" || row.exercise === "") {
          anonymous.add(entry);
          continue;
        }
        const key = `${learnerKey(row.learner)}\u0000${row.exercise}`;
        const found = best.get(key);
        if (!found) best.set(key, { entry, files: [row.file] });
        else {
          found.files.push(row.file);
          if (better(row, found.entry.row)) found.entry = entry;
        }
      }
      const duplicates: Duplicate[] = [...best.values()]
        .filter((b) => b.files.length > 1)
        .map(({ entry: { row }, files }) => ({
          learner: row.learner,
          exercise: row.exercise,
          files,
          kept: row.file,
          message: `${row.learner} handed in ${row.exercise} ${files.length} times (${files.join(", ")}): each is a row, and the best re-grade, ${row.file}, counts in the Canvas and Moodle layouts and the class report`,
        }));
      const keptEntries = [...best.values()].map((b) => b.entry);
      const kept = new Set<RegradedEntry>(keptEntries);
      const byExercise = new Map<string, ClassSubmission[]>();
      for (const entry of entries) {
        if (!kept.has(entry) || !entry.submission) continue;
        const id = entry.row.exercise;
        const list = byExercise.get(id);
        if (list) list.push(entry.submission);
        else byExercise.set(id, [entry.submission]);
      }
      return {
        rows: entries.map((e) => e.row),
        kept: entries.filter((e) => kept.has(e) || anonymous.has(e)).map((e) => e.row),
        duplicates,
        reports: [...byExercise].map(([id, list]) => classReport(exercises.get(id)!, list)),
      };
    },
  };
}

/** Every file re-graded at once (tests, the bench): what the CLI and the worker build file by file. */
export function regradeFiles(
  files: readonly HandedInFile[],
  exercises: ReadonlyMap<string, Exercise>,
): RegradeBatch {
  const batch = createBatch(exercises);
  for (const file of files) batch.add(file);
  return batch.finish();
}
