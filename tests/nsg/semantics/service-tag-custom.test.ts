/**
 * Service tags beyond the three built-in ones (Storage, Sql.WestEurope, AzureCloud ...) stand for
 * published prefix lists; a scenario declares the prefixes it needs under `serviceTags`. Tags are
 * names, matched case-insensitively (Azure service tags overview).
 */
import { describe, expect, it } from "vitest";
import type { TopologyInput } from "../../../src/lib/nsg/index.ts";
import { decidedBy, evaluatorFor, rule, traceOf, twoTierTopology, verdictOf } from "../support/scenario.ts";

function withStorageRules(tag: string): TopologyInput {
  return {
    ...twoTierTopology({
      webNicNsg: "nsg",
      nsgs: [
        {
          name: "nsg",
          securityRules: [
            rule("allow-storage", 100, "Outbound", "Allow", {
              protocol: "Tcp",
              destinationAddressPrefix: tag,
              destinationPortRange: "443",
            }),
            rule("deny-internet", 200, "Outbound", "Deny", { destinationAddressPrefix: "Internet" }),
          ],
        },
      ],
    }),
    serviceTags: { "Storage.WestEurope": ["20.38.96.0/19", "20.50.0.0/18"] },
  };
}

describe("a custom service tag", () => {
  it("matches the prefixes the scenario gives it", () => {
    const evaluator = evaluatorFor(withStorageRules("Storage.WestEurope"));
    const verdict = verdictOf(evaluator, { from: "web", to: "20.38.100.1", protocol: "Tcp", port: 443 });
    expect(verdict.access).toBe("Allow");
    expect(traceOf(verdict)[0]).toMatchObject({ rule: "allow-storage" });
  });

  it("does not match addresses outside them", () => {
    const evaluator = evaluatorFor(withStorageRules("Storage.WestEurope"));
    expect(
      decidedBy(verdictOf(evaluator, { from: "web", to: "20.60.0.1", protocol: "Tcp", port: 443 })),
    ).toBe("deny-internet");
  });

  it("is matched whatever the case of its name in the rule", () => {
    const evaluator = evaluatorFor(withStorageRules("storage.westeurope"));
    expect(
      traceOf(verdictOf(evaluator, { from: "web", to: "20.50.1.1", protocol: "Tcp", port: 443 }))[0],
    ).toMatchObject({ rule: "allow-storage" });
  });
});
