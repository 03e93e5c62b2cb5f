import { z } from "../zod.ts";

/** A lesson's frontmatter (content/lessons/*.mdx): checked by Astro at build and by check:content. */
export const lessonFrontmatterSchema = z.strictObject({
  title: z.string().min(1),
  /** Position in the course, 1-based; lessons are listed and chained by it. */
  order: z.number().int().positive(),
  summary: z.string().min(1),
  /** Reading and exercise time in minutes. */
  duration: z.number().int().positive(),
  objectives: z.array(z.string().min(1)).min(1),
});

export type LessonFrontmatter = z.output<typeof lessonFrontmatterSchema>;
