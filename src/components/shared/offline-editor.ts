/**
 * Once an editor has opened on a page, asks the service worker to keep the editor's files
 * (Monaco, its workers, the large-rules grader) for offline use: they are ten times the rest
 * of the course, so the first visit leaves them out until a learner shows they use them.
 */
import { OFFLINE_MESSAGES } from "../../lib/offline/worker-protocol.ts";

let asked = false;

export function keepEditorOffline(): void {
  if (asked) return;
  asked = true;
  try {
    if (!("serviceWorker" in navigator)) return;
    // `ready` waits for the first visit's worker to finish installing; without a worker
    // (blocked, file://) it never settles, and nothing is asked.
    void navigator.serviceWorker.ready.then((registration) =>
      registration.active?.postMessage({ type: OFFLINE_MESSAGES.keepEditorOffline }),
    );
  } catch {
    // Some browsers throw on navigator.serviceWorker when storage is off: no offline copy then.
  }
}
