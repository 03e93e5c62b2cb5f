import { handInOfResult, isResultFile, type HandIn } from "../autograding/result-file.ts";
import { associationDifferences } from "../class-report/association-difference.ts";
import type { ClassSubmission } from "../class-report/class-report.ts";
import { parseSubmission, type Work } from "../exercise-ui/submission-file.ts";
import {
  invalidSubmissionRow,
  notSubmittedRow,
  rowFromLogReport,
  rowFromReport,
  type GradebookRow,
  type RowBase,
} from "../grader/gradebook.ts";
import { gradeWithDocument, writesRules, type Exercise } from "../grader/index.ts";
import { gradeWork } from "../exercise-ui/grade-work.ts";
import { lateness } from "../assignments/due-date.ts";
import { joinMessages, ok, type Result } from "../result.ts";

/**
 * The re-grade of handed-in files against the current exercises, without any I/O: the CLI
 * (`npm run grade -- --submissions`) and the gradebook page's worker both call `regradeFile`
 * on the files they read, so the two give the same rows for the same inbox.
 *
 * A file is a submission file downloaded from the site (one exercise, or a whole assignment)
 * or a result.json of a grading run. Each exercise in it is a row; an assignment's exercise the
 * file lacks is a row too. The score a file claims is shown beside the re-grade, never used. A
 * bad file becomes a row with its reason; nothing a file holds stops the batch.
 */

/** One handed-in file as its reader found it. */
export interface HandedInFile {
  /** Where it was: `inbox/alice/ftp-active-submission.json` (a CLI path, or the browser's relative path). */
  path: string;
  /** The learner's folder (inbox/alice/…), when the file sits in a folder of its own. */
  folder?: string;
  /** The file's text, or why it could not be read. */
  text: string | { unreadable: string };
}

/** A row with what the class report needs of it: the grade behind it, when there is one. */
export interface RegradedEntry {
  row: GradebookRow;
  submission?: ClassSubmission;
}

/** The file's name without its folders. */
export const baseName = (path: string): string =>
  path.slice(Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\")) + 1);

/** Who the file is by when the file names nobody: its folder, else the file's name. */
function learnerFromPath(file: HandedInFile): Pick<GradebookRow, "learner" | "learnerFrom"> {
  return file.folder
    ? { learner: file.folder, learnerFrom: "folder" }
    : { learner: baseName(file.path).replace(/(-submission)?\.json$/, ""), learnerFrom: "file name" };
}

/**
 * The learner's folder of a path relative to what the instructor chose (a browser's
 * `webkitRelativePath`, `inbox/alice/x.json`): the file's parent, unless that is the chosen folder itself.
 */
export function folderOfRelativePath(path: string): string | undefined {
  const parts = path.split("/").filter((p) => p !== "" && p !== ".");
  return parts.length >= 3 ? parts[parts.length - 2] : undefined;
}

/** The file's work, from a submission file (the site) or a result.json (a grading run). */
function readHandIn(text: string): Result<HandIn> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    data = undefined;
  }
  if (isResultFile(data)) return handInOfResult(text);
  const parsed = parseSubmission(text);
  return parsed.ok ? ok({ submission: parsed.value }) : parsed;
}

const claimOf = (w: Work) => (w.result ? `${w.result.passed}/${w.result.passed + w.result.failed}` : "");

/** One entry's row: the work graded again, its claim shown beside it and never used. */
function gradeEntry(w: Work, base: RowBase, exercises: ReadonlyMap<string, Exercise>): RegradedEntry {
  const exercise = exercises.get(w.exercise);
  if (!exercise)
    return {
      row: invalidSubmissionRow(
        base,
        `unknown exercise "${w.exercise}": not among the current exercises (renamed or removed?)`,
      ),
    };
  const total = exercise.expectations.length;
  if (w.kind !== "author-rules" || !writesRules(exercise)) {
    // Predictions and log answers, and work of the wrong kind (refused with the reason).
    const graded = gradeWork(exercise, w);
    if (!graded.ok) return { row: invalidSubmissionRow(base, graded.reason) };
    if (graded.kind === "read-logs") return { row: rowFromLogReport(base, graded.report, total) };
    return {
      row: rowFromReport(base, graded.report, total),
      submission: { report: graded.report, learner: base.learner },
    };
  }
  // Rules, with their document for the class report. No fix suggestions: they re-compare each
  // difference, and a gradebook shows none.
  const { report, doc } = gradeWithDocument(exercise, w.rules, w.rulesFormat, { suggestFixes: false });
  const associations = doc ? associationDifferences(exercise, doc, report) : [];
  return {
    row: rowFromReport(base, report, total),
    submission: { report, learner: base.learner, associations },
  };
}

function gradeText(
  file: HandedInFile,
  text: string,
  exercises: ReadonlyMap<string, Exercise>,
): RegradedEntry[] {
  const fromPath = learnerFromPath(file);
  const unread = { ...fromPath, assignment: "", file: file.path, exercise: "", claimed: "" };
  const read = readHandIn(text);
  if (!read.ok) return [{ row: invalidSubmissionRow(unread, joinMessages(read.errors)) }];
  const { submission, repository, missing } = read.value;
  // Who the work is by: the name the learner typed, else the repository a run graded, else the path.
  const who: Pick<GradebookRow, "learner" | "learnerFrom"> = submission.learner
    ? { learner: submission.learner, learnerFrom: "file" }
    : repository
      ? { learner: repository, learnerFrom: "repository" }
      : fromPath;
  const common = { ...who, assignment: submission.assignment?.title ?? "", file: file.path };
  const entries = submission.work.map((w) =>
    gradeEntry(w, { ...common, exercise: w.exercise, claimed: claimOf(w) }, exercises),
  );
  const handedIn = new Set(submission.work.map((w) => w.exercise));
  for (const id of submission.assignment?.exercises ?? []) {
    if (handedIn.has(id)) continue;
    handedIn.add(id);
    const total = exercises.get(id)?.expectations.length ?? 0;
    const why = missing?.get(id) ?? "not in the file: the learner had not started it";
    entries.push({ row: notSubmittedRow({ ...common, exercise: id, claimed: "" }, total, why) });
  }
  if (entries.length === 0) return [{ row: invalidSubmissionRow(unread, "the file holds no work") }];
  // Saved after the due date the assignment link gave (the learner's clock: a flag, not proof).
  const late = lateness(submission.savedAt, submission.assignment?.due);
  return late ? entries.map((e) => ({ ...e, row: { ...e.row, late } })) : entries;
}

/** One file's rows, whatever happens: a file that breaks the grader is a row, never the end of the batch. */
export function regradeFile(file: HandedInFile, exercises: ReadonlyMap<string, Exercise>): RegradedEntry[] {
  const unread = { ...learnerFromPath(file), assignment: "", file: file.path, exercise: "", claimed: "" };
  if (typeof file.text !== "string")
    return [
      {
        row: invalidSubmissionRow(
          { ...unread, learner: baseName(file.path) },
          `cannot read: ${file.text.unreadable}`,
        ),
      },
    ];
  try {
    return gradeText(file, file.text, exercises);
  } catch (e) {
    return [{ row: invalidSubmissionRow(unread, `internal error while grading: ${(e as Error).message}`) }];
  }
}
