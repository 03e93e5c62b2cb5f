import { describe, expect, it } from "vitest";
import {
  buildSubmission,
  isSubmission,
  parseSubmission,
  predictWork,
  rulesWork,
  submissionFileName,
  submissionText,
  validateSubmission,
  workFor,
} from "../../src/lib/exercise-ui/submission-file.ts";

const at = new Date("2026-11-20T10:00:00.000Z");
const rules = rulesWork({
  exercise: "ftp-active",
  rulesFormat: "azcli",
  rules: "az network nsg rule create …",
  result: { passed: 7, failed: 1 },
});
const submission = buildSubmission({ learner: "Ada Lovelace", work: [rules], now: at });

/** A file as NSG Lab wrote it before names existed (version 1): one exercise's rules. */
const V1 = {
  format: "nsg-lab-submission",
  version: 1,
  exercise: "ftp-active",
  rulesFormat: "json",
  rules: '{ "nsg-snet-ingest": [] }',
  result: { passed: 3, failed: 5 },
  savedAt: "2026-10-01T09:00:00.000Z",
};

describe("submission files (version 2)", () => {
  it("has the documented shape: the learner's name and a list of work", () => {
    expect(submission).toEqual({
      format: "nsg-lab-submission",
      version: 2,
      learner: "Ada Lovelace",
      savedAt: "2026-11-20T10:00:00.000Z",
      work: [
        {
          exercise: "ftp-active",
          kind: "author-rules",
          rulesFormat: "azcli",
          rules: "az network nsg rule create …",
          result: { passed: 7, failed: 1 },
        },
      ],
    });
    expect(buildSubmission({ work: [], now: at })).not.toHaveProperty("learner");
  });

  it("carries a predict exercise's answers, null where none was given", () => {
    expect(predictWork({ exercise: "p", answers: ["allow", undefined, "deny"] })).toEqual({
      exercise: "p",
      kind: "predict",
      answers: ["allow", null, "deny"],
    });
  });

  it("reads back what it writes, an assignment's file too", () => {
    expect(parseSubmission(submissionText(submission))).toEqual({ ok: true, value: submission });
    const assignment = buildSubmission({
      learner: "s1234567",
      assignment: { title: "Week 3: ports", exercises: ["ftp-active", "p", "smtp-relay-on-587"] },
      work: [rules, predictWork({ exercise: "p", answers: ["deny", "allow"] })],
      now: at,
    });
    expect(parseSubmission(submissionText(assignment))).toEqual({ ok: true, value: assignment });
    expect(isSubmission(JSON.parse(submissionText(submission)))).toBe(true);
    expect(isSubmission({ "ingest-nsg": [] })).toBe(false);
  });

  it("carries PowerShell rules, and reads a version 1 file from the portal form as JSON", () => {
    const ps = buildSubmission({
      work: [
        rulesWork({
          exercise: "ftp-active",
          rulesFormat: "powershell",
          rules: "Get-AzNetworkSecurityGroup -Name x -ResourceGroupName rg | Set-AzNetworkSecurityGroup",
          result: { passed: 0, failed: 8 },
        }),
      ],
      now: at,
    });
    expect(parseSubmission(submissionText(ps))).toEqual({ ok: true, value: ps });
    const fromForm = validateSubmission({ ...V1, rulesFormat: "form" });
    expect(fromForm.ok && fromForm.value.work[0]).toMatchObject({ rulesFormat: "json" });
    const unknown = validateSubmission({ ...V1, rulesFormat: "bicep" });
    expect(!unknown.ok && unknown.errors[0]!.message).toBe(
      'rulesFormat must be one of "json", "azcli", "powershell", "form"',
    );
  });

  it("is named after the exercise, or the assignment's title", () => {
    expect(submissionFileName("ftp-active")).toBe("ftp-active-submission.json");
    expect(submissionFileName("Week 3: Ports & Protocols!")).toBe("week-3-ports-protocols-submission.json");
    expect(submissionFileName("???")).toBe("assignment-submission.json");
  });

  it("finds the work for an exercise, and says which exercises a file holds when it is another's", () => {
    expect(workFor(submission, "ftp-active")).toEqual({ ok: true, value: rules });
    expect(workFor(submission, "smtp-relay-on-587")).toEqual({
      ok: false,
      errors: [
        {
          code: "wrong-exercise",
          message: 'this submission is for "ftp-active", not "smtp-relay-on-587"',
          path: ["work"],
        },
      ],
    });
  });

  it("lists every problem of a damaged file, each where it is", () => {
    const result = validateSubmission({
      format: "nsg-lab-submission",
      version: 2,
      learner: "x".repeat(101),
      savedAt: "yesterday",
      assignment: { title: "t", exercises: [1] },
      work: [
        { exercise: "a", kind: "author-rules", rulesFormat: "cobol" },
        { exercise: "b", kind: "predict", answers: ["maybe"], result: { passed: -1, failed: 0 } },
        { kind: "essay" },
        "rules",
      ],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.code, e.path.join(".")])).toEqual([
      ["invalid-value", "savedAt"],
      ["invalid-value", "assignment"],
      ["unknown-rule-format", "work.0.rulesFormat"],
      ["missing-field", "work.0.rules"],
      ["invalid-value", "work.1.result"],
      ["invalid-value", "work.1.answers"],
      ["missing-field", "work.2.exercise"],
      ["invalid-value", "work.2.kind"],
      ["invalid-type", "work.3"],
    ]);
  });

  it("leaves out a name that is not usable, rather than refuse the learner's work", () => {
    for (const learner of ["x".repeat(101), "\u001b[31mred", 42]) {
      const read = validateSubmission({ ...JSON.parse(submissionText(submission)), learner });
      expect(read.ok && read.value.learner, String(learner)).toBeUndefined();
      expect(read.ok && read.value.work).toEqual([rules]);
    }
  });

  it("refuses unknown versions and what is not a submission at all", () => {
    expect(validateSubmission({ format: "other", version: 3 })).toEqual({
      ok: false,
      errors: [
        { code: "invalid-value", message: 'format must be "nsg-lab-submission"', path: ["format"] },
        {
          code: "unsupported-version",
          message: "version 3 is not supported (expected 1 or 2)",
          path: ["version"],
        },
      ],
    });
    expect(parseSubmission("{")).toMatchObject({
      ok: false,
      errors: [{ code: "invalid-json", message: expect.stringContaining("not valid JSON") as unknown }],
    });
    expect(validateSubmission([])).toEqual({
      ok: false,
      errors: [{ code: "invalid-type", message: "a submission file is a JSON object", path: [] }],
    });
  });
});

describe("submission files from before names (version 1)", () => {
  it("still read, as one exercise's rules with its claimed result", () => {
    expect(validateSubmission(V1)).toEqual({
      ok: true,
      value: {
        format: "nsg-lab-submission",
        version: 1,
        savedAt: "2026-10-01T09:00:00.000Z",
        work: [
          {
            exercise: "ftp-active",
            kind: "author-rules",
            rulesFormat: "json",
            rules: '{ "nsg-snet-ingest": [] }',
            result: { passed: 3, failed: 5 },
          },
        ],
      },
    });
  });

  it("read a learner field an instructor added by hand", () => {
    const read = validateSubmission({ ...V1, learner: "  Grace   Hopper " });
    expect(read.ok && read.value.learner).toBe("Grace Hopper");
  });

  it("list every problem of a damaged version 1 file", () => {
    const result = validateSubmission({
      format: "nsg-lab-submission",
      version: 1,
      rulesFormat: "yaml",
      result: { passed: -1 },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.path.join("."))).toEqual([
      "exercise",
      "rulesFormat",
      "rules",
      "result",
      "savedAt",
    ]);
  });
});
