/**
 * "Code never branches on message text" (CONTRIBUTING.md §6): messages are for people and may be
 * reworded; decisions use `Issue.code` (or an error's `name`). This scans src/ for comparisons
 * and tests on a `.message`.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const BRANCHING = [
  /\.message\s*(?:===|!==|==|!=)/,
  /(?:===|!==|==|!=)\s*[\w.?!]*\.message\b/,
  /\.message\s*\.\s*(?:startsWith|endsWith|includes|match|matchAll|search|indexOf)\s*\(/,
  /\.test\(\s*[\w.?!()]*\.message\b/,
];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.(ts|astro)$/.test(entry.name) ? [path] : [];
  });
}

describe("no branching on message text", () => {
  it("finds no comparison or test on a message in src/", () => {
    const found = sources("src").flatMap((file) =>
      readFileSync(file, "utf8")
        .split("\n")
        .flatMap((line, i) =>
          BRANCHING.some((re) => re.test(line)) ? [`${file}:${i + 1}: ${line.trim()}`] : [],
        ),
    );
    expect(found).toEqual([]);
  });

  it("would catch the patterns it looks for", () => {
    for (const line of [
      'if (issue.message.startsWith("unknown property")) {',
      "const quota = /quota/i.test(error.message);",
      'if (e.message === "x") return;',
    ])
      expect(
        BRANCHING.some((re) => re.test(line)),
        line,
      ).toBe(true);
  });
});
