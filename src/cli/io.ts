import { lstatSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Rules, exercise and submission files larger than this are refused before a byte is read. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** What a command needs from the outside world; tests pass an in-memory one. */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  /** The file's text; throws an Error whose message says why not (missing, too large, not a file). */
  readFile: (path: string) => string;
}

/** A batch re-grade also lists folders and writes the gradebook. */
export interface BatchIo extends Io {
  /** A folder's regular files and sub-folders; undefined when `path` is not a folder. */
  listDir: (path: string) => string[] | undefined;
  writeFile: (path: string, text: string) => void;
}

/**
 * The real file system, distrusting what it finds: only regular files are read (a FIFO would
 * block forever, /dev/zero never ends), sizes are checked before reading, and folder listings
 * leave out symbolic links (a link loop, or a link to /etc/passwd in a class inbox) with a warning.
 */
export function createNodeIo(
  out: (text: string) => void = (t) => process.stdout.write(`${t}\n`),
  err: (text: string) => void = (t) => process.stderr.write(`${t}\n`),
): BatchIo {
  return {
    out,
    err,
    readFile: (p) => {
      const stat = statSync(p);
      if (stat.isDirectory()) throw new Error("is a folder, not a file");
      if (!stat.isFile()) throw new Error("is not a regular file (a device, pipe or socket)");
      if (stat.size > MAX_FILE_BYTES) throw new Error(`is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`);
      return readFileSync(p, "utf8");
    },
    listDir: (p) => {
      let stat;
      try {
        stat = lstatSync(p);
      } catch {
        return undefined;
      }
      if (!stat.isDirectory()) return undefined;
      const kept: string[] = [];
      for (const entry of readdirSync(p, { withFileTypes: true })) {
        if (entry.isDirectory() || entry.isFile()) kept.push(entry.name);
        else
          err(
            `warning: skipped ${join(p, entry.name)}: ${entry.isSymbolicLink() ? "a symbolic link (links are not followed)" : "not a regular file"}`,
          );
      }
      return kept;
    },
    writeFile: (p, text) => writeFileSync(p, text),
  };
}

export const nodeIo: BatchIo = createNodeIo();
