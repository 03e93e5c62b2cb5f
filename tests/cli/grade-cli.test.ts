import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { runGrade, type toJson } from "../../src/cli/grade-command.ts";
import type { BatchIo } from "../../src/cli/io.ts";
import { ftpRule, json } from "../grader/fixtures.ts";

function harness(files: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: BatchIo = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    readFile: (p) => {
      if (p in files) return files[p]!;
      return readFileSync(p, "utf8");
    },
    listDir: () => undefined,
    writeFile: () => {},
  };
  return { io, out, err };
}

describe("grade CLI", () => {
  it("exits 0 and prints the summary when every expectation holds", () => {
    const h = harness({ "rules.json": json([ftpRule()]) });
    expect(runGrade(["graders/ftp-active.yaml", "--rules", "rules.json"], h.io)).toBe(0);
    expect(h.out.join("\n")).toMatch(/8 passed, 0 failed$/);
  });

  it("exits 1 with a table, paths and explanations when some fail", () => {
    const h = harness({ "rules.json": json([ftpRule({ sourceAddressPrefix: "*" })]) });
    expect(runGrade(["graders/ftp-active.yaml", "--rules", "rules.json"], h.io)).toBe(1);
    const text = h.out.join("\n");
    expect(text).toMatch(/FAIL {2}FTP stays closed to the rest of the internet/);
    expect(text).toMatch(
      /path: nsg-snet-ingest \(subnet, Inbound\): Allow-FTP-Control-Studio 200 → Allow {2}⟶ {2}no NSG on nic \(Inbound\): \(no NSG associated\) → Allow/,
    );
    expect(text).toMatch(/why: {2}Allowed: nsg-snet-ingest allows it/);
  });

  it("prints the spec's JSON shape with --json", () => {
    const h = harness({ "rules.json": json([ftpRule()]) });
    runGrade(["graders/ftp-active.yaml", "--rules", "rules.json", "--json"], h.io);
    const parsed = JSON.parse(h.out.join("")) as ReturnType<typeof toJson>;
    expect(parsed).toMatchObject({ exercise: "ftp-active", passed: 8, failed: 0 });
    expect(Object.keys(parsed.results[0]!)).toEqual(
      expect.arrayContaining(["name", "expect", "actual", "pass", "decidedBy", "trace"]),
    );
    expect(parsed.results[0]!.trace[0]).toEqual({
      nsg: "nsg-snet-ingest",
      level: "subnet",
      direction: "Inbound",
      vm: "vm-ingest",
      rule: "Allow-FTP-Control-Studio",
      priority: 200,
      access: "Allow",
    });
  });

  it("exits 2 with file:line:col for invalid rules, and no stack trace", () => {
    const h = harness({ "rules.json": '{\n  "nsg-snet-ingest": [ { "name": "x" ]\n}' });
    expect(runGrade(["graders/ftp-active.yaml", "--rules", "rules.json"], h.io)).toBe(2);
    expect(h.err[0]).toMatch(/^rules\.json:2:\d+: error: Invalid JSON/);
    expect(h.err.join("\n")).not.toMatch(/at .*\.ts:\d+/);
  });

  it("lists invalid rules with their file, code and place under --json", () => {
    const h = harness({ "rules.json": '{\n  "nsg-snet-ingest": [ { "name": "x" ]\n}' });
    expect(runGrade(["graders/ftp-active.yaml", "--rules", "rules.json", "--json"], h.io)).toBe(2);
    const parsed = JSON.parse(h.out.join("")) as { valid: boolean; errors: Record<string, unknown>[] };
    expect(parsed.valid).toBe(false);
    expect(parsed.errors[0]).toMatchObject({ file: "rules.json", code: "invalid-json", span: { line: 2 } });
  });

  it("exits 2 for a missing file, a bad flag or no arguments", () => {
    for (const argv of [["nope.yaml"], ["graders/ftp-active.yaml", "--bogus"], []]) {
      const h = harness();
      expect(runGrade(argv, h.io)).toBe(2);
      expect(h.err.join("\n")).not.toBe("");
    }
  });

  it("grades the scenario as written without --rules (the empty NSG fails)", () => {
    const h = harness();
    expect(runGrade(["graders/ftp-active.yaml"], h.io)).toBe(1);
  });

  it("grades an old (version 1) submission file, and refuses one for another exercise", () => {
    const submission = (exercise: string) =>
      JSON.stringify({
        format: "nsg-lab-submission",
        version: 1,
        exercise,
        rulesFormat: "json",
        rules: json([ftpRule()]),
        result: { passed: 0, failed: 8 },
        savedAt: "2026-11-25T10:00:00.000Z",
      });
    const ok = harness({ "sub.json": submission("ftp-active") });
    expect(runGrade(["graders/ftp-active.yaml", "--rules", "sub.json"], ok.io)).toBe(0);
    expect(ok.out.join("\n")).toMatch(/8 passed, 0 failed$/);
    const wrong = harness({ "sub.json": submission("smtp-pay-as-you-go") });
    expect(runGrade(["graders/ftp-active.yaml", "--rules", "sub.json"], wrong.io)).toBe(2);
    expect(wrong.err.join("\n")).toMatch(/this submission is for "smtp-pay-as-you-go", not "ftp-active"/);
  });
});
