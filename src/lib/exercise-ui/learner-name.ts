import { fail, issue, ok, type Result } from "../result.ts";

/**
 * The name or id a learner hands work in under, typed once and carried by every submission
 * file. It is what the learner says, not a login: the instructor's re-grade shows it beside
 * the folder a file came from, and trusts it no more than that.
 */
export const MAX_LEARNER_NAME = 100;

/** Control characters and bidirectional overrides: a name must read the same everywhere it is shown. */
function hidesSomething(name: string): boolean {
  for (const ch of name) {
    const code = ch.codePointAt(0)!;
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return true;
    if (
      code === 0x200e ||
      code === 0x200f ||
      (code >= 0x202a && code <= 0x202e) ||
      (code >= 0x2066 && code <= 0x2069)
    )
      return true;
  }
  return false;
}

/** The name as it is kept: trimmed, runs of spaces made one. */
export function checkLearnerName(text: string): Result<string> {
  const name = text.trim().replace(/\s+/g, " ");
  if (name === "")
    return fail([issue("missing-field", "Type your name or the id your instructor gave you.", ["learner"])]);
  if (name.length > MAX_LEARNER_NAME)
    return fail([
      issue(
        "value-too-long",
        `A name is at most ${MAX_LEARNER_NAME} characters (this one has ${name.length}).`,
        ["learner"],
      ),
    ]);
  if (hidesSomething(name))
    return fail([issue("invalid-value", "A name cannot hold control characters.", ["learner"])]);
  return ok(name);
}
