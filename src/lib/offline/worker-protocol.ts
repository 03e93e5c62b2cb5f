/**
 * The contract between pages and the service worker: where the worker is, and what pages ask
 * of it (postMessage). Pages import this file alone, so it stays tiny.
 */

/** The worker's file, at the root of the site so that its scope is the whole site. */
export const SERVICE_WORKER_FILE = "sw.js";

export const OFFLINE_MESSAGES = {
  /** The learner chose Reload: the waiting version takes over now rather than when every tab closes. */
  activateNewVersion: "nsg-lab:activate-new-version",
  /** An editor has opened: keep Monaco and its workers for offline use too. */
  keepEditorOffline: "nsg-lab:keep-editor-offline",
} as const;

export type OfflineMessage = (typeof OFFLINE_MESSAGES)[keyof typeof OFFLINE_MESSAGES];

/** The message a page sent, or undefined for anything else (another script's messages). */
export function readOfflineMessage(data: unknown): OfflineMessage | undefined {
  const type = typeof data === "object" && data !== null ? (data as { type?: unknown }).type : undefined;
  return Object.values(OFFLINE_MESSAGES).find((known) => known === type);
}
