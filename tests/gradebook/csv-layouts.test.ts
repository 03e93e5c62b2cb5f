/** The gradebook's three CSV layouts, from one re-graded class. */
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { regradeFiles } from "../../src/lib/gradebook/batch.ts";
import { gradebookCsvIn, layoutFileName } from "../../src/lib/gradebook/csv-layouts.ts";
import { exercisesFromTexts } from "../../src/lib/gradebook/exercise-set.ts";
import { folderOfRelativePath } from "../../src/lib/gradebook/regrade.ts";
import { buildSubmission, rulesWork, submissionText } from "../../src/lib/exercise-ui/submission-file.ts";
import { classInbox } from "./class-inbox.ts";

const { exercises } = exercisesFromTexts(
  readdirSync("graders").map((name) => ({ name, text: readFileSync(`graders/${name}`, "utf8") })),
);
const titles = new Map([...exercises].map(([id, e]) => [id, e.title]));
const files = (inbox: Record<string, string>) =>
  Object.entries(inbox).map(([path, text]) => {
    const folder = folderOfRelativePath(path);
    return { path, ...(folder ? { folder } : {}), text };
  });
const batch = regradeFiles(files(classInbox()), exercises);
const csv = (layout: "generic" | "canvas" | "moodle", points = 10) =>
  gradebookCsvIn(layout, batch, { titles, points }).trimEnd().split("\n");

describe("the generic layout", () => {
  it("is every row of the re-grade, bad files and both of a learner's files included", () => {
    const lines = csv("generic");
    expect(lines[0]).toBe(
      "learner,learnerFrom,assignment,exercise,status,passed,total,differences,complete,claimed,file,detail,late",
    );
    expect(lines).toHaveLength(1 + batch.rows.length);
    expect(lines.filter((l) => l.toLowerCase().startsWith("bob stone,"))).toHaveLength(2);
    expect(lines.some((l) => l.startsWith("grace,folder,,,submission-invalid,"))).toBe(true);
    expect(layoutFileName("generic")).toBe("gradebook.csv");
  });
});

describe("the Canvas layout", () => {
  const lines = csv("canvas", 25);

  it("starts with Canvas's student columns, an assignment per exercise and a Points Possible row", () => {
    expect(lines[0]).toBe(
      "Student,ID,SIS User ID,SIS Login ID,Section,Open active FTP to the video-ingest VM,Predict: two NSGs on one path,Open HTTPS the way the portal does,Send mail through the relay on port 587,Attach the NSGs where they belong",
    );
    expect(lines[1]).toBe("Points Possible,,,,,25,25,25,25,25");
    expect(layoutFileName("canvas")).toBe("gradebook-canvas.csv");
  });

  it("gives one row per learner: points when complete, 0 when not, blank when not handed in", () => {
    expect(lines).toContain("Ada Lovelace,,,,,25,25,25,,");
    expect(lines).toContain("Carol Diaz,,,,,,,0,,");
    // Bob handed in twice: his best re-grade counts.
    expect(lines.filter((l) => l.toLowerCase().startsWith("bob stone,"))).toEqual(["bob stone,,,,,,,25,,"]);
    // A repository name is a name, never a Canvas id; unreadable files are no one's row.
    expect(lines).toContain("contoso/week3-ivan,,,,,0,,,,");
    expect(lines.some((l) => l.startsWith("grace"))).toBe(false);
  });

  it("puts a typed student number or email address in the column Canvas matches it by", () => {
    const typed = (learner: string) =>
      submissionText(
        buildSubmission({
          learner,
          work: [
            rulesWork({
              exercise: "ftp-active",
              rulesFormat: "azcli",
              rules: exercises.get("ftp-active")!.solution!,
            }),
          ],
        }),
      );
    const ids = regradeFiles(
      files({ "a.json": typed("s1234567"), "b.json": typed("ada@example.edu"), "c.json": typed("=1+1") }),
      exercises,
    );
    const rows = gradebookCsvIn("canvas", ids, { titles, points: 10 }).trimEnd().split("\n").slice(2);
    expect(rows).toEqual([
      "s1234567,,s1234567,,,10",
      "ada@example.edu,,,ada@example.edu,,10",
      // Spreadsheet formulas stay text in every cell they reach.
      "'=1+1,,'=1+1,,,10",
    ]);
  });
});

describe("the Moodle layout", () => {
  it("is a user column to map from and a grade column per exercise", () => {
    const lines = csv("moodle");
    expect(lines[0]).toBe(
      "Learner,Open active FTP to the video-ingest VM,Predict: two NSGs on one path,Open HTTPS the way the portal does,Send mail through the relay on port 587,Attach the NSGs where they belong",
    );
    expect(lines).toContain("Ada Lovelace,10,10,10,,");
    expect(lines).toContain("Dan Wu,,,,,0");
    expect(lines).toHaveLength(1 + 7);
  });
});
