import "./zod-no-eval.ts";

/** The project imports zod from here, so zod never tries eval (see zod-no-eval.ts). */
import { z } from "zod";

export { z };

/**
 * A schema built the first time it is used, not when its module loads. Building the site's
 * schemas costs a phone over 100 ms at 4× CPU (issue 18), which every page that imports the
 * evaluator would pay at start-up even before it validates anything. Zod's own `z.lazy` defers
 * the build and keeps the schema's behaviour (parsing, errors, JSON Schema); the build is
 * remembered, so `unwrap()` gives the one schema built (for its `.shape`).
 */
export function lazySchema<T extends z.ZodType>(build: () => T): z.ZodLazy<T> {
  let schema: T | undefined;
  return z.lazy(() => (schema ??= build()));
}
