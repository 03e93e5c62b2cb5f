/** createEvaluator validates what it is given, so a typed but inconsistent topology still fails as a value. */
import { describe, expect, it } from "vitest";
import { createEvaluator, topologySchema } from "../../../src/lib/nsg/index.ts";
import { VALID_RULE, validTopology } from "./issues.ts";

describe("createEvaluator", () => {
  it("returns the issues instead of an evaluator for an inconsistent topology", () => {
    const input = validTopology();
    input.vms[0]!.nics[0]!.nsg = "missing";
    const result = createEvaluator(topologySchema.parse(input));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toEqual([
      {
        code: "unknown-nsg",
        message: 'NSG "missing" is not defined in nsgs',
        path: ["vms", 0, "nics", 0, "nsg"],
      },
    ]);
  });

  it("builds an evaluator for a consistent one", () => {
    const result = createEvaluator(topologySchema.parse(validTopology()), "enterprise-agreement");
    expect(result.ok).toBe(true);
    expect(result.ok && result.value.network.subscription).toBe("enterprise-agreement");
  });

  it("does not check again the rule lists it is told were validated, and checks the others", () => {
    const input = validTopology();
    // Two rules of one priority: a duplicate-priority issue in each NSG.
    const clash = () => [VALID_RULE, { ...VALID_RULE, name: "same-priority" }];
    for (const nsg of input.nsgs) nsg.securityRules = clash();
    const topology = topologySchema.parse(input);
    const issuesOf = (validated: readonly (typeof topology.nsgs)[number][]) => {
      const result = createEvaluator(topology, "pay-as-you-go", {
        rulesValidated: new Set(validated.map((n) => n.securityRules)),
      });
      return result.ok ? [] : result.errors.map((e) => e.path.slice(0, 2));
    };
    const [first, ...rest] = topology.nsgs;
    expect(issuesOf([])).toEqual(topology.nsgs.map((_, n) => ["nsgs", n]));
    expect(issuesOf([first!])).toEqual(rest.map((_, n) => ["nsgs", n + 1]));
  });
});
