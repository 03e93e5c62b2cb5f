import {
  changeProgress,
  isComplete,
  markComplete,
  markIncomplete,
  watchProgress,
} from "../../lib/progress/index.ts";

/** LessonComplete.astro: the "Mark lesson complete" button and what it says of this lesson. */
export function start(): void {
  const root = document.querySelector<HTMLElement>("[data-lesson-complete]");
  const status = root?.querySelector<HTMLElement>("[data-lesson-complete-status]");
  const button = root?.querySelector<HTMLButtonElement>("[data-lesson-complete-button]");
  if (!root || !status || !button) return;
  const slug = root.dataset.lessonComplete ?? "";
  let done = false;
  button.hidden = false;
  button.addEventListener("click", () => {
    const result = changeProgress((p) => (done ? markIncomplete(p, slug) : markComplete(p, slug)));
    if (!result.ok)
      status.textContent = "Could not save: this browser is not letting the site store progress.";
  });
  watchProgress((result) => {
    done = result.ok && isComplete(result.value, slug);
    root.dataset.done = String(done);
    button.textContent = done ? "Mark as not complete" : "Mark lesson complete";
    button.classList.toggle("button-secondary", done);
    if (result.ok) {
      status.textContent = done
        ? "✓ You completed this lesson."
        : "Done with this lesson? Mark it complete to track your progress.";
    }
  });
}
