#!/usr/bin/env node
/**
 * `npm run check:content`: validates every exercise in graders/ (see AUTHORING.md).
 * Prints file:line:col for each problem and exits 1 when there is any.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { runContentCheck } from "../src/cli/check-content-command.ts";

const dir = process.argv[2] ?? "graders";
const files = readdirSync(dir).filter((f) => /\.(ya?ml|json)$/.test(f)).sort().map((f) => join(dir, f));
process.exitCode = runContentCheck(files.map((file) => ({ file, text: readFileSync(file, "utf8") })), (line) => console.log(line));
