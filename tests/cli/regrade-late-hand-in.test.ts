import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { runGrade } from "../../src/cli/grade-command.ts";
import type { BatchIo } from "../../src/cli/io.ts";
import type { GradebookRow } from "../../src/lib/grader/gradebook.ts";
import { buildSubmission, rulesWork, submissionText } from "../../src/lib/exercise-ui/submission-file.ts";

const handIn = (savedAt: string, due?: string) =>
  submissionText(
    buildSubmission({
      learner: "Ada",
      assignment: { title: "Week 4", exercises: ["ftp-active"], ...(due ? { due } : {}) },
      work: [rulesWork({ exercise: "ftp-active", rulesFormat: "json", rules: "{}" })],
      now: new Date(savedAt),
    }),
  );

function run(files: Record<string, string>, ...flags: string[]) {
  const out: string[] = [];
  const written: Record<string, string> = {};
  const io: BatchIo = {
    out: (t) => out.push(t),
    err: () => {},
    readFile: (p) => (p in files ? files[p]! : readFileSync(p, "utf8")),
    listDir: (p) =>
      p === "graders"
        ? readdirSync("graders")
        : p === "inbox"
          ? Object.keys(files).map((f) => f.slice(6))
          : undefined,
    writeFile: (p, t) => {
      written[p] = t;
    },
  };
  const code = runGrade(["--submissions", "inbox", ...flags], io);
  return { code, out, written };
}

describe("instructor re-grades hand-ins of an assignment with a due date", () => {
  const due = "2026-11-20T17:00:00.000Z";
  const files = {
    "inbox/ada.json": handIn("2026-11-20T19:30:00.000Z", due),
    "inbox/bo.json": handIn("2026-11-20T16:00:00.000Z", due),
    "inbox/cy.json": handIn("2026-11-25T16:00:00.000Z"),
  };

  it("flags a file saved after the due date, in the table, the JSON and the CSV", () => {
    const table = run(files, "--csv", "gradebook.csv");
    expect(table.code).toBe(0);
    const lines = table.out.filter((l) => l.includes("ftp-active"));
    expect(lines[0]).toMatch(/\tlate by 2 hours 30 minutes$/);
    expect(lines[1]).not.toMatch(/late/);
    expect(lines[2]).not.toMatch(/late/);
    const csv = table.written["gradebook.csv"]!.trim().split("\n");
    expect(csv[0]!.endsWith(",detail,late")).toBe(true);
    expect(csv[1]!.endsWith(",late by 2 hours 30 minutes")).toBe(true);
    expect(csv[2]!.endsWith(",")).toBe(true);
    const rows = JSON.parse(run(files, "--json").out.join("\n")) as GradebookRow[];
    expect(rows.map((r) => r.late)).toEqual(["late by 2 hours 30 minutes", undefined, undefined]);
  });
});
