import { issue, fail, ok, type Result } from "../result.ts";
import { LESSON_PROGRESS } from "../store/records/lesson-progress.ts";
import { browserStore, keyOf, type Store } from "../store/store.ts";
import { markComplete, type Progress } from "./progress.ts";

/**
 * The browser binding of lesson progress: read and change it through the store, and let parts
 * of a page (sidebar marks, "Mark complete", exercise islands) hear about changes made by
 * another part or another tab.
 */
export const PROGRESS_EVENT = "nsg-lab:progress-change";
export const PROGRESS_KEY = keyOf(LESSON_PROGRESS);

/**
 * Fails with `storage-corrupt` (the stored value is unusable: hand-edited, truncated, another
 * format) or `storage-unavailable` (storage missing, blocked or full).
 */
export type ProgressResult = Result<Progress>;

export function readProgress(store: Store): ProgressResult {
  const read = store.read(LESSON_PROGRESS);
  switch (read.status) {
    case "none":
      return ok(LESSON_PROGRESS.empty());
    case "ok":
      return ok(read.value);
    case "corrupt":
      return fail([issue("storage-corrupt", `Saved progress cannot be used: ${read.message}.`)]);
    case "unavailable":
      return fail([issue("storage-unavailable", read.message)]);
  }
}

export const loadProgress = (store: Store = browserStore()): ProgressResult => readProgress(store);

function announce(result: ProgressResult): ProgressResult {
  globalThis.dispatchEvent?.(new CustomEvent<ProgressResult>(PROGRESS_EVENT, { detail: result }));
  return result;
}

/** Read, change, write; an unusable stored value is kept under its backup key, never lost. */
export const changeProgress = (
  change: (progress: Progress) => Progress,
  store: Store = browserStore(),
): ProgressResult => announce(store.update(LESSON_PROGRESS, change));

/** For exercise islands: call when the learner has finished a lesson's exercises. */
export const completeLesson = (slug: string, store?: Store): ProgressResult =>
  changeProgress((p) => markComplete(p, slug), store);

export function resetProgress(store: Store = browserStore()): ProgressResult {
  const removed = store.remove(LESSON_PROGRESS);
  return announce(removed.ok ? ok(LESSON_PROGRESS.empty()) : removed);
}

/**
 * Calls `listener` now and after every change: from this page, from another tab (the
 * `storage` event), and when the page is restored from the back/forward cache.
 * Returns a function that stops listening.
 */
export function watchProgress(listener: (result: ProgressResult) => void): () => void {
  const onChange = (event: Event) => listener((event as CustomEvent<ProgressResult>).detail);
  const reload = () => listener(loadProgress());
  const onStorage = (event: StorageEvent) => {
    if (event.key === null || event.key === PROGRESS_KEY) reload();
  };
  const onPageShow = (event: PageTransitionEvent) => {
    if (event.persisted) reload();
  };
  addEventListener(PROGRESS_EVENT, onChange);
  addEventListener("storage", onStorage);
  addEventListener("pageshow", onPageShow);
  reload();
  return () => {
    removeEventListener(PROGRESS_EVENT, onChange);
    removeEventListener("storage", onStorage);
    removeEventListener("pageshow", onPageShow);
  };
}
