import type { GradebookRow } from "../grader/gradebook.ts";

/**
 * The orders of the gradebook: files as the CLI walks a folder (each folder's entries sorted,
 * depth first), so the page lists an inbox in the CLI's order, and the table's columns.
 */

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** `inbox/alice/x.json` before `inbox/alice-b/x.json` before `inbox/x.json`: folder by folder. */
export function compareHandInPaths(a: string, b: string): number {
  const x = a.split("/");
  const y = b.split("/");
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const c = byCodeUnits(x[i]!, y[i]!);
    if (c !== 0) return c;
  }
  return x.length - y.length;
}

export const SORT_KEYS = [
  "learner",
  "exercise",
  "status",
  "score",
  "differences",
  "complete",
  "file",
] as const;
export type SortKey = (typeof SORT_KEYS)[number];

const text = new Intl.Collator("en", { sensitivity: "base", numeric: true });
/** A row's score as a fraction of its checks; rows without checks (invalid files) sort below 0. */
const fraction = (r: GradebookRow) => (r.total > 0 ? r.passed / r.total : -1);

const COMPARE: Record<SortKey, (a: GradebookRow, b: GradebookRow) => number> = {
  learner: (a, b) => text.compare(a.learner, b.learner),
  exercise: (a, b) => text.compare(a.exercise, b.exercise),
  status: (a, b) => text.compare(a.status, b.status),
  score: (a, b) => fraction(a) - fraction(b) || a.passed - b.passed,
  differences: (a, b) => a.differences - b.differences,
  complete: (a, b) => Number(a.complete) - Number(b.complete),
  file: (a, b) => compareHandInPaths(a.file, b.file),
};

/** The rows sorted by one column, ties by learner then exercise; stable, a new array. */
export function sortRows(
  rows: readonly GradebookRow[],
  key: SortKey,
  direction: "ascending" | "descending",
): GradebookRow[] {
  const sign = direction === "ascending" ? 1 : -1;
  return [...rows].sort(
    (a, b) => sign * COMPARE[key](a, b) || COMPARE.learner(a, b) || COMPARE.exercise(a, b),
  );
}
