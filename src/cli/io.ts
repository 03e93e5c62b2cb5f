import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";

/** What a command needs from the outside world; tests pass an in-memory one. */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  readFile: (path: string) => string;
}

/** A batch re-grade also lists folders and writes the gradebook. */
export interface BatchIo extends Io {
  listDir: (path: string) => string[] | undefined;
  writeFile: (path: string, text: string) => void;
}

export const nodeIo: BatchIo = {
  out: (t) => process.stdout.write(`${t}\n`),
  err: (t) => process.stderr.write(`${t}\n`),
  readFile: (p) => readFileSync(p, "utf8"),
  listDir: (p) => (existsSync(p) && statSync(p).isDirectory() ? readdirSync(p) : undefined),
  writeFile: (p, text) => writeFileSync(p, text),
};
