import { resetProgress, watchProgress } from "../../lib/progress/index.ts";

/** ProgressNotice.astro: says so when saved progress is damaged (offering a reset) or cannot be kept. */
export function start(): void {
  const notice = document.querySelector<HTMLElement>("[data-progress-notice]");
  const text = notice?.querySelector<HTMLElement>("[data-progress-notice-text]");
  const reset = notice?.querySelector<HTMLButtonElement>("[data-progress-reset]");
  if (!notice || !text || !reset) return;
  reset.addEventListener("click", () => resetProgress());
  watchProgress((result) => {
    if (result.ok) {
      notice.hidden = true;
      return;
    }
    const corrupt = result.errors.every((e) => e.code === "storage-corrupt");
    text.textContent = corrupt
      ? "Your saved course progress could not be read, so completed lessons are not marked. " +
        "Marking a lesson complete or resetting starts a fresh record."
      : "This browser is not letting NSG Lab save progress (local storage is blocked or full). " +
        "Lessons work normally, but completed lessons will not be remembered.";
    reset.hidden = !corrupt;
    notice.hidden = false;
  });
}
