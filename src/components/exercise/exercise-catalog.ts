import {
  buildCatalog,
  exercisesByLesson,
  findExercise,
  inLessonOrder,
  type CatalogEntry,
} from "../../lib/exercise-ui/exercise-catalog.ts";
import { embeddedExerciseIds } from "../../lib/course/embedded-exercises.ts";
import { joinMessages } from "../../lib/result.ts";

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

let cached: Map<string, CatalogEntry> | undefined;

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

/** Ids of every exercise that belongs to the same lesson (the lesson is done when all pass). */
export function lessonExerciseIds(entry: CatalogEntry): string[] {
  const lesson = entry.exercise.lesson;
  return lesson ? (exercisesByLesson(exerciseCatalog()).get(lesson) ?? [entry.id]) : [];
}

/** Every exercise in the order learners meet them in the course (`lessons` in course order). */
export function exercisesInLessonOrder(lessons: readonly { slug: string; body?: string }[]): CatalogEntry[] {
  return inLessonOrder(
    exerciseCatalog().values(),
    lessons.map((l) => ({ slug: l.slug, exerciseIds: embeddedExerciseIds(l.body ?? "") })),
  );
}
