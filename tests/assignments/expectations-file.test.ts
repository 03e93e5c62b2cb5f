import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadExpectations, withExpectations } from "../../src/lib/assignments/expectations-file.ts";
import { gradeSubmission, type Exercise } from "../../src/lib/grader/index.ts";
import { exerciseFile } from "../grader/fixtures.ts";

const ftp = exerciseFile("ftp-active.yaml");
const predict = exerciseFile("subnet-then-nic.yaml");
const exercises = new Map<string, Exercise>([
  [ftp.id, ftp],
  [predict.id, predict],
]);
const fixture = readFileSync("tests/assignments/fixtures/week4-expectations.yaml", "utf8");

const file = (body: string) => `format: nsg-lab-expectations\nversion: 1\nexercises:\n${body}`;

describe("an instructor's expectations file (assessment mode)", () => {
  it("adds its checks after the exercise's own, and the grade applies them", () => {
    const loaded = loadExpectations(fixture);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    const applied = withExpectations(exercises, loaded.value.expectations);
    if (!applied.ok) throw new Error(JSON.stringify(applied.errors));
    const augmented = applied.value.exercises.get("ftp-active")!;
    expect(augmented.expectations).toHaveLength(ftp.expectations.length + 2);
    expect(applied.value.ownChecks.get("ftp-active")).toBe(ftp.expectations.length);
    expect(applied.value.exercises.get(predict.id)).toBe(predict);
    expect(applied.value.warnings).toEqual([]);
    expect(exercises.get("ftp-active")!.expectations).toHaveLength(ftp.expectations.length); // not changed
    // The reference passes them; rules that open FTP to the studio's first half only do not.
    expect(gradeSubmission(augmented, ftp.solution!).failed).toBe(0);
    const narrow = ftp.solution!.replace("198.51.100.0/28", "198.51.100.0/29");
    const report = gradeSubmission(augmented, narrow);
    expect(report.results.filter((r) => !r.pass).map((r) => r.name)).toContain(
      "The last address of the studio's range reaches FTP",
    );
  });

  it("locates schema errors in the file", () => {
    const read = loadExpectations(
      file("  ftp-active:\n    - name: no flow\n      expect: maybe\n  Not-An-Id:\n    - name: x\n"),
    );
    expect(read.ok).toBe(false);
    if (read.ok) return;
    const byPath = read.errors.map((e) => [e.path.join("."), e.span?.line]);
    expect(byPath).toContainEqual(["exercises.ftp-active.0.flow", 5]);
    expect(byPath).toContainEqual(["exercises.ftp-active.0.expect", 6]);
    expect(read.errors.some((e) => e.path.includes("Not-An-Id"))).toBe(true);
    expect(loadExpectations("format: other\nversion: 2\nexercises: {}")).toMatchObject({
      ok: false,
      errors: [{ path: ["format"] }, { path: ["version"] }],
    });
    expect(loadExpectations("{ not yaml: [")).toMatchObject({ ok: false });
  });

  it("refuses checks that do not fit the exercises, each at its place in the file", () => {
    const own = ftp.expectations[0]!.name;
    const read = loadExpectations(
      file(
        [
          "  gone-exercise:",
          "    - { name: a, flow: { from: 10.0.0.1, to: vm-ingest, protocol: Tcp, port: 1 }, expect: deny }",
          "  subnet-then-nic:",
          "    - { name: b, flow: { from: 10.0.0.1, to: 10.0.0.2, protocol: Tcp, port: 1 }, expect: deny }",
          "  ftp-active:",
          `    - { name: "${own}", flow: { from: 198.51.100.5, to: vm-ingest, protocol: Tcp, port: 21 }, expect: allow }`,
          "    - { name: nowhere, flow: { from: vm-nowhere, to: vm-ingest, protocol: Tcp, port: 21 }, expect: allow }",
          "",
        ].join("\n"),
      ),
    );
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    const applied = withExpectations(exercises, read.value.expectations);
    expect(applied.ok).toBe(false);
    if (applied.ok) return;
    expect(applied.errors.map((e) => [e.code, e.path.join("."), read.value.spanAt(e.path).line])).toEqual([
      ["unknown-exercise", "exercises.gone-exercise", 5],
      ["invalid-value", "exercises.subnet-then-nic", 7],
      ["duplicate-name", "exercises.ftp-active.0.name", 9],
      ["invalid-flow", "exercises.ftp-active.1.flow", 10],
    ]);
  });

  it("warns about a check the reference solution fails", () => {
    const read = loadExpectations(
      file(
        "  ftp-active:\n    - { name: SSH from the studio, flow: { from: 198.51.100.5, to: vm-ingest, protocol: Tcp, port: 22 }, expect: allow }\n",
      ),
    );
    if (!read.ok) throw new Error("not loaded");
    const applied = withExpectations(exercises, read.value.expectations);
    expect(applied.ok && applied.value.warnings).toMatchObject([
      { code: "solution-fails", severity: "warning", path: ["exercises", "ftp-active", 0] },
    ]);
  });

  it("refuses two checks of one name for an exercise", () => {
    const check =
      "{ name: same, flow: { from: 198.51.100.5, to: vm-ingest, protocol: Tcp, port: 21 }, expect: allow }";
    const read = loadExpectations(file(`  ftp-active:\n    - ${check}\n    - ${check}\n`));
    expect(read).toMatchObject({
      ok: false,
      errors: [{ code: "duplicate-name", path: ["exercises", "ftp-active", 1, "name"] }],
    });
  });
});
