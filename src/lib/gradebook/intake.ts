/**
 * Which of the files an instructor drops are read: the page must stay usable whatever lands in
 * it (a 50 MB folder of videos, a zip, an LMS's whole download). Submission files are small
 * JSON (a few KB; an assignment with long scripts, well under 1 MB), so only `.json` files are
 * read, each up to the CLI's 5 MB, and a batch stops reading at a count and a total no class
 * reaches. Every file left out is listed with why; what is read is graded as the CLI grades it
 * (the CLI skips the same non-JSON files in a folder).
 */

/** The CLI's limit per file (src/cli/io.ts), so both refuse the same files. */
export const MAX_SUBMISSION_BYTES = 5 * 1024 * 1024;
/** Far beyond any class (1,000 learners × an assignment file), far below what freezes a tab. */
export const MAX_BATCH_FILES = 5_000;
export const MAX_BATCH_BYTES = 100 * 1024 * 1024;

export interface Candidate {
  /** The path as the browser gives it (`inbox/alice/x.json`), or the file's name. */
  path: string;
  size: number;
}

export interface Skipped {
  path: string;
  reason: string;
}

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

function notJson(path: string): string | undefined {
  const name = path.slice(path.lastIndexOf("/") + 1).toLowerCase();
  if (name.endsWith(".json")) return undefined;
  if (/\.(zip|7z|rar|tar|tgz|gz)$/.test(name))
    return "an archive, which is not opened here: extract it and choose the folder";
  return "not a .json file (submission files and result.json files are .json)";
}

/** A candidate to grade: its index, and why it cannot be read when it is too large (a row, as in the CLI). */
export interface Accepted {
  index: number;
  unreadable?: string;
}

/** The candidates to grade, in order, and every other one with its reason. */
export function intake(candidates: readonly Candidate[]): { read: Accepted[]; skipped: Skipped[] } {
  const read: Accepted[] = [];
  const skipped: Skipped[] = [];
  let bytes = 0;
  candidates.forEach((c, index) => {
    const other = notJson(c.path);
    if (other) return void skipped.push({ path: c.path, reason: other });
    if (read.length >= MAX_BATCH_FILES)
      return void skipped.push({
        path: c.path,
        reason: `not read: a batch reads at most ${MAX_BATCH_FILES.toLocaleString("en")} files; grade the rest in another batch`,
      });
    // The CLI's words for a file it will not read (src/cli/io.ts): the same row either way.
    if (c.size > MAX_SUBMISSION_BYTES)
      return void read.push({ index, unreadable: `is larger than ${MAX_SUBMISSION_BYTES / 1024 / 1024} MB` });
    if (bytes + c.size > MAX_BATCH_BYTES)
      return void skipped.push({
        path: c.path,
        reason: `not read: a batch reads at most ${mb(MAX_BATCH_BYTES)} of files; grade the rest in another batch`,
      });
    bytes += c.size;
    read.push({ index });
  });
  return { read, skipped };
}
