import { capIssues } from "../../cap-issues.ts";
import type { IssueCode } from "../../issue-codes.ts";
import { fail, ok, type Issue } from "../../result.ts";
import type { RuleDocument, RuleDocumentResult } from "../rule-document.ts";
import type { LineIndex } from "../source-span.ts";
import type { Offsets, Report } from "./arg-parser.ts";

/** What a script reader (az CLI, PowerShell) found, in text offsets, before it becomes issues. */
export interface Found {
  code: IssueCode;
  message: string;
  at: Offsets;
  severity: "error" | "warning";
}

/** A list to report into, and the `Report` that fills it. */
export function collector(): { found: Found[]; report: Report } {
  const found: Found[] = [];
  const report: Report = (code, message, at, severity = "error") =>
    found.push({ code, message, at: { start: at.start, end: at.end }, severity });
  return { found, report };
}

/**
 * The script's result: its findings in text order, located and capped. An error fails it, even
 * one beyond the listed issues (decided before capping); warnings ride along with the document.
 */
export function scriptResult(
  found: Found[],
  lines: LineIndex,
  document: () => Omit<RuleDocument, "warnings">,
): RuleDocumentResult {
  found.sort((a, b) => a.at.start - b.at.start);
  const failed = found.some((e) => e.severity !== "warning");
  const issues: Issue[] = capIssues(found).map((e) => ({
    code: e.code,
    message: e.message,
    path: [],
    span: lines.span(e.at.start, Math.max(e.at.end, e.at.start + 1)),
    ...(e.severity === "warning" ? { severity: "warning" as const } : {}),
  }));
  if (failed) return fail(issues);
  return ok({ ...document(), warnings: issues });
}
