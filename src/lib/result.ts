/**
 * Errors as values, shared by every pure module (see CONTRIBUTING.md, "Errors as values").
 * `path` points into the validated data (e.g. ["securityRules", 2, "priority"]);
 * parsers that keep source positions turn a path into line/column.
 */
export type IssuePath = ReadonlyArray<string | number>;

export interface Issue {
  message: string;
  path: IssuePath;
  severity?: "error" | "warning";
}

export type Result<T, E = Issue> = { ok: true; value: T } | { ok: false; errors: E[] };

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const fail = <E = Issue>(errors: E[]): { ok: false; errors: E[] } => ({ ok: false, errors });

export const issue = (message: string, path: IssuePath = []): Issue => ({ message, path });
