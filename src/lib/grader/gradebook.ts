import { isComplete, type GradeReport } from "./report.ts";
import type { LogReadingReport } from "./log-reading.ts";

/**
 * Where a row's learner name comes from: the name the learner typed into the site (`file`),
 * the repository a grading run graded (`repository`), else the folder or the file's name.
 */
export type LearnerSource = "file" | "repository" | "folder" | "file name";

/** One row of an instructor's gradebook: a submission re-graded against the current exercise. */
export interface GradebookRow {
  learner: string;
  learnerFrom: LearnerSource;
  /** The assignment's title when the file was downloaded from an assignment page. */
  assignment: string;
  file: string;
  exercise: string;
  /**
   * graded; rules-invalid (the learner's rules do not parse/validate); submission-invalid;
   * not-submitted (an exercise of the assignment the file holds no work for).
   */
  status: "graded" | "rules-invalid" | "submission-invalid" | "not-submitted";
  passed: number;
  total: number;
  /** How the learner's network differs from the reference solution's (too open, too closed): 0 when it does what the task asks. */
  differences: number;
  /** Every check passes and nothing differs from the reference. */
  complete: boolean;
  /** What the file claimed; a mismatch with the re-grade is flagged, never trusted. */
  claimed: string;
  detail: string;
  /** "late by 2 hours" when the file was saved after the assignment's due date (due-date.ts). */
  late?: string;
}

/** What every row of one file shares, and which exercise and claim it is about. */
export type RowBase = Pick<
  GradebookRow,
  "learner" | "learnerFrom" | "assignment" | "file" | "exercise" | "claimed"
>;

/** A submission that could not be graded at all: unreadable, forged, or for an unknown exercise. */
export const invalidSubmissionRow = (base: RowBase, detail: string): GradebookRow => ({
  ...base,
  status: "submission-invalid",
  passed: 0,
  total: 0,
  differences: 0,
  complete: false,
  detail,
});

/** An exercise of the assignment that the learner's file holds no work for. */
export const notSubmittedRow = (base: RowBase, total: number, detail: string): GradebookRow => ({
  ...base,
  status: "not-submitted",
  passed: 0,
  total,
  differences: 0,
  complete: false,
  detail,
});

export function rowFromReport(base: RowBase, report: GradeReport, total: number): GradebookRow {
  if (report.status === "invalid") {
    const first = report.errors[0];
    const where = first?.span ? `line ${first.span.line}:${first.span.column}: ` : "";
    return {
      ...base,
      status: "rules-invalid",
      passed: 0,
      total,
      differences: 0,
      complete: false,
      detail: `${where}${first?.message ?? "invalid rules"}${report.errors.length > 1 ? ` (+${report.errors.length - 1} more)` : ""}`,
    };
  }
  const detail = [
    ...report.results.map((r) => `${r.pass ? "PASS" : "FAIL"} ${r.name}`),
    ...report.differences.map((d) => d.summary),
    ...(report.comparisonProblem ? [report.comparisonProblem] : []),
  ].join("; ");
  return {
    ...base,
    status: "graded",
    passed: report.passed,
    total,
    differences: report.differences.length,
    complete: isComplete(report),
    detail,
  };
}

/** A read-logs exercise's row: complete when every question is answered right. */
export function rowFromLogReport(base: RowBase, report: LogReadingReport, total: number): GradebookRow {
  if (report.status === "invalid")
    return {
      ...base,
      status: "rules-invalid",
      passed: 0,
      total,
      differences: 0,
      complete: false,
      detail: report.errors[0]?.message ?? "the exercise could not be evaluated",
    };
  return {
    ...base,
    status: "graded",
    passed: report.passed,
    total,
    differences: 0,
    complete: report.failed === 0 && report.passed === total,
    detail: report.results.map((r) => `${r.pass ? "PASS" : "FAIL"} ${r.name}`).join("; "),
  };
}

const CSV_COLUMNS: (keyof GradebookRow)[] = [
  "learner",
  "learnerFrom",
  "assignment",
  "exercise",
  "status",
  "passed",
  "total",
  "differences",
  "complete",
  "claimed",
  "file",
  "detail",
  "late",
];

export function csvCell(value: string | number | boolean | undefined): string {
  let text = String(value ?? "");
  // Spreadsheet apps run cells starting with = + - @ as formulas; learner text must stay text.
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function gradebookCsv(rows: readonly GradebookRow[]): string {
  return (
    [CSV_COLUMNS.join(","), ...rows.map((row) => CSV_COLUMNS.map((c) => csvCell(row[c])).join(","))].join(
      "\n",
    ) + "\n"
  );
}
