import { fail, issue, ok, type Result } from "../result.ts";
import {
  EXERCISE_RESULTS,
  type ExerciseResult,
  type ExerciseResults,
  type Prediction,
} from "../store/records/exercise-results.ts";
import { keyOf, type Store } from "../store/store.ts";

/**
 * What a learner has done in each exercise (passed, attempted, a predict exercise's answers),
 * kept in the browser store beside lesson progress. A lesson counts as done by its exercises
 * when every exercise it embeds has passed; the island then marks it complete.
 */
export const EXERCISE_RESULTS_KEY = keyOf(EXERCISE_RESULTS);
/** Dispatched on `document` (detail: { id }) when an exercise's result changes, for lists on the page. */
export const EXERCISE_PASSED_EVENT = "nsg-lab:exercise-passed";

export type { ExerciseResult, ExerciseResults, Prediction };

/** Fails with `storage-corrupt` (the stored value is unusable) or `storage-unavailable`. */
export function readExerciseResults(store: Store): Result<ExerciseResults> {
  const read = store.read(EXERCISE_RESULTS);
  if (read.status === "ok") return ok(read.value);
  if (read.status === "none") return ok(EXERCISE_RESULTS.empty());
  if (read.status === "corrupt")
    return fail([issue("storage-corrupt", `Saved exercise results cannot be used: ${read.message}.`)]);
  return fail([issue("storage-unavailable", read.message)]);
}

export const resultOf = (results: ExerciseResults, id: string): ExerciseResult =>
  Object.hasOwn(results.exercises, id) ? results.exercises[id]! : {};

export const hasPassed = (results: ExerciseResults, id: string): boolean =>
  resultOf(results, id).passedAt !== undefined;

/** "passed", "attempted" (graded with the learner's own work, not passed yet) or "new". */
export type ExerciseStatus = "passed" | "attempted" | "new";

export function statusOf(results: ExerciseResults, id: string): ExerciseStatus {
  const result = resultOf(results, id);
  return result.passedAt !== undefined ? "passed" : result.attemptedAt !== undefined ? "attempted" : "new";
}

function change(
  store: Store,
  id: string,
  edit: (result: ExerciseResult) => ExerciseResult,
): Result<ExerciseResults> {
  return store.update(EXERCISE_RESULTS, (results) => {
    const before = resultOf(results, id);
    const after = edit(before);
    return after === before ? results : { version: 2, exercises: { ...results.exercises, [id]: after } };
  });
}

/**
 * Records a pass, keeping the first date. Earlier results survive an unusable entry (dropped
 * on read, its original kept under the backup key) and an unusable record (backed up first).
 */
export const recordPass = (store: Store, id: string, now: Date = new Date()): Result<ExerciseResults> =>
  change(store, id, (r) => (r.passedAt !== undefined ? r : { ...r, passedAt: now.toISOString() }));

/** Records that the learner graded work of their own (not the starter as it came). */
export const recordAttempt = (store: Store, id: string, now: Date = new Date()): Result<ExerciseResults> =>
  change(store, id, (r) => ({ ...r, attemptedAt: now.toISOString() }));

export const savePredictions = (
  store: Store,
  id: string,
  predictions: readonly Prediction[],
): Result<ExerciseResults> => change(store, id, (r) => ({ ...r, predictions: [...predictions] }));
