import type { LessonProgress } from "../store/records/lesson-progress.ts";

/** Pure operations on lesson progress; they never mutate their input. */
export type Progress = LessonProgress;

export function isComplete(progress: Progress, slug: string): boolean {
  return Object.hasOwn(progress.completed, slug);
}

export function markComplete(progress: Progress, slug: string, at: Date = new Date()): Progress {
  if (isComplete(progress, slug)) return progress;
  return { ...progress, completed: { ...progress.completed, [slug]: at.toISOString() } };
}

export function markIncomplete(progress: Progress, slug: string): Progress {
  if (!isComplete(progress, slug)) return progress;
  const completed = { ...progress.completed };
  delete completed[slug];
  return { ...progress, completed };
}

/** The lesson a learner should continue with: the first in course order not yet completed. */
export function firstUnfinished(progress: Progress, slugsInOrder: readonly string[]): string | undefined {
  return slugsInOrder.find((slug) => !isComplete(progress, slug));
}

/** How many of the given lessons are complete (stale slugs in storage are not counted). */
export function countComplete(progress: Progress, slugs: readonly string[]): number {
  return slugs.filter((slug) => isComplete(progress, slug)).length;
}
