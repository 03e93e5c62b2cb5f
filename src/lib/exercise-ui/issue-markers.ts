import type { RuleLint } from "../analysis/lint-rules.ts";
import type { RuleDocument } from "../formats/rule-document.ts";
import type { Issue, SourceSpan } from "../result.ts";

/**
 * Grader issues as editor markers (Monaco's shape, 1-based, end column exclusive) and as the
 * clickable list under the editor. Spans are clamped to the text: a stale or missing span
 * must never throw inside the editor or point past the end of a line.
 */

export type MarkerSeverity = "error" | "warning" | "info";

export interface EditorMarker {
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
  message: string;
  severity: MarkerSeverity;
  /** "3:14", for the list under the editor. */
  where: string;
  /** False when the issue had no place in the text (it is listed, and marked on line 1). */
  located: boolean;
}

const lineLengths = (text: string): number[] => text.split(/\r?\n/).map((l) => l.length);

/** A span made valid for `text`: inside the document, at least one character wide where possible. */
export function clampSpan(span: SourceSpan | undefined, text: string): SourceSpan {
  return clampToLines(span, lineLengths(text));
}

/** clampSpan with the text's line lengths measured once, for many spans of one text. */
function clampToLines(span: SourceSpan | undefined, lengths: readonly number[]): SourceSpan {
  const lastLine = lengths.length;
  const clampLine = (n: number) => Math.min(Math.max(1, Math.floor(n) || 1), lastLine);
  const clampCol = (line: number, c: number) =>
    Math.min(Math.max(1, Math.floor(c) || 1), lengths[line - 1]! + 1);
  if (!span) return { line: 1, column: 1, endLine: 1, endColumn: Math.min(2, lengths[0]! + 1) };
  const line = clampLine(span.line);
  const column = clampCol(line, span.column);
  let endLine = clampLine(span.endLine);
  let endColumn = clampCol(endLine, span.endColumn);
  if (endLine < line || (endLine === line && endColumn <= column)) {
    endLine = line;
    // An empty span (e.g. "unexpected end of input") underlines one character, or the line's end.
    endColumn = column <= lengths[line - 1]! ? column + 1 : column;
  }
  return { line, column, endLine, endColumn };
}

export function toMarker(
  message: string,
  span: SourceSpan | undefined,
  text: string | readonly number[],
  severity: MarkerSeverity,
): EditorMarker {
  const s = clampToLines(span, typeof text === "string" ? lineLengths(text) : text);
  return {
    startLineNumber: s.line,
    startColumn: s.column,
    endLineNumber: s.endLine,
    endColumn: s.endColumn,
    message,
    severity,
    where: `${s.line}:${s.column}`,
    located: span !== undefined,
  };
}

export function issueMarkers(
  issues: readonly Issue[],
  text: string,
  severity: MarkerSeverity = "error",
): EditorMarker[] {
  if (issues.length === 0) return [];
  const lengths = lineLengths(text);
  return issues.map((i) =>
    toMarker(i.message, i.span, lengths, i.severity === "warning" ? "warning" : severity),
  );
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Where a rule is written: through the parsed document when we have it, else its name in the text. */
export function locateRule(
  nsg: string,
  rule: string,
  text: string,
  doc?: RuleDocument,
): SourceSpan | undefined {
  if (doc) {
    const rules = doc.nsgs.find((n) => n.name.toLowerCase() === nsg.toLowerCase())?.rules ?? [];
    const index = rules.findIndex((r) => ruleNameOf(r)?.toLowerCase() === rule.toLowerCase());
    if (index >= 0) {
      const span = doc.locate([
        doc.nsgs.find((n) => n.name.toLowerCase() === nsg.toLowerCase())!.name,
        index,
        "name",
      ]);
      if (span) return span;
    }
  }
  const match = new RegExp(`(^|[^A-Za-z0-9_.-])(${escapeRegExp(rule)})(?![A-Za-z0-9_.-])`).exec(text);
  if (!match) return undefined;
  const offset = match.index + match[1]!.length;
  const before = text.slice(0, offset).split("\n");
  const line = before.length;
  const column = before[before.length - 1]!.length + 1;
  return { line, column, endLine: line, endColumn: column + rule.length };
}

function ruleNameOf(rule: unknown): string | undefined {
  if (typeof rule !== "object" || rule === null) return undefined;
  const r = rule as { name?: unknown };
  return typeof r.name === "string" ? r.name : undefined;
}

/** Shadowed / over-permissive rule findings, on the rule they are about. */
export function lintMarkers(lints: readonly RuleLint[], text: string, doc?: RuleDocument): EditorMarker[] {
  if (lints.length === 0) return [];
  const lengths = lineLengths(text);
  return lints.map((l) =>
    toMarker(
      l.message,
      locateRule(l.nsg, l.rule, text, doc),
      lengths,
      l.severity === "warning" ? "warning" : "info",
    ),
  );
}
