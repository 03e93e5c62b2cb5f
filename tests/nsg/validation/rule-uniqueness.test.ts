/**
 * Within one NSG: "You can't create two security rules with the same priority and direction", and
 * the name is "a unique name within the network security group" (Azure NSG overview).
 */
import { describe, expect, it } from "vitest";
import { rule } from "../support/scenario.ts";
import { topologyIssues, validTopology } from "./issues.ts";

const withRules = (...rules: ReturnType<typeof rule>[]) => {
  const topology = validTopology();
  topology.nsgs[0]!.securityRules = rules;
  return topologyIssues(topology);
};

describe("priorities within an NSG", () => {
  it("must differ within a direction", () => {
    expect(withRules(rule("a", 100, "Inbound", "Allow"), rule("b", 100, "Inbound", "Deny"))).toEqual([
      {
        code: "duplicate-priority",
        message: 'priority 100 is already used by inbound rule "a"; each inbound rule needs its own priority',
        path: ["nsgs", 0, "securityRules", 1, "priority"],
      },
    ]);
    expect(
      withRules(
        rule("a", 300, "Outbound", "Allow"),
        rule("b", 200, "Outbound", "Allow"),
        rule("c", 300, "Outbound", "Deny"),
      ),
    ).toEqual([
      {
        code: "duplicate-priority",
        message:
          'priority 300 is already used by outbound rule "a"; each outbound rule needs its own priority',
        path: ["nsgs", 0, "securityRules", 2, "priority"],
      },
    ]);
  });

  it("may repeat across directions", () => {
    expect(withRules(rule("a", 100, "Inbound", "Allow"), rule("b", 100, "Outbound", "Allow"))).toEqual([]);
  });

  it("may repeat across NSGs", () => {
    const topology = validTopology();
    topology.nsgs[0]!.securityRules = [rule("a", 100, "Inbound", "Allow")];
    topology.nsgs[1]!.securityRules = [rule("a", 100, "Inbound", "Allow")];
    expect(topologyIssues(topology)).toEqual([]);
  });
});

describe("names within an NSG", () => {
  it("must be unique, whatever the case (ARM names are case-insensitive)", () => {
    expect(
      withRules(rule("allow-web", 100, "Inbound", "Allow"), rule("Allow-Web", 200, "Outbound", "Allow")),
    ).toEqual([
      {
        code: "duplicate-rule-name",
        message: 'rule name "Allow-Web" is already used by rule 1 of this NSG',
        path: ["nsgs", 0, "securityRules", 1, "name"],
      },
    ]);
  });

  it("may reuse a default rule's name, as Azure allows (rule analysis points it out instead)", () => {
    expect(withRules(rule("DenyAllInBound", 100, "Inbound", "Deny"))).toEqual([]);
  });
});
