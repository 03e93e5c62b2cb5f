import { fail, issue, ok, type Result } from "../result.ts";
import { EXERCISE_RESULTS, type ExerciseResult, type ExerciseResults } from "./records/exercise-results.ts";
import { LESSON_PROGRESS, type LessonProgress } from "./records/lesson-progress.ts";
import type { Store } from "./store.ts";
import { isObject } from "./records/validate.ts";

/**
 * Progress as a file, to carry to another browser: lessons completed and exercise results
 * (drafts stay behind: the submission file carries rules). Importing merges, and a merge never
 * drops a pass: the earlier date of two wins, and what only one side has is kept.
 */
export const PROGRESS_FILE_FORMAT = "nsg-lab-progress";
/** A progress file is small; anything this large is not one. */
export const MAX_PROGRESS_FILE_BYTES = 1_000_000;

export interface ProgressFile {
  format: typeof PROGRESS_FILE_FORMAT;
  version: 1;
  exportedAt: string;
  lessons: LessonProgress;
  exercises: ExerciseResults;
}

const invalid = (message: string) => fail([issue("progress-file-invalid", message)]);

export function exportProgress(store: Store, now: Date = new Date()): ProgressFile {
  return {
    format: PROGRESS_FILE_FORMAT,
    version: 1,
    exportedAt: now.toISOString(),
    lessons: store.valueOf(LESSON_PROGRESS),
    exercises: store.valueOf(EXERCISE_RESULTS),
  };
}

export const progressFileName = (now: Date = new Date()): string =>
  `nsg-lab-progress-${now.toISOString().slice(0, 10)}.json`;

/** Reads a progress file; bad entries inside it are left out, a file that is not one is refused. */
export function parseProgressFile(text: string): Result<ProgressFile> {
  if (text.length > MAX_PROGRESS_FILE_BYTES)
    return invalid("This file is far larger than a progress file; nothing was imported.");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return invalid("This file is not JSON, so it is not an NSG Lab progress file; nothing was imported.");
  }
  if (!isObject(json) || json.format !== PROGRESS_FILE_FORMAT)
    return invalid(
      "This is not an NSG Lab progress file (use “Export progress” to make one); nothing was imported.",
    );
  if (json.version !== 1)
    return invalid(
      `This progress file is version ${JSON.stringify(json.version)}, which this NSG Lab does not read.`,
    );
  const lessons = LESSON_PROGRESS.parse(json.lessons);
  const exercises = EXERCISE_RESULTS.parse(json.exercises);
  if (!lessons.ok || !exercises.ok)
    return invalid(
      "This progress file is damaged (its lessons or exercises cannot be read); nothing was imported.",
    );
  return ok({
    format: PROGRESS_FILE_FORMAT,
    version: 1,
    exportedAt: typeof json.exportedAt === "string" ? json.exportedAt : "",
    lessons: lessons.value,
    exercises: exercises.value,
  });
}

const earlier = (a: string | undefined, b: string | undefined) =>
  a === undefined ? b : b === undefined ? a : Date.parse(a) <= Date.parse(b) ? a : b;
const later = (a: string | undefined, b: string | undefined) =>
  a === undefined ? b : b === undefined ? a : Date.parse(a) >= Date.parse(b) ? a : b;

function mergeResult(mine: ExerciseResult | undefined, theirs: ExerciseResult): ExerciseResult {
  const passedAt = earlier(mine?.passedAt, theirs.passedAt);
  const attemptedAt = later(mine?.attemptedAt, theirs.attemptedAt);
  const predictions = mine?.predictions ?? theirs.predictions;
  return {
    ...(passedAt ? { passedAt } : {}),
    ...(attemptedAt ? { attemptedAt } : {}),
    ...(predictions ? { predictions } : {}),
  };
}

export function mergeLessons(mine: LessonProgress, theirs: LessonProgress): LessonProgress {
  const completed = { ...mine.completed };
  for (const [slug, at] of Object.entries(theirs.completed)) completed[slug] = earlier(completed[slug], at)!;
  return { version: 1, completed };
}

export function mergeExercises(mine: ExerciseResults, theirs: ExerciseResults): ExerciseResults {
  const exercises = { ...mine.exercises };
  for (const [id, result] of Object.entries(theirs.exercises))
    exercises[id] = mergeResult(exercises[id], result);
  return { version: 2, exercises };
}

/** What an import changed, for the learner. */
export interface ImportSummary {
  lessonsAdded: number;
  passesAdded: number;
}

export function importProgress(store: Store, file: ProgressFile): Result<ImportSummary> {
  const before = { lessons: store.valueOf(LESSON_PROGRESS), exercises: store.valueOf(EXERCISE_RESULTS) };
  const lessons = store.update(LESSON_PROGRESS, (mine) => mergeLessons(mine, file.lessons));
  if (!lessons.ok) return lessons;
  const exercises = store.update(EXERCISE_RESULTS, (mine) => mergeExercises(mine, file.exercises));
  if (!exercises.ok) return exercises;
  const passes = (r: ExerciseResults) => Object.values(r.exercises).filter((e) => e.passedAt).length;
  return ok({
    lessonsAdded: Object.keys(lessons.value.completed).length - Object.keys(before.lessons.completed).length,
    passesAdded: passes(exercises.value) - passes(before.exercises),
  });
}
