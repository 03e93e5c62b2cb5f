import { readdirSync, readFileSync } from "node:fs";
import type { BatchIo } from "../../src/cli/io.ts";

/**
 * The CLI's file access over an in-memory folder (`inbox/alice/x.json` → text) beside the real
 * `graders/`: what the CLI printed, warned and wrote is kept for the test to read.
 */
export function memoryIo(files: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const written: Record<string, string> = {};
  const io: BatchIo = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    readFile: (p) => (p in files ? files[p]! : readFileSync(p, "utf8")),
    listDir: (p) => {
      if (p === "graders") return readdirSync("graders");
      const names = Object.keys(files)
        .filter((f) => f.startsWith(`${p}/`))
        .map((f) => f.slice(p.length + 1).split("/")[0]!);
      return names.length > 0 ? [...new Set(names)] : undefined;
    },
    writeFile: (p, text) => {
      written[p] = text;
    },
  };
  return { io, out, err, written };
}
