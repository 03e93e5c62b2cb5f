import type { z } from "../zod.ts";
import type { Issue } from "../result.ts";

/** Turns zod's issues into ours: same message, path restricted to strings and numbers. */
export function fromZodError(error: z.ZodError, prefix: ReadonlyArray<string | number> = []): Issue[] {
  return error.issues.map((iss) => {
    const path = [...prefix, ...iss.path.map((p) => (typeof p === "symbol" ? String(p) : p))];
    // Point an unknown property at the property itself, not at the whole object.
    if (iss.code === "unrecognized_keys" && iss.keys.length > 0) {
      path.push(iss.keys[0]!);
      // Schemas with their own wording (rules suggest a close key) keep it; others get ours.
      const message = iss.message.startsWith("Unrecognized key")
        ? `unknown property ${iss.keys.map((k) => `"${k}"`).join(", ")}`
        : iss.message;
      return { message, path };
    }
    return { message: iss.message, path };
  });
}
