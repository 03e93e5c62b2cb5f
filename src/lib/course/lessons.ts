import { getCollection, type CollectionEntry } from "astro:content";
import { orderLessons, type OrderedLesson } from "./order-lessons.ts";

export type Lesson = OrderedLesson<CollectionEntry<"lessons">>;

/** All lessons in course order, with slugs; cached for the build. */
let cached: Promise<Lesson[]> | undefined;
export function getLessons(): Promise<Lesson[]> {
  cached ??= getCollection("lessons").then((entries) => orderLessons(entries));
  return cached;
}
