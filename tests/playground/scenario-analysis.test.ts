import { describe, expect, it } from "vitest";
import { formatPortRanges, lintScenario } from "../../src/lib/playground/scenario-analysis.ts";
import { evaluatorFor, rule, twoVmScenario } from "./scenario.ts";

describe("rule analysis across a scenario", () => {
  it("lints every NSG, says where each is attached, and finds shadowed and internet-open rules", () => {
    const scenario = JSON.parse(
      twoVmScenario({
        webSubnet: [
          rule("deny-tcp", 100, { access: "Deny" }),
          rule("allow-web", 200, { destinationPortRange: "80" }),
        ],
        webNic: [rule("ssh-anywhere", 100, { destinationPortRange: "22", sourceAddressPrefix: "Internet" })],
      }),
    ) as { topology: { nsgs: { name: string; securityRules: unknown[] }[] } };
    scenario.topology.nsgs.push({
      name: "spare-nsg",
      securityRules: [
        rule("a", 100, { sourceAddressPrefix: "10.0.0.0/8" }),
        rule("b", 110, { sourceAddressPrefix: "10.1.0.0/16" }),
      ],
    });
    const findings = lintScenario(evaluatorFor(JSON.stringify(scenario)));
    expect(findings.map((f) => [f.nsg, f.attachedTo, f.lints.map((l) => `${l.kind} ${l.rule}`)])).toEqual([
      ["web-subnet-nsg", ["subnet vnet/web"], ["shadowed allow-web", "blocks-load-balancer-probes deny-tcp"]],
      ["web-nic-nsg", ["NIC web-nic"], ["management-port-open ssh-anywhere"]],
      ["spare-nsg", [], ["redundant b"]],
    ]);
  });

  it("writes exposed port ranges for people", () => {
    expect(formatPortRanges([])).toBe("none");
    expect(formatPortRanges([[0, 65535]])).toBe("all ports (0-65535)");
    expect(
      formatPortRanges([
        [22, 22],
        [80, 81],
        [1024, 65535],
      ]),
    ).toBe("22, 80-81, 1024-65535");
  });
});
