import { describe, expect, it } from "vitest";
import {
  buildSubmission,
  isSubmission,
  parseSubmission,
  submissionFileName,
  submissionText,
  validateSubmission,
} from "../../src/lib/exercise-ui/submission-file.ts";

const at = new Date("2026-11-20T10:00:00.000Z");
const submission = buildSubmission({
  exercise: "ftp-active",
  rulesFormat: "azcli",
  rules: "az network nsg rule create …",
  passed: 7,
  failed: 1,
  now: at,
});

describe("submission files", () => {
  it("has the documented shape", () => {
    expect(submission).toEqual({
      format: "nsg-lab-submission",
      version: 1,
      exercise: "ftp-active",
      rulesFormat: "azcli",
      rules: "az network nsg rule create …",
      result: { passed: 7, failed: 1 },
      savedAt: "2026-11-20T10:00:00.000Z",
    });
    expect(submissionFileName("ftp-active")).toBe("ftp-active-submission.json");
  });

  it("reads back what it writes", () => {
    expect(parseSubmission(submissionText(submission))).toEqual({ ok: true, value: submission });
    expect(isSubmission(JSON.parse(submissionText(submission)))).toBe(true);
    expect(isSubmission({ "ingest-nsg": [] })).toBe(false);
  });

  it("carries PowerShell rules, and names every editor format when the format is unknown", () => {
    const ps = buildSubmission({
      exercise: "ftp-active",
      rulesFormat: "powershell",
      rules: "Get-AzNetworkSecurityGroup -Name x -ResourceGroupName rg | Set-AzNetworkSecurityGroup",
      passed: 0,
      failed: 8,
      now: at,
    });
    expect(parseSubmission(submissionText(ps))).toEqual({ ok: true, value: ps });
    const unknown = validateSubmission({ ...ps, rulesFormat: "bicep" });
    expect(!unknown.ok && unknown.errors).toEqual([
      {
        code: "unknown-rule-format",
        message: 'rulesFormat must be one of "json", "azcli", "powershell", "form"',
        path: ["rulesFormat"],
      },
    ]);
  });

  it("refuses a submission for another exercise", () => {
    expect(parseSubmission(submissionText(submission), "smtp-relay-on-587")).toEqual({
      ok: false,
      errors: [
        {
          code: "wrong-exercise",
          message: 'this submission is for exercise "ftp-active", not "smtp-relay-on-587"',
          path: ["exercise"],
        },
      ],
    });
  });

  it("lists every problem of a damaged file", () => {
    const result = validateSubmission({
      format: "other",
      version: 3,
      rulesFormat: "yaml",
      result: { passed: -1 },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(7);
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
