import { capIssues } from "../../cap-issues.ts";
import type { IssueCode } from "../../issue-codes.ts";
import { fail, ok, type Issue } from "../../result.ts";
import type { RuleDocument, RuleDocumentResult } from "../rule-document.ts";
import { blankBom } from "../sniff.ts";
import { LineIndex } from "../source-span.ts";
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
 * Errors are listed before warnings when capping, so a flood of notes (a tutorial's commands
 * an exercise does not run) never hides the error that failed the script.
 */
export function scriptResult(
  found: Found[],
  lines: LineIndex,
  document: () => Omit<RuleDocument, "warnings">,
): RuleDocumentResult {
  found.sort((a, b) => a.at.start - b.at.start);
  const toIssue = (e: Found): Issue => ({
    code: e.code,
    message: e.message,
    path: [],
    span: lines.span(e.at.start, Math.max(e.at.end, e.at.start + 1)),
    ...(e.severity === "warning" ? { severity: "warning" as const } : {}),
  });
  const errors = found.filter((e) => e.severity !== "warning");
  const warnings = found.filter((e) => e.severity === "warning");
  if (errors.length === 0) return ok({ ...document(), warnings: capIssues(warnings).map(toIssue) });
  const listed = capIssues([...errors, ...warnings]).map(toIssue);
  return fail(listed.sort((a, b) => a.span!.line - b.span!.line || a.span!.column - b.span!.column));
}

/**
 * Runs a script reader over `text` safely: non-text (a missing editor value) reads as an empty
 * script, a byte-order mark as a space, and anything the reader throws becomes one located error.
 */
export function readScript(
  text: string,
  run: (source: string, lines: LineIndex) => RuleDocumentResult,
): RuleDocumentResult {
  const source = typeof text === "string" ? blankBom(text) : "";
  const lines = new LineIndex(source);
  try {
    return run(source, lines);
  } catch (error) {
    // A safety net only: the tests fuzz for this message.
    const message = `internal error while reading the script: ${error instanceof Error ? error.message : String(error)}`;
    return fail([{ code: "internal-error", message, path: [], span: lines.span(0, 1) }]);
  }
}
