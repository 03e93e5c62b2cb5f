/**
 * The shapes a rule arrives in: flat (`az network nsg rule show`) or ARM's `{ name, properties }`,
 * with read-only properties ARM prints; enums are case-insensitive as in ARM; unknown properties
 * are refused with a suggestion; "description ... Restricted to 140 chars" (ARM reference).
 */
import { describe, expect, it } from "vitest";
import { flattenArmRule, securityRuleSchema } from "../../../src/lib/nsg/index.ts";
import { VALID_RULE, ruleIssues, ruleIssuesWith } from "./issues.ts";

const { name, ...properties } = VALID_RULE;

describe("ARM resource shape", () => {
  it("is unwrapped: { name, properties } means the same as the flat rule", () => {
    expect(flattenArmRule({ name, properties })).toEqual(VALID_RULE);
    expect(securityRuleSchema.parse({ name, properties })).toEqual(securityRuleSchema.parse(VALID_RULE));
  });

  it("accepts the read-only properties ARM and the CLI print", () => {
    const pasted = {
      name,
      id: "/subscriptions/x/resourceGroups/rg/providers/Microsoft.Network/networkSecurityGroups/n/securityRules/allow-https",
      etag: 'W/"1"',
      type: "Microsoft.Network/networkSecurityGroups/securityRules",
      properties: { ...properties, provisioningState: "Succeeded" },
    };
    expect(ruleIssues(pasted)).toEqual([]);
    expect(ruleIssues({ ...VALID_RULE, resourceGroup: "rg", provisioningState: "Succeeded" })).toEqual([]);
  });

  it("reports problems inside properties by field name", () => {
    expect(ruleIssues({ name, properties: { ...properties, priority: 50 } })).toEqual([
      {
        code: "priority-out-of-range",
        message: "priority 50 is out of range: custom rules use whole numbers from 100 to 4096",
        path: ["priority"],
      },
    ]);
  });
});

describe("normalized output", () => {
  it("merges singular and plural fields into lists", () => {
    expect(securityRuleSchema.parse(VALID_RULE)).toEqual({
      name: "allow-https",
      priority: 100,
      direction: "Inbound",
      access: "Allow",
      protocol: "Tcp",
      sourceAddressPrefixes: ["*"],
      sourcePortRanges: ["*"],
      destinationAddressPrefixes: ["*"],
      destinationPortRanges: ["443"],
      sourceApplicationSecurityGroups: [],
      destinationApplicationSecurityGroups: [],
    });
  });

  it("reduces ASG ids to names", () => {
    const parsed = securityRuleSchema.parse({
      ...VALID_RULE,
      sourceAddressPrefix: undefined,
      sourceApplicationSecurityGroups: [{ id: "/a/b/applicationSecurityGroups/AsgWeb" }, "AsgLogic"],
    });
    expect(parsed.sourceApplicationSecurityGroups).toEqual(["AsgWeb", "AsgLogic"]);
  });
});

describe("enumerations", () => {
  it("are case-insensitive and stored in Azure's spelling", () => {
    const parsed = securityRuleSchema.parse({
      ...VALID_RULE,
      direction: "inbound",
      access: "ALLOW",
      protocol: "tcp",
    });
    expect([parsed.direction, parsed.access, parsed.protocol]).toEqual(["Inbound", "Allow", "Tcp"]);
    expect(
      securityRuleSchema.parse({ ...VALID_RULE, direction: "OUTBOUND", access: "deny", protocol: "icmp" }),
    ).toMatchObject({ direction: "Outbound", access: "Deny", protocol: "Icmp" });
    for (const protocol of ["udp", "ESP", "ah", "*"]) expect(ruleIssuesWith({ protocol })).toEqual([]);
  });

  it("name the allowed values when wrong", () => {
    expect(ruleIssuesWith({ direction: "In" })).toEqual([
      {
        code: "invalid-value",
        message: 'direction must be one of "Inbound", "Outbound", not "In"',
        path: ["direction"],
      },
    ]);
    expect(ruleIssuesWith({ access: "Permit" })).toEqual([
      {
        code: "invalid-value",
        message: 'access must be one of "Allow", "Deny", not "Permit"',
        path: ["access"],
      },
    ]);
    expect(ruleIssuesWith({ protocol: "Http" })).toEqual([
      {
        code: "invalid-value",
        message: 'protocol must be one of "Tcp", "Udp", "Icmp", "Esp", "Ah", "*", not "Http"',
        path: ["protocol"],
      },
    ]);
  });

  it("are required", () => {
    expect(ruleIssuesWith({ access: undefined })).toEqual([
      { code: "missing-field", message: 'access is required ("Allow", "Deny")', path: ["access"] },
    ]);
  });
});

describe("unknown properties", () => {
  it("are refused, pointing at the property, with the nearest real name", () => {
    expect(ruleIssuesWith({ sourceAddressPrefixs: "*" })).toEqual([
      {
        code: "unknown-field",
        message: 'unknown property "sourceAddressPrefixs" (did you mean "sourceAddressPrefix"?)',
        path: ["sourceAddressPrefixs"],
      },
    ]);
    expect(ruleIssuesWith({ destinationPortRnage: "443" })).toEqual([
      {
        code: "unknown-field",
        message: 'unknown property "destinationPortRnage" (did you mean "destinationPortRange"?)',
        path: ["destinationPortRnage"],
      },
    ]);
  });

  it("suggest the ARM name for snake_case and kebab-case spellings", () => {
    expect(ruleIssuesWith({ destination_port_range: "443" })[0]!.message).toBe(
      'unknown property "destination_port_range" (did you mean "destinationPortRange"?)',
    );
    expect(ruleIssuesWith({ "source-address-prefix": "*" })[0]!.message).toBe(
      'unknown property "source-address-prefix" (did you mean "sourceAddressPrefix"?)',
    );
  });

  it("suggest nothing when nothing is close", () => {
    expect(ruleIssuesWith({ colour: "blue" })).toEqual([
      { code: "unknown-field", message: 'unknown property "colour"', path: ["colour"] },
    ]);
  });
});

describe("description and shape", () => {
  it("allows a description up to 140 characters", () => {
    expect(ruleIssuesWith({ description: "d".repeat(140) })).toEqual([]);
    expect(ruleIssuesWith({ description: "d".repeat(141) })).toEqual([
      {
        code: "value-too-long",
        message: "description is 141 characters; Azure allows 140",
        path: ["description"],
      },
    ]);
  });

  it("refuses something that is not an object", () => {
    expect(ruleIssues("allow everything")).toEqual([
      { code: "invalid-type", message: "a security rule must be an object", path: [] },
    ]);
  });

  it("reports every problem of a rule at once", () => {
    const issues = ruleIssuesWith({ name: "-bad", priority: 5, destinationPortRange: "99999" });
    expect(issues.map((i) => i.path)).toEqual([["name"], ["priority"], ["destinationPortRange"]]);
  });
});
