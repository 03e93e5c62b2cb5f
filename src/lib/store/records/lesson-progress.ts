import type { RecordKind } from "../store.ts";
import { accept, isDate, isObject, refuse, salvageEntries } from "./validate.ts";

/**
 * Which lessons a learner has completed: lesson slug (src/lib/course/lesson-slug.ts) → when.
 * Slugs of lessons that no longer exist are kept and simply ignored by the UI.
 */
export interface LessonProgress {
  version: 1;
  completed: Record<string, string>;
}

export const emptyLessonProgress = (): LessonProgress => ({ version: 1, completed: {} });

export const LESSON_PROGRESS: RecordKind<LessonProgress> & { empty: () => LessonProgress } = {
  name: "progress",
  version: 1,
  empty: emptyLessonProgress,
  parse(json) {
    if (!isObject(json)) return refuse("storage-corrupt", "Saved progress is not an object.");
    if (json.version !== 1)
      return refuse(
        "storage-corrupt",
        `Saved progress has an unknown version ${JSON.stringify(json.version)}.`,
        ["version"],
      );
    if (!isObject(json.completed))
      return refuse("storage-corrupt", "Saved progress has no list of completed lessons.", ["completed"]);
    const { kept, dropped } = salvageEntries<string>(json.completed, "completed", (at, slug) =>
      isDate(at) ? { keep: at } : { reason: `lesson "${slug}" has no valid completion date` },
    );
    return accept({ version: 1, completed: kept }, dropped);
  },
};
