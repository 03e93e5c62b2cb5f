import type { Exercise } from "../grader/index.ts";
import { createBatch, type RegradeBatch } from "./batch.ts";
import { intake, type Skipped } from "./intake.ts";
import { folderOfRelativePath } from "./regrade.ts";
import { compareHandInPaths } from "./row-order.ts";

/**
 * The gradebook page's re-grade, without the DOM: what its worker runs on the files an
 * instructor dropped or chose. The files are taken in the CLI's order (folder by folder), read
 * one at a time and graded by the same batch as `npm run grade -- --submissions`.
 */

/** A file as the page has it: its path relative to what was chosen, its size, and a way to read it. */
export interface DroppedFile {
  path: string;
  size: number;
  text: () => Promise<string>;
}

export interface DroppedResult {
  batch: RegradeBatch;
  skipped: Skipped[];
  /** Files graded (the .json files read or refused as too large). */
  files: number;
}

export async function regradeDropped(
  dropped: readonly DroppedFile[],
  exercises: ReadonlyMap<string, Exercise>,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<DroppedResult> {
  const files = [...dropped].sort((a, b) => compareHandInPaths(a.path, b.path));
  const { read, skipped } = intake(files);
  const batch = createBatch(exercises);
  let done = 0;
  onProgress(0, read.length);
  for (const { index, unreadable } of read) {
    const file = files[index]!;
    let text: string | { unreadable: string };
    if (unreadable) text = { unreadable };
    else
      try {
        text = await file.text();
      } catch (e) {
        text = { unreadable: e instanceof Error ? e.message : String(e) };
      }
    const folder = folderOfRelativePath(file.path);
    batch.add({ path: file.path, ...(folder ? { folder } : {}), text });
    onProgress(++done, read.length);
  }
  return { batch: batch.finish(), skipped, files: read.length };
}
