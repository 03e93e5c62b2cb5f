import type { Issue } from "./result.ts";

/**
 * At most this many issues are listed for one text. A paste of 15,000 broken lines once gave
 * 15,000 errors, 65 MB of CLI output and seconds of editor work per keystroke; nobody reads
 * past the first few hundred, and fixing the first ones usually fixes the rest.
 */
export const MAX_ISSUES = 200;

/**
 * The first `max` issues, plus one that says how many more there are (placed where the first
 * hidden one is, so the editor can still point at it).
 */
export function capIssues<T extends Pick<Issue, "message">>(issues: readonly T[], max = MAX_ISSUES): T[] {
  if (issues.length <= max) return issues as T[];
  const hidden = issues.length - max;
  const next = issues[max]!;
  const more: T = {
    ...next,
    message: `…and ${hidden.toLocaleString("en-US")} more ${hidden === 1 ? "problem" : "problems"} like these, not listed: fix the ones above first`,
  };
  return [...issues.slice(0, max), more];
}
