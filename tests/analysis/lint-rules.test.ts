import { describe, expect, it } from "vitest";
import { lintNsg } from "../../src/lib/analysis/lint-rules.ts";
import { rule, webVm } from "./scenario.ts";

function lint(rules: unknown[]) {
  const evaluator = webVm(undefined, rules);
  return lintNsg(evaluator.cache.get("nic-nsg", "vnet")!, evaluator.network.tagsByVnet.get("vnet")!).map(
    (l) => `${l.kind} ${l.rule}`,
  );
}

describe("rule analysis", () => {
  it("finds a rule shadowed by an earlier broader rule of the other access", () => {
    expect(
      lint([
        rule("deny-all-tcp", 100, { access: "Deny" }),
        rule("allow-web", 200, { destinationPortRange: "80" }),
      ]),
    ).toContain("shadowed allow-web");
  });

  it("finds a redundant rule covered by an earlier rule with the same access", () => {
    expect(
      lint([
        rule("web", 100, { destinationPortRange: "80-443", sourceAddressPrefix: "10.0.0.0/8" }),
        rule("https", 200, { destinationPortRange: "443", sourceAddressPrefix: "10.1.0.0/16" }),
      ]),
    ).toEqual(["redundant https"]);
  });

  it("does not flag a rule that is only partly covered", () => {
    expect(
      lint([
        rule("a", 100, { destinationPortRange: "80", sourceAddressPrefix: "10.0.0.0/8" }),
        rule("b", 200, {
          destinationPortRange: undefined,
          destinationPortRanges: ["80", "81"],
          sourceAddressPrefix: "10.0.0.0/8",
        }),
      ]),
    ).toEqual([]);
  });

  it("treats ports as irrelevant for an ICMP rule under an earlier any-protocol rule", () => {
    expect(
      lint([
        rule("any-80", 100, { protocol: "*", destinationPortRange: "80", sourceAddressPrefix: "10.0.0.0/8" }),
        rule("ping", 200, { protocol: "Icmp", sourceAddressPrefix: "10.0.0.0/8" }),
      ]),
    ).toEqual(["redundant ping"]);
  });

  it("warns about rules open to the whole internet on every port, and about internet SSH/RDP", () => {
    expect(lint([rule("wide-open", 100, { sourceAddressPrefix: "Internet" })])).toEqual([
      "open-to-internet wide-open",
    ]);
    expect(
      lint([
        rule("ssh", 100, { destinationPortRange: "22" }),
        rule("rdp", 110, { destinationPortRange: "3389", sourceAddressPrefix: "0.0.0.0/0" }),
      ]),
    ).toEqual(["management-port-open ssh", "management-port-open rdp"]);
    expect(
      lint([rule("ssh-office", 100, { destinationPortRange: "22", sourceAddressPrefix: "198.51.100.0/24" })]),
    ).toEqual([]);
  });

  it("points out a custom rule that borrows a default rule's name", () => {
    expect(
      lint([rule("DenyAllInBound", 4000, { access: "Deny", sourceAddressPrefix: "198.51.100.0/24" })]),
    ).toEqual(["default-rule-name DenyAllInBound"]);
  });
});
