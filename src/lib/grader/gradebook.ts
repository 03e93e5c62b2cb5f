import { isComplete, type GradeReport } from "./report.ts";

/** One row of an instructor's gradebook: a submission re-graded against the current exercise. */
export interface GradebookRow {
  learner: string;
  file: string;
  exercise: string;
  /** graded; rules-invalid (the learner's rules do not parse/validate); submission-invalid. */
  status: "graded" | "rules-invalid" | "submission-invalid";
  passed: number;
  total: number;
  /** How the learner's network differs from the reference solution's (too open, too closed): 0 when it does what the task asks. */
  differences: number;
  /** Every check passes and nothing differs from the reference. */
  complete: boolean;
  /** What the file claimed; a mismatch with the re-grade is flagged, never trusted. */
  claimed: string;
  detail: string;
}

/** A submission that could not be graded at all: unreadable, forged, or for an unknown exercise. */
export const invalidSubmissionRow = (
  base: Pick<GradebookRow, "learner" | "file" | "exercise" | "claimed">,
  detail: string,
): GradebookRow => ({
  ...base,
  status: "submission-invalid",
  passed: 0,
  total: 0,
  differences: 0,
  complete: false,
  detail,
});

export function rowFromReport(
  base: Pick<GradebookRow, "learner" | "file" | "exercise" | "claimed">,
  report: GradeReport,
  total: number,
): GradebookRow {
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

const CSV_COLUMNS: (keyof GradebookRow)[] = [
  "learner",
  "exercise",
  "status",
  "passed",
  "total",
  "differences",
  "complete",
  "claimed",
  "file",
  "detail",
];

function csvCell(value: string | number | boolean): string {
  let text = String(value);
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
