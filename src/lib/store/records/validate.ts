import type { IssueCode } from "../../issue-codes.ts";
import { issue, type Issue } from "../../result.ts";
import type { Parsed } from "../store.ts";

/** Small checks shared by the record schemas (hand-written: these ship on every lesson page). */

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

export const isDate = (value: unknown): value is string =>
  typeof value === "string" && !Number.isNaN(Date.parse(value));

export const refuse = <T>(code: IssueCode, message: string, path: Issue["path"] = []): Parsed<T> => ({
  ok: false,
  errors: [issue(code, message, path)],
});

export const accept = <T>(value: T, dropped: Issue[] = []): Parsed<T> => ({ ok: true, value, dropped });

/**
 * A map of entries, each checked on its own: a bad entry is dropped (and named), never the
 * whole map — one malformed date must not cost a learner every other pass.
 */
export function salvageEntries<E>(
  map: Record<string, unknown>,
  field: string,
  entry: (value: unknown, key: string) => { keep: E } | { reason: string },
): { kept: Record<string, E>; dropped: Issue[] } {
  const kept: Record<string, E> = {};
  const dropped: Issue[] = [];
  for (const [key, value] of Object.entries(map)) {
    const checked = entry(value, key);
    if ("reason" in checked) dropped.push(issue("storage-corrupt", checked.reason, [field, key]));
    else if (key.length > 0) kept[key] = checked.keep;
  }
  return { kept, dropped };
}
