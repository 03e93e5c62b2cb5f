/**
 * Course progress: which lessons a learner has completed, kept in the browser store
 * (src/lib/store, record `progress`). Pure helpers in progress.ts; browser.ts binds them to the
 * store and broadcasts changes.
 */
export { emptyLessonProgress as emptyProgress } from "../store/records/lesson-progress.ts";
export {
  countComplete,
  firstUnfinished,
  isComplete,
  markComplete,
  markIncomplete,
  type Progress,
} from "./progress.ts";
export {
  changeProgress,
  completeLesson,
  loadProgress,
  PROGRESS_EVENT,
  PROGRESS_KEY,
  readProgress,
  resetProgress,
  watchProgress,
  type ProgressResult,
} from "./browser.ts";
