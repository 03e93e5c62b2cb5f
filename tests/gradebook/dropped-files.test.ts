/** The page's re-grade of what was dropped: order, progress, and files that fail to read or lie. */
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { runGrade } from "../../src/cli/grade-command.ts";
import type { BatchIo } from "../../src/cli/io.ts";
import { regradeDropped } from "../../src/lib/gradebook/dropped-files.ts";
import { exercisesFromTexts } from "../../src/lib/gradebook/exercise-set.ts";
import { classInbox } from "./class-inbox.ts";

const { exercises, problems } = exercisesFromTexts(
  readdirSync("graders").map((name) => ({ name, text: readFileSync(`graders/${name}`, "utf8") })),
);
const inbox = classInbox();
const ada = inbox["inbox/ada/week-3-submission.json"]!;

describe("the gradebook page's re-grade", () => {
  it("loads every exercise of this build", () => {
    expect(problems).toEqual([]);
    expect(exercises.size).toBe(readdirSync("graders").length);
  });

  it("reports progress file by file, and a file the browser cannot read is a row with why", async () => {
    const progress: [number, number][] = [];
    const result = await regradeDropped(
      [
        { path: "inbox/zed/lost.json", size: 10, text: () => Promise.reject(new Error("NotReadableError")) },
        { path: "inbox/ada/week-3-submission.json", size: ada.length, text: () => Promise.resolve(ada) },
      ],
      exercises,
      (done, total) => progress.push([done, total]),
    );
    expect(progress).toEqual([
      [0, 2],
      [1, 2],
      [2, 2],
    ]);
    expect(result.files).toBe(2);
    // Ada's folder sorts first, as the CLI walks a folder.
    expect(result.batch.rows.map((r) => [r.learner, r.status])).toEqual([
      ["Ada Lovelace", "graded"],
      ["Ada Lovelace", "graded"],
      ["Ada Lovelace", "graded"],
      ["Ada Lovelace", "not-submitted"],
      ["lost.json", "submission-invalid"],
    ]);
    expect(result.batch.rows.at(-1)!.detail).toBe("cannot read: NotReadableError");
  });

  it("never stops for junk: a binary file named .json, an empty one, a JSON array, a submission of nothing", async () => {
    const junk: Record<string, string> = {
      "inbox/a/binary.json": "PK\u0003\u0004\u0000\u0000garbage",
      "inbox/b/empty.json": "",
      "inbox/c/array.json": "[1, 2, 3]",
      "inbox/d/nothing.json": JSON.stringify({
        format: "nsg-lab-submission",
        version: 2,
        savedAt: "2026-11-20T10:00:00.000Z",
        work: [],
      }),
      "inbox/e/ada.json": ada,
    };
    const result = await regradeDropped(
      Object.entries(junk).map(([path, text]) => ({
        path,
        size: text.length,
        text: () => Promise.resolve(text),
      })),
      exercises,
    );
    expect(result.batch.rows.filter((r) => r.status === "submission-invalid").map((r) => r.learner)).toEqual([
      "a",
      "b",
      "c",
      "d",
    ]);
    expect(result.batch.rows.filter((r) => r.learner === "Ada Lovelace")).toHaveLength(4);
  });
});

describe("the CLI's gradebook options", () => {
  const io: BatchIo = {
    out: () => {},
    err: (t) => errors.push(t),
    readFile: (p) => readFileSync(p, "utf8"),
    listDir: (p) => (p === "graders" ? readdirSync("graders") : undefined),
    writeFile: () => {},
  };
  const errors: string[] = [];

  it("refuses a layout it does not know and points that are not a whole number", () => {
    expect(runGrade(["--submissions", "inbox", "--layout", "blackboard"], io)).toBe(2);
    expect(errors.at(-1)).toMatch(/^--layout must be one of generic, canvas, moodle/);
    expect(runGrade(["--submissions", "inbox", "--points", "2.5"], io)).toBe(2);
    expect(errors.at(-1)).toMatch(/^--points must be a whole number of at least 1/);
  });
});
