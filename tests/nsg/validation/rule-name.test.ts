/**
 * Rule names (ARM template reference, networkSecurityGroups/securityRules: "1-80 characters,
 * alphanumerics, underscores, periods, and hyphens. Start with alphanumeric. End alphanumeric or
 * underscore.").
 */
import { describe, expect, it } from "vitest";
import { ruleIssuesWith } from "./issues.ts";

const charsetMessage = (name: string) =>
  `rule name "${name}" must start with a letter or digit, end with a letter, digit or underscore, and use only letters, digits, "_", "." and "-"`;

describe("rule name", () => {
  it("accepts letters, digits, _ . - inside, and a trailing underscore", () => {
    for (const name of ["a", "9", "Allow-HTTP-Inbound-Internet", "rule.v2_final", "x_", "A1-b.c_d"])
      expect(ruleIssuesWith({ name })).toEqual([]);
  });

  it("accepts 80 characters and rejects 81", () => {
    expect(ruleIssuesWith({ name: "a".repeat(80) })).toEqual([]);
    expect(ruleIssuesWith({ name: "a".repeat(81) })).toEqual([
      {
        code: "invalid-rule-name",
        message: "rule name must be 1 to 80 characters (it has 81)",
        path: ["name"],
      },
    ]);
  });

  it("rejects an empty name", () => {
    expect(ruleIssuesWith({ name: "" })).toEqual([
      {
        code: "invalid-rule-name",
        message: "rule name must be 1 to 80 characters (it has 0)",
        path: ["name"],
      },
    ]);
  });

  it("must start with a letter or digit", () => {
    for (const name of ["-a", ".a", "_a"])
      expect(ruleIssuesWith({ name })).toEqual([
        { code: "invalid-rule-name", message: charsetMessage(name), path: ["name"] },
      ]);
  });

  it("must end with a letter, digit or underscore", () => {
    for (const name of ["a-", "a."])
      expect(ruleIssuesWith({ name })).toEqual([
        { code: "invalid-rule-name", message: charsetMessage(name), path: ["name"] },
      ]);
  });

  it("may not hold spaces or other characters", () => {
    for (const name of ["allow ssh", "allow/ssh", "allow:ssh", "règle"])
      expect(ruleIssuesWith({ name })).toEqual([
        { code: "invalid-rule-name", message: charsetMessage(name), path: ["name"] },
      ]);
  });

  it("is required and must be a string", () => {
    expect(ruleIssuesWith({ name: undefined })).toEqual([
      { code: "missing-field", message: "name is required", path: ["name"] },
    ]);
    expect(ruleIssuesWith({ name: 7 })).toEqual([
      { code: "invalid-type", message: "name must be a string", path: ["name"] },
    ]);
  });
});
