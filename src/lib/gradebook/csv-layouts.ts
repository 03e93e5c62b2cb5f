import { csvCell, gradebookCsv, type GradebookRow } from "../grader/gradebook.ts";
import type { RegradeBatch } from "./batch.ts";
import { learnerKey } from "./batch.ts";

/**
 * The gradebook as CSV in three layouts:
 *
 * - `generic`: every row of the re-grade (a file × exercise each), every column
 *   (`gradebookCsv`): for a spreadsheet, or any tool that maps columns itself.
 * - `canvas`: Canvas's gradebook import. One row per student, identified by the columns a
 *   Canvas gradebook export starts with, `Student`, `ID`, `SIS User ID`, `SIS Login ID` and
 *   `Section`; one of the student's name, ID or SIS User ID is required. Each further column is
 *   an assignment, and a column Canvas does not know becomes a new assignment; a score uploaded
 *   overwrites the one in the gradebook. (Ohio State's guide to Canvas, "Import a CSV file to
 *   Carmen Grades",
 *   https://teaching.resources.osu.edu/toolsets/carmencanvas/guides/calculating-final-grades/import-csv-file-carmen-grades.)
 *   The second row gives each column's points as a `Points Possible` row, as Canvas's export does.
 * - `moodle`: Moodle's CSV grade import (Grades → Import → CSV file). One row per user, a column
 *   that identifies them, one column per grade item; on import the teacher maps the user column
 *   ("Identify user by": Map from `Learner` to useridnumber, useremail or username) and each
 *   exercise column to a grade item or a new one. (MoodleDocs, "Grade import",
 *   https://docs.moodle.org/311/en/Grade_import.)
 *
 * In both LMS layouts an exercise earns its points when it is complete, as on the site and in
 * the assignment repositories' workflow; broken rules earn 0; an exercise not handed in, or a
 * file that could not be graded, is left blank so the import changes nothing there.
 */

export const GRADEBOOK_LAYOUTS = ["generic", "canvas", "moodle"] as const;
export type GradebookLayout = (typeof GRADEBOOK_LAYOUTS)[number];

export const isGradebookLayout = (v: unknown): v is GradebookLayout =>
  (GRADEBOOK_LAYOUTS as readonly unknown[]).includes(v);

export interface LayoutOptions {
  /** Exercise titles by id, for the LMS layouts' column headers. */
  titles: ReadonlyMap<string, string>;
  /** Points an exercise is worth when complete (the CLI's and the site's default: 10). */
  points: number;
}

export const DEFAULT_POINTS = 10;

/** The learners (in the order first met) and exercises of the rows that count, and each score. */
function grid(rows: readonly GradebookRow[], points: number) {
  const learners = new Map<string, GradebookRow>();
  const exercises: string[] = [];
  const scores = new Map<string, number | "">();
  for (const row of rows) {
    if (row.status === "submission-invalid" || row.exercise === "") continue;
    const who = learnerKey(row.learner);
    if (!learners.has(who)) learners.set(who, row);
    if (!exercises.includes(row.exercise)) exercises.push(row.exercise);
    const score = row.status === "not-submitted" ? "" : row.complete ? points : 0;
    scores.set(`${who}\u0000${row.exercise}`, score);
  }
  return { learners, exercises, score: (who: string, id: string) => scores.get(`${who}\u0000${id}`) ?? "" };
}

/** Column headers from titles, each unique (two exercises with one title get their ids). */
function headers(exercises: readonly string[], titles: ReadonlyMap<string, string>): string[] {
  const named = exercises.map((id) => titles.get(id) ?? id);
  return named.map((title, i) =>
    named.indexOf(title) !== named.lastIndexOf(title) ? `${title} (${exercises[i]})` : title,
  );
}

const line = (cells: readonly (string | number)[]) => cells.map(csvCell).join(",");

/**
 * What the learner typed, in the Canvas column its value looks like: an email address is a
 * login, one word (a student number) an SIS user id, anything else the student's name only.
 * A folder's or a repository's name is only ever the name: it identifies nobody in Canvas.
 */
function canvasIdentity(row: GradebookRow): [string, string, string, string, string] {
  const typed = row.learner.trim();
  const mine = row.learnerFrom === "file";
  const login = mine && /^[^\s@]+@[^\s@]+$/.test(typed) ? typed : "";
  const sisUser = mine && !login && /^\S+$/.test(typed) ? typed : "";
  return [typed, "", sisUser, login, ""];
}

export function gradebookCsvIn(
  layout: GradebookLayout,
  batch: Pick<RegradeBatch, "rows" | "kept">,
  options: LayoutOptions,
): string {
  if (layout === "generic") return gradebookCsv(batch.rows);
  const { learners, exercises, score } = grid(batch.kept, options.points);
  const columns = headers(exercises, options.titles);
  const lines: string[] = [];
  if (layout === "canvas") {
    lines.push(line(["Student", "ID", "SIS User ID", "SIS Login ID", "Section", ...columns]));
    lines.push(line(["Points Possible", "", "", "", "", ...exercises.map(() => options.points)]));
    for (const [who, row] of learners)
      lines.push(line([...canvasIdentity(row), ...exercises.map((id) => score(who, id))]));
  } else {
    lines.push(line(["Learner", ...columns]));
    for (const [who, row] of learners)
      lines.push(line([row.learner.trim(), ...exercises.map((id) => score(who, id))]));
  }
  return `${lines.join("\n")}\n`;
}

/** The file name a layout downloads as. */
export const layoutFileName = (layout: GradebookLayout): string =>
  layout === "generic" ? "gradebook.csv" : `gradebook-${layout}.csv`;
