/** "Priority: A number between 100 and 4096" (Azure NSG overview); whole numbers (ARM type int). */
import { describe, expect, it } from "vitest";
import { PRIORITY_MAX, PRIORITY_MIN } from "../../../src/lib/nsg/index.ts";
import { ruleIssuesWith } from "./issues.ts";

const outOfRange = (p: number) => [
  {
    code: "priority-out-of-range",
    message: `priority ${p} is out of range: custom rules use whole numbers from 100 to 4096`,
    path: ["priority"],
  },
];

describe("rule priority", () => {
  it("spans 100 to 4096, ends included", () => {
    expect([PRIORITY_MIN, PRIORITY_MAX]).toEqual([100, 4096]);
    for (const priority of [100, 101, 2048, 4095, 4096]) expect(ruleIssuesWith({ priority })).toEqual([]);
  });

  it("rejects numbers below 100 (custom rules cannot go first by using 0-99)", () => {
    for (const priority of [99, 0, -1]) expect(ruleIssuesWith({ priority })).toEqual(outOfRange(priority));
  });

  it("rejects numbers above 4096 (65000+ belong to the default rules)", () => {
    for (const priority of [4097, 65000, 65500])
      expect(ruleIssuesWith({ priority })).toEqual(outOfRange(priority));
  });

  it("rejects fractions", () => {
    expect(ruleIssuesWith({ priority: 100.5 })).toEqual(outOfRange(100.5));
  });

  it("must be a number, and is required", () => {
    expect(ruleIssuesWith({ priority: "100" })).toEqual([
      { code: "invalid-type", message: "priority must be a number", path: ["priority"] },
    ]);
    expect(ruleIssuesWith({ priority: undefined })).toEqual([
      { code: "missing-field", message: "priority is required", path: ["priority"] },
    ]);
  });
});
