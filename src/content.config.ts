import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { lessonFrontmatterSchema } from "./lib/course/lesson-frontmatter.ts";

/** Lessons live in content/lessons/*.mdx; their frontmatter is checked at build time. */
const lessons = defineCollection({
  loader: glob({ pattern: "**/*.mdx", base: "./content/lessons" }),
  schema: lessonFrontmatterSchema,
});

export const collections = { lessons };
