import { lessonSlug } from "./lesson-slug.ts";

/** What the site needs from a lesson entry, independent of Astro's types (so it is testable). */
export interface LessonEntryLike<D extends { order: number; title: string }> {
  id: string;
  data: D;
}

export type OrderedLesson<E> = E & { slug: string; position: number };

/**
 * Sorts lessons by `order` and gives each its slug and 1-based position. Two lessons with the
 * same order or the same slug would make the course chain or URLs ambiguous: build error.
 */
export function orderLessons<D extends { order: number; title: string }, E extends LessonEntryLike<D>>(
  entries: readonly E[],
): OrderedLesson<E>[] {
  const sorted = [...entries].sort((a, b) => a.data.order - b.data.order);
  const problems: string[] = [];
  const bySlug = new Map<string, string>();
  sorted.forEach((entry, i) => {
    const slug = lessonSlug(entry.id);
    const other = bySlug.get(slug);
    if (other) problems.push(`lessons "${other}" and "${entry.id}" share the slug "${slug}"`);
    bySlug.set(slug, entry.id);
    const previous = sorted[i - 1];
    if (previous && previous.data.order === entry.data.order) {
      problems.push(`lessons "${previous.id}" and "${entry.id}" share order ${entry.data.order}`);
    }
  });
  if (problems.length > 0) throw new Error(`content/lessons: ${problems.join("; ")}`);
  return sorted.map((entry, i) => ({ ...entry, slug: lessonSlug(entry.id), position: i + 1 }));
}
