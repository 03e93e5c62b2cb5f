import type { StorageLike } from "../progress/storage.ts";
import { fail, issue, ok, type Result } from "../result.ts";

/**
 * Which exercises a learner has passed, beside the course progress (src/lib/progress keeps
 * lessons only). A lesson counts as done when every exercise it embeds has passed; the island
 * then marks the lesson complete through src/lib/progress.
 */
export const EXERCISE_PROGRESS_KEY = "nsg-lab:exercises:v1";
/** Dispatched on `document` (detail: { id }) when an exercise passes, for lists on the same page. */
export const EXERCISE_PASSED_EVENT = "nsg-lab:exercise-passed";

export interface ExerciseProgress {
  version: 1;
  /** Exercise id → when it first passed (ISO 8601). */
  passed: Record<string, string>;
}

/** Fails with `storage-corrupt` (the stored value is unusable) or `storage-unavailable`. */
export type ExerciseProgressResult = Result<ExerciseProgress>;

export const emptyExerciseProgress = (): ExerciseProgress => ({ version: 1, passed: {} });

const corrupt = (message: string) => fail([issue("storage-corrupt", message)]);
const unavailable = (message: string) => fail([issue("storage-unavailable", message)]);

export function parseExerciseProgress(raw: string | null): ExerciseProgressResult {
  if (raw === null) return ok(emptyExerciseProgress());
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return corrupt("Saved exercise results are not valid JSON.");
  }
  const d = data as { version?: unknown; passed?: unknown };
  if (
    typeof d !== "object" ||
    d === null ||
    d.version !== 1 ||
    typeof d.passed !== "object" ||
    d.passed === null ||
    Array.isArray(d.passed)
  ) {
    return corrupt("Saved exercise results have an unknown shape.");
  }
  const passed: Record<string, string> = {};
  for (const [id, at] of Object.entries(d.passed as Record<string, unknown>)) {
    if (typeof at !== "string" || Number.isNaN(Date.parse(at)))
      return corrupt(`Saved result for "${id}" has no valid date.`);
    passed[id] = at;
  }
  return ok({ version: 1, passed });
}

export function readExerciseProgress(storage: StorageLike | undefined): ExerciseProgressResult {
  if (!storage) return unavailable("This browser does not offer local storage.");
  try {
    return parseExerciseProgress(storage.getItem(EXERCISE_PROGRESS_KEY));
  } catch (error) {
    return unavailable(`Local storage cannot be read: ${(error as Error).message}`);
  }
}

export const hasPassed = (progress: ExerciseProgress, id: string): boolean =>
  Object.hasOwn(progress.passed, id);

/** Every exercise of a lesson passed (a lesson with no exercises is not done by exercises). */
export const lessonExercisesPassed = (progress: ExerciseProgress, exerciseIds: readonly string[]): boolean =>
  exerciseIds.length > 0 && exerciseIds.every((id) => hasPassed(progress, id));

/**
 * Records a pass (keeping the first date). A corrupt record is replaced, as the course
 * progress does: it could not be used anyway. Returns the progress now stored.
 */
export function recordExercisePassed(
  storage: StorageLike | undefined,
  id: string,
  now: Date = new Date(),
): ExerciseProgressResult {
  const current = readExerciseProgress(storage);
  if (!current.ok && current.errors.some((e) => e.code === "storage-unavailable")) return current;
  const base = current.ok ? current.value : emptyExerciseProgress();
  const next: ExerciseProgress = hasPassed(base, id)
    ? base
    : { version: 1, passed: { ...base.passed, [id]: now.toISOString() } };
  try {
    storage!.setItem(EXERCISE_PROGRESS_KEY, JSON.stringify(next));
    return ok(next);
  } catch (error) {
    return unavailable(`Local storage cannot be written: ${(error as Error).message}`);
  }
}
