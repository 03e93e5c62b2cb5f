import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { z } from "astro/zod";

/** Lessons live in content/lessons/*.mdx; the frontmatter below is checked at build time. */
const lessons = defineCollection({
  loader: glob({ pattern: "**/*.mdx", base: "./content/lessons" }),
  schema: z.object({
    title: z.string().min(1),
    /** Position in the course, 1-based; lessons are listed and chained by it. */
    order: z.number().int().positive(),
    summary: z.string().min(1),
    /** Reading and exercise time in minutes. */
    duration: z.number().int().positive(),
    objectives: z.array(z.string().min(1)).min(1),
  }),
});

export const collections = { lessons };
