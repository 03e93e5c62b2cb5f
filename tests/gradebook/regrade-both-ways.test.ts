/**
 * One inbox, graded both ways: through the CLI (`npm run grade -- --submissions inbox`) and
 * through what the gradebook page's worker runs (the graders bundled as texts, the files as the
 * browser hands them over). The rows, every CSV layout and the class report are the same.
 */
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { runGrade } from "../../src/cli/grade-command.ts";
import { classReportText } from "../../src/lib/class-report/class-report.ts";
import type { GradebookRow } from "../../src/lib/grader/gradebook.ts";
import { GRADEBOOK_LAYOUTS, gradebookCsvIn } from "../../src/lib/gradebook/csv-layouts.ts";
import { regradeDropped } from "../../src/lib/gradebook/dropped-files.ts";
import { exercisesFromTexts } from "../../src/lib/gradebook/exercise-set.ts";
import { printable } from "../../src/lib/text/printable.ts";
import { classInbox } from "./class-inbox.ts";
import { memoryIo } from "../cli/memory-io.ts";

const cli = memoryIo;

/** What the worker does: the graders as bundled texts, the dropped files with their relative paths. */
async function browser(files: Record<string, string>) {
  const { exercises } = exercisesFromTexts(
    readdirSync("graders").map((name) => ({ name, text: readFileSync(`graders/${name}`, "utf8") })),
  );
  const progress: number[] = [];
  const dropped = Object.entries(files)
    .reverse() // a browser lists a folder in any order
    .map(([path, text]) => ({ path, size: text.length, text: () => Promise.resolve(text) }));
  const result = await regradeDropped(dropped, exercises, (done) => progress.push(done));
  const titles = new Map([...exercises].map(([id, e]) => [id, e.title]));
  return { ...result, progress, titles };
}

describe("instructor grades the same inbox in the CLI and in the browser", () => {
  const inbox = classInbox();

  it("gets the same rows", async () => {
    const c = cli(inbox);
    expect(runGrade(["--submissions", "inbox", "--json"], c.io)).toBe(0);
    const fromCli = JSON.parse(c.out.join("\n")) as GradebookRow[];
    const fromPage = await browser(inbox);
    expect(fromPage.batch.rows).toEqual(fromCli);
    expect(fromCli.length).toBe(13);
    // The page lists what it left out; the CLI passes over the same file in a folder.
    expect(fromPage.skipped.map((s) => s.path)).toEqual(["inbox/notes.txt"]);
    expect(fromPage.progress.at(-1)).toBe(10);
  });

  it("writes the same CSV in every layout", async () => {
    const fromPage = await browser(inbox);
    for (const layout of GRADEBOOK_LAYOUTS) {
      const c = cli(inbox);
      expect(runGrade(["--submissions", "inbox", "--csv", "g.csv", "--layout", layout], c.io)).toBe(0);
      expect(c.written["g.csv"]).toBe(
        gradebookCsvIn(layout, fromPage.batch, { titles: fromPage.titles, points: 10 }),
      );
    }
  });

  it("prints the same class report", async () => {
    const c = cli(inbox);
    runGrade(["--submissions", "inbox", "--report"], c.io);
    const text = c.out.join("\n");
    const report = text.slice(
      text.indexOf("What the class gets wrong\n\n") + "What the class gets wrong\n\n".length,
    );
    const fromPage = await browser(inbox);
    expect(report).toBe(classReportText(fromPage.batch.reports).split("\n").map(printable).join("\n"));
    expect(report).toMatch(
      /^ {2}2 of 2 associated nsg-snet-web with a NIC only, not with the subnet snet-web$/m,
    );
    expect(report).toMatch(
      /^ {2}1 of 3 left SSH \(TCP 22\) on vm-web1 open to the internet, which the reference solution denies$/m,
    );
  });

  it("warns about the same learner twice on both sides", async () => {
    const c = cli(inbox);
    runGrade(["--submissions", "inbox"], c.io);
    const fromPage = await browser(inbox);
    expect(fromPage.batch.duplicates).toHaveLength(1);
    expect(c.err).toContain(`warning: ${fromPage.batch.duplicates[0]!.message}`);
  });
});
