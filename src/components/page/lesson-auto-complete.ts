import { browserStore } from "../../lib/store/store.ts";
import { completeLesson, loadProgress } from "../../lib/progress/browser.ts";
import { isComplete } from "../../lib/progress/progress.ts";
import { KNOWLEDGE_CHECK_EVENT, lessonIsDone } from "../../lib/progress/lesson-completion.ts";
import { EXERCISE_PASSED_EVENT } from "../../lib/exercise-ui/exercise-progress.ts";

/**
 * LessonAutoComplete.astro: completes the lesson once every exercise on it has passed and every
 * knowledge check has been answered right, heard on each new pass or right answer.
 */
export function start(): void {
  const marker = document.querySelector<HTMLElement>("[data-lesson-autocomplete]");
  if (!marker) return;
  const slug = marker.dataset.lessonAutocomplete ?? "";
  const exerciseIds = JSON.parse(marker.dataset.exerciseIds ?? "[]") as string[];
  const checkIds = [...document.querySelectorAll<HTMLElement>("[data-knowledge-check]")].map(
    (k) => k.dataset.knowledgeCheck ?? "",
  );
  const onProgress = () => {
    const progress = loadProgress();
    if (progress.ok && isComplete(progress.value, slug)) return;
    if (lessonIsDone(browserStore(), { exerciseIds, checkIds })) completeLesson(slug);
  };
  document.addEventListener(EXERCISE_PASSED_EVENT, onProgress);
  document.addEventListener(KNOWLEDGE_CHECK_EVENT, onProgress);
}
