import type { IssueCode } from "./issue-codes.ts";

export type { IssueCode } from "./issue-codes.ts";

/**
 * Errors as values, shared by every pure module (see CONTRIBUTING.md, "Errors as values").
 * `path` points into the validated data (e.g. ["securityRules", 2, "priority"]);
 * parsers that keep source positions add a `span` (line/column) to the issue.
 */
export type IssuePath = ReadonlyArray<string | number>;

/** A place in a text, 1-based lines and columns (Monaco's convention). */
export interface SourceSpan {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/**
 * One problem. `code` is stable and documented (docs/issue-codes.md): code decides by it.
 * `message` is for people and may be reworded at any time: code never looks at it.
 */
export interface Issue {
  code: IssueCode;
  message: string;
  path: IssuePath;
  span?: SourceSpan;
  /** Absent means "error". */
  severity?: "error" | "warning";
}

export type Result<T> = { ok: true; value: T } | { ok: false; errors: Issue[] };

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const fail = (errors: Issue[]): { ok: false; errors: Issue[] } => ({ ok: false, errors });

export const issue = (code: IssueCode, message: string, path: IssuePath = []): Issue => ({
  code,
  message,
  path,
});

/** The messages of some issues as one line, for places that show a single sentence. */
export const joinMessages = (errors: readonly Issue[], separator = "; "): string =>
  errors.map((e) => e.message).join(separator);
