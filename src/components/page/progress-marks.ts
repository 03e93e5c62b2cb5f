import { emptyProgress, isComplete, watchProgress } from "../../lib/progress/index.ts";

/**
 * Sets data-done="true|false" on every element with data-progress-slug, so CSS can show the
 * checkmarks (.done-mark, DoneMark.astro) in the home list and the lesson sidebar.
 */
export function showProgressMarks(): void {
  if (!document.querySelector("[data-progress-slug]")) return;
  watchProgress((result) => {
    const progress = result.ok ? result.value : emptyProgress();
    for (const el of document.querySelectorAll<HTMLElement>("[data-progress-slug]")) {
      el.dataset.done = String(isComplete(progress, el.dataset.progressSlug ?? ""));
    }
  });
}
