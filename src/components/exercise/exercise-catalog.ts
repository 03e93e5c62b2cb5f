import {
  buildCatalog,
  findExercise,
  inLessonOrder,
  type CatalogEntry,
} from "../../lib/exercise-ui/exercise-catalog.ts";
import { embeddedExerciseIds } from "../../lib/course/embedded-exercises.ts";
import { joinMessages } from "../../lib/result.ts";
import { withBase } from "../../lib/course/base-path.ts";

/**
 * Build-time access to graders/*.yaml for <Exercise> and the /exercises/ pages. The files are
 * bundled as text (Vite glob), validated once per build; an invalid file stops the build with
 * its file:line:col.
 */
const files = import.meta.glob<string>("/graders/*.{yaml,yml,json}", {
  query: "?raw",
  import: "default",
  eager: true,
});

const lessonTexts = import.meta.glob<string>("/content/lessons/*.mdx", {
  query: "?raw",
  import: "default",
  eager: true,
});

let cached: Map<string, CatalogEntry> | undefined;
let order: string[] | undefined;

/** Every exercise id in course order: lesson files sort in course order by their number prefix. */
export function courseExerciseOrder(): string[] {
  order ??= inLessonOrder(
    exerciseCatalog().values(),
    Object.keys(lessonTexts)
      .sort()
      .map((path) => ({ slug: path, exerciseIds: embeddedExerciseIds(lessonTexts[path]!) })),
  ).map((e) => e.id);
  return order;
}

export function exerciseCatalog(): Map<string, CatalogEntry> {
  if (cached) return cached;
  const result = buildCatalog(files);
  if (!result.ok)
    throw new Error(`Invalid exercise file(s) in graders/:\n${joinMessages(result.errors, "\n")}`);
  cached = result.value;
  return cached;
}

export const getExercise = (id: string, usedIn?: string): CatalogEntry =>
  findExercise(exerciseCatalog(), id, usedIn);

/** The exercise after this one in course order (the rest of its lesson, then the next lessons'), with its page. */
export function nextExercise(entry: CatalogEntry): { id: string; title: string; href: string } | undefined {
  const order = courseExerciseOrder();
  const next = order[order.indexOf(entry.id) + 1];
  const found = next === undefined ? undefined : exerciseCatalog().get(next);
  return found && { id: found.id, title: found.exercise.title, href: withBase(`exercises/${found.id}/`) };
}

/** Every exercise in the order learners meet them in the course (`lessons` in course order). */
export function exercisesInLessonOrder(lessons: readonly { slug: string; body?: string }[]): CatalogEntry[] {
  return inLessonOrder(
    exerciseCatalog().values(),
    lessons.map((l) => ({ slug: l.slug, exerciseIds: embeddedExerciseIds(l.body ?? "") })),
  );
}
