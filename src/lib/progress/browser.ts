import { markComplete } from "./progress.ts";
import type { Progress } from "./schema.ts";
import {
  clearProgress,
  PROGRESS_KEY,
  readProgress,
  updateProgress,
  type ProgressResult,
  type StorageLike,
} from "./storage.ts";

/**
 * The thin browser binding: which storage to use and how parts of a page (sidebar marks,
 * "Mark complete" button, exercise islands) hear about changes made by another part or tab.
 */
export const PROGRESS_EVENT = "nsg-lab:progress-change";

/** `localStorage` itself can throw (e.g. Chromium with site data blocked), so probe it. */
export function browserStorage(): StorageLike | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

export const loadProgress = (): ProgressResult => readProgress(browserStorage());

function announce(result: ProgressResult): ProgressResult {
  globalThis.dispatchEvent?.(new CustomEvent<ProgressResult>(PROGRESS_EVENT, { detail: result }));
  return result;
}

export const changeProgress = (change: (progress: Progress) => Progress): ProgressResult =>
  announce(updateProgress(browserStorage(), change));

/** For exercise islands: call when the learner has passed a lesson's exercise. */
export const completeLesson = (slug: string): ProgressResult => changeProgress((p) => markComplete(p, slug));

export const resetProgress = (): ProgressResult => announce(clearProgress(browserStorage()));

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
