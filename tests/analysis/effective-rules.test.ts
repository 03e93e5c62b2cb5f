import { describe, expect, it } from "vitest";
import { effectiveRules } from "../../src/lib/analysis/effective-rules.ts";
import { rule, webVm } from "./scenario.ts";

describe("effective rules of a NIC", () => {
  const evaluator = webVm(
    [rule("allow-https", 200, { destinationPortRange: "443", sourceAddressPrefix: "Internet" })],
    [rule("from-web-asg", 300, { sourceApplicationSecurityGroups: ["web"], sourceAddressPrefix: undefined })],
  );
  const view = effectiveRules(evaluator, "web-nic")!;

  it("lists inbound subnet then NIC, outbound NIC then subnet", () => {
    expect(view.inbound.map((l) => [l.level, l.nsg])).toEqual([
      ["subnet", "subnet-nsg"],
      ["nic", "nic-nsg"],
    ]);
    expect(view.outbound.map((l) => [l.level, l.nsg])).toEqual([
      ["nic", "nic-nsg"],
      ["subnet", "subnet-nsg"],
    ]);
  });

  it("orders each NSG's rules by priority, marking the defaults", () => {
    expect(view.inbound[0]!.rules.map((r) => [r.name, r.priority, r.isDefault])).toEqual([
      ["allow-https", 200, false],
      ["AllowVnetInBound", 65000, true],
      ["AllowAzureLoadBalancerInBound", 65001, true],
      ["DenyAllInBound", 65500, true],
    ]);
  });

  it("expands service tags and ASGs into prefixes", () => {
    const vnet = view.inbound[0]!.rules.find((r) => r.name === "AllowVnetInBound")!;
    expect(vnet.expandedSource).toEqual(["10.0.0.0/16", "168.63.129.16/32"]);
    expect(view.inbound[1]!.rules[0]!.source).toEqual(["ASG web"]);
    expect(view.inbound[1]!.rules[0]!.expandedSource).toEqual(["10.0.1.4/32"]);
    expect(view.inbound[0]!.rules[0]!.expandedSource).not.toContain("10.0.0.0/8");
  });

  it("shows a level without NSG as empty", () => {
    const evaluator = webVm(undefined, []);
    expect(effectiveRules(evaluator, "web-nic")!.inbound[0]).toEqual({
      level: "subnet",
      nsg: null,
      rules: [],
    });
    expect(effectiveRules(evaluator, "no-such-nic")).toBeUndefined();
  });
});
