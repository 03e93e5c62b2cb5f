/** createEvaluator validates what it is given, so a typed but inconsistent topology still fails as a value. */
import { describe, expect, it } from "vitest";
import { createEvaluator, topologySchema } from "../../../src/lib/nsg/index.ts";
import { validTopology } from "./issues.ts";

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
});
