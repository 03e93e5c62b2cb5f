import type { z } from "../zod.ts";
import { isIssueCode, type IssueCode } from "../issue-codes.ts";
import { fail, ok, type Issue, type IssuePath, type Result } from "../result.ts";

/**
 * Zod's issues as ours. The code comes from zod's own issue code (a custom issue names its
 * code in `params.code`, see `customIssue`); the message is the schema's, and the path is
 * restricted to strings and numbers.
 */

type ZodIssue = z.core.$ZodIssue;

/** A custom zod issue (superRefine) that carries one of our codes. */
export const customIssue = (code: IssueCode, message: string, path: (string | number)[]) => ({
  code: "custom" as const,
  message,
  path,
  params: { code },
});

/** Only set when the parse reported its input (`parseSchema` does): then undefined means missing. */
const isMissing = (iss: ZodIssue): boolean => "input" in iss && iss.input === undefined;

function codeOf(iss: ZodIssue): IssueCode {
  switch (iss.code) {
    case "custom": {
      const code: unknown = iss.params?.code;
      return isIssueCode(code) ? code : "invalid-value";
    }
    case "unrecognized_keys":
      return "unknown-field";
    case "invalid_type":
    case "invalid_union":
      return isMissing(iss) ? "missing-field" : "invalid-type";
    default:
      return isMissing(iss) ? "missing-field" : "invalid-value";
  }
}

export function fromZodError(error: z.ZodError, prefix: IssuePath = []): Issue[] {
  return error.issues.map((iss) => {
    const path = [...prefix, ...iss.path.map((p) => (typeof p === "symbol" ? String(p) : p))];
    // Point an unknown property at the property itself, not at the whole object.
    if (iss.code === "unrecognized_keys" && iss.keys.length > 0) path.push(iss.keys[0]!);
    return { code: codeOf(iss), message: iss.message, path };
  });
}

/**
 * Wording for zod issues a schema does not word itself. A schema's own `error` wins over this
 * (zod: schema-level error, then the parse's error map, then zod's locale).
 */
const defaultMessages: z.core.$ZodErrorMap = (iss) =>
  iss.code === "unrecognized_keys"
    ? `unknown property ${iss.keys.map((k) => `"${k}"`).join(", ")}`
    : undefined;

/** Validates `input` with a schema: the parsed value, or our issues (paths under `prefix`). */
export function parseSchema<S extends z.ZodType>(
  schema: S,
  input: unknown,
  prefix: IssuePath = [],
): Result<z.output<S>> {
  const parsed = schema.safeParse(input, { reportInput: true, error: defaultMessages });
  return parsed.success ? ok(parsed.data) : fail(fromZodError(parsed.error, prefix));
}
