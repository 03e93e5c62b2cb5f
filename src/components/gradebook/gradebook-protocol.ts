import type { DroppedResult } from "../../lib/gradebook/dropped-files.ts";

/**
 * The gradebook page and its worker: one batch in (the files as the browser handed them over,
 * each with its path relative to what was chosen, in several messages, then "grade"), progress
 * out while it grades, then the result.
 */
export type GradebookRequest =
  | { id: number; type: "files"; files: { path: string; file: File }[] }
  /** `expectations`: the instructor's expectations file, when one was chosen (never shipped with the site). */
  | { id: number; type: "grade"; expectations?: { name: string; text: string } };

/**
 * Files are handed over this many at a time: cloning a File into a message holds the page's
 * main thread 0.1 to 1 ms per file in Chromium (npm run bench, 7b), so 1,000 in one message
 * would freeze it for up to a second, and 20 for a few milliseconds.
 */
export const FILES_PER_MESSAGE = 20;

export type GradebookResponse =
  | { id: number; type: "progress"; done: number; total: number }
  | {
      id: number;
      type: "done";
      result: DroppedResult;
      /** Exercise titles by id, for the LMS layouts' columns. */
      titles: [string, string][];
      /** Exercise files of this build that did not load (check:content keeps this empty). */
      problems: string[];
    }
  | { id: number; type: "failed"; message: string };

/** Progress is posted at most this often: the page shows it, nobody reads 1,000 updates. */
export const PROGRESS_EVERY_MS = 100;
