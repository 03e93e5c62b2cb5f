import "../zod-no-eval.ts";
import * as z from "zod/mini";

/**
 * What the browser remembers about a learner's course progress. zod/mini keeps the schema
 * tree-shakable: this file ships to lesson pages, which must stay light.
 * `completed` maps a lesson slug (see src/lib/course/lesson-slug.ts) to when it was completed;
 * slugs of lessons that no longer exist are kept and simply ignored by the UI.
 */
export const progressSchema = z.object({
  version: z.literal(1),
  completed: z.record(z.string().check(z.minLength(1)), z.iso.datetime()),
});

export type Progress = z.infer<typeof progressSchema>;

export const emptyProgress = (): Progress => ({ version: 1, completed: {} });
