/**
 * Course progress: which lessons a learner has completed, kept in localStorage under one
 * versioned key and validated on every read. Pure helpers take the storage as an argument;
 * `browser.ts` binds them to `localStorage` and broadcasts changes.
 */
export { emptyProgress, progressSchema, type Progress } from "./schema.ts";
export { countComplete, firstUnfinished, isComplete, markComplete, markIncomplete } from "./progress.ts";
export {
  clearProgress,
  isQuotaExceeded,
  parseProgress,
  PROGRESS_KEY,
  readProgress,
  updateProgress,
  writeProgress,
  type ProgressResult,
  type StorageLike,
} from "./storage.ts";
export {
  browserStorage,
  changeProgress,
  completeLesson,
  loadProgress,
  PROGRESS_EVENT,
  resetProgress,
  watchProgress,
} from "./browser.ts";
