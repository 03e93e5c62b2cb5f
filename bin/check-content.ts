#!/usr/bin/env node
/**
 * `npm run check:content`: validates every exercise in graders/ and lesson in content/lessons/
 * (see AUTHORING.md).
 * Prints file:line:col for each problem and exits 1 when there is any.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { runContentCheck } from "../src/cli/check-content-command.ts";

const dir = process.argv[2] ?? "graders";
const files = readdirSync(dir)
  .filter((f) => /\.(ya?ml|json)$/.test(f))
  .sort()
  .map((f) => join(dir, f));
const lessonDir = process.argv[3] ?? "content/lessons";
const lessons = readdirSync(lessonDir)
  .filter((f) => f.endsWith(".mdx"))
  .sort()
  .map((f) => join(lessonDir, f));
const read = (file: string) => ({ file, text: readFileSync(file, "utf8") });
process.exitCode = runContentCheck(files.map(read), (line) => console.log(line), lessons.map(read));
