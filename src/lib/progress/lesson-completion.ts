import { resultOf } from "../exercise-ui/exercise-progress.ts";
import { EXERCISE_RESULTS } from "../store/records/exercise-results.ts";
import { KNOWLEDGE_CHECKS } from "../store/records/knowledge-checks.ts";
import type { Store } from "../store/store.ts";

/**
 * A lesson completes itself when every exercise it embeds has passed and every knowledge check
 * on it has been answered right (a lesson with neither is only ever marked by hand).
 */
export const KNOWLEDGE_CHECK_EVENT = "nsg-lab:knowledge-check-answered";

export interface LessonParts {
  exerciseIds: readonly string[];
  checkIds: readonly string[];
}

export function lessonIsDone(store: Store, parts: LessonParts): boolean {
  if (parts.exerciseIds.length + parts.checkIds.length === 0) return false;
  const results = store.valueOf(EXERCISE_RESULTS);
  const answered = store.valueOf(KNOWLEDGE_CHECKS).answered;
  return (
    parts.exerciseIds.every((id) => resultOf(results, id).passedAt !== undefined) &&
    parts.checkIds.every((id) => Object.hasOwn(answered, id))
  );
}

/** Records a knowledge check answered right (keeping the first date); false if storage refused. */
export function recordKnowledgeCheck(store: Store, id: string, now: Date = new Date()): boolean {
  return store.update(KNOWLEDGE_CHECKS, (k) =>
    Object.hasOwn(k.answered, id)
      ? k
      : { version: 1 as const, answered: { ...k.answered, [id]: now.toISOString() } },
  ).ok;
}

export const hasAnswered = (store: Store, id: string): boolean =>
  Object.hasOwn(store.valueOf(KNOWLEDGE_CHECKS).answered, id);
