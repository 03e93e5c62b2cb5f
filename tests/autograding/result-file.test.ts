import { describe, expect, it } from "vitest";
import { assignmentGrade } from "../../src/lib/autograding/exercise-grade.ts";
import { handInOfResult, resultFile, resultFileText } from "../../src/lib/autograding/result-file.ts";
import { ftpRule, json } from "../grader/fixtures.ts";
import { graded, OVER_PERMISSIVE } from "./fixtures.ts";

const at = new Date("2026-09-01T10:00:00.000Z");

describe("result.json", () => {
  it("holds points per exercise, the total and maximum, each check and the grader's version", () => {
    const file = resultFile(assignmentGrade([graded.failing(), graded.missing()]), {
      graderVersion: "0.1.0",
      now: at,
      learner: "Ada Lovelace",
      source: { repository: "contoso/week3-ada", commit: "abc123", actor: "" },
    });
    expect(file).toMatchObject({
      format: "nsg-lab-result",
      version: 1,
      grader: { name: "nsg-lab", version: "0.1.0" },
      learner: "Ada Lovelace",
      source: { repository: "contoso/week3-ada", commit: "abc123" },
      gradedAt: "2026-09-01T10:00:00.000Z",
      score: 0,
      maxScore: 20,
    });
    expect(file.source).not.toHaveProperty("actor");
    const [failing, missing] = file.exercises;
    expect(failing).toMatchObject({
      exercise: "ftp-active",
      file: "rules/ftp-active.json",
      status: "incomplete",
      score: 0,
      maxScore: 10,
      passed: 7,
      failed: 1,
      rulesFormat: "json",
      rules: json([ftpRule({ sourceAddressPrefix: "*" })]),
      problems: [],
    });
    expect(failing!.checks.filter((c) => !c.pass)).toEqual([
      {
        name: "FTP stays closed to the rest of the internet (198.51.100.20 is outside the studio's /28)",
        expect: "deny",
        actual: "allow",
        pass: false,
        decidedBy: null,
        decider: "nsg-snet-ingest/Allow-FTP-Control-Studio (200)",
      },
    ]);
    expect(failing!.differences.map((d) => d.kind)).toEqual(["too-open"]);
    expect(missing).toEqual({
      exercise: "ftp-active",
      title: "Open active FTP to the video-ingest VM",
      file: "rules/ftp-active.sh",
      status: "missing",
      score: 0,
      maxScore: 10,
      passed: 0,
      failed: 8,
      checks: [],
      differences: [],
      problems: [
        {
          code: "missing-rules-file",
          message: 'No rules file for "Open active FTP to the video-ingest VM": add rules/ftp-active.sh.',
          severity: "error",
        },
      ],
    });
  });

  it("records the semantic differences of an answer that passes every check, and located problems", () => {
    const file = resultFile(assignmentGrade([graded.differing(), graded.unparseable()]), {
      graderVersion: "0.1.0",
      now: at,
    });
    expect(file).not.toHaveProperty("learner");
    expect(file).not.toHaveProperty("source");
    expect(file.exercises[0]).toMatchObject({
      passed: 8,
      failed: 0,
      status: "incomplete",
      rules: OVER_PERMISSIVE,
    });
    expect(file.exercises[0]!.differences.map((d) => d.kind)).toEqual(["too-open", "too-closed"]);
    expect(file.exercises[1]!.problems[0]).toEqual({
      code: "missing-field",
      message: 'direction is required ("Inbound", "Outbound")',
      severity: "error",
      line: 1,
      column: 24,
    });
  });

  it("is pretty JSON ending in a new line", () => {
    const file = resultFile(assignmentGrade([graded.passing()]), { graderVersion: "0.1.0", now: at });
    expect(resultFileText(file)).toBe(`${JSON.stringify(file, null, 2)}\n`);
  });
});

describe("reading a result.json back for the re-grade", () => {
  it("gives the rules it graded as work, and why an exercise has none", () => {
    const file = resultFile(assignmentGrade([graded.failing(), graded.missing()]), {
      graderVersion: "0.1.0",
      now: at,
      learner: "Ada",
      source: { repository: "contoso/week3-ada" },
    });
    const read = handInOfResult(resultFileText(file));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.repository).toBe("contoso/week3-ada");
    expect(read.value.submission).toMatchObject({
      learner: "Ada",
      assignment: { title: "", exercises: ["ftp-active", "ftp-active"] },
      work: [
        {
          exercise: "ftp-active",
          kind: "author-rules",
          rulesFormat: "json",
          result: { passed: 7, failed: 1 },
        },
      ],
    });
  });

  it("refuses what is not a result file, without throwing", () => {
    for (const text of [
      "null",
      "[]",
      "7",
      '"x"',
      "{",
      '{"format":"nsg-lab-result","version":2}',
      '{"format":"nsg-lab-result","version":1,"exercises":[null,{"exercise":"a","rules":"x","rulesFormat":"cobol"}]}',
    ])
      expect(handInOfResult(text).ok, text).toBe(false);
  });
});
