/**
 * Augmented security rules: "You can combine multiple ports and multiple explicit IP addresses and
 * ranges into a single, easily understood security rule." Ports: "an individual port or ranges of
 * ports. For example, you could specify 80 or 10000-10005". (Azure network security groups overview.)
 */
import { describe, expect, it } from "vitest";
import type { SecurityRuleInput } from "../../../src/lib/nsg/index.ts";
import { decidedBy, evaluatorFor, rule, twoTierTopology, verdictOf } from "../support/scenario.ts";

const withRule = (r: SecurityRuleInput) =>
  evaluatorFor(twoTierTopology({ webNicNsg: "nsg", nsgs: [{ name: "nsg", securityRules: [r] }] }));
const inbound = (from: string, port: number, sourcePort?: number) =>
  ({ from, to: "web", protocol: "Tcp", port, ...(sourcePort !== undefined ? { sourcePort } : {}) }) as const;

describe("plural address prefixes", () => {
  const evaluator = withRule(
    rule("partners", 100, "Inbound", "Allow", {
      sourceAddressPrefix: undefined,
      sourceAddressPrefixes: ["198.51.100.7", "203.0.113.0/24", "192.0.2.128/25"],
    }),
  );

  it("match any single address or range in the list", () => {
    for (const from of ["198.51.100.7", "203.0.113.200", "192.0.2.129", "192.0.2.255"]) {
      expect(decidedBy(verdictOf(evaluator, inbound(from, 443)))).toBe("partners");
    }
  });

  it("match nothing outside the list", () => {
    for (const from of ["198.51.100.8", "192.0.2.127", "8.8.8.8"]) {
      expect(decidedBy(verdictOf(evaluator, inbound(from, 443)))).toBe("DenyAllInBound");
    }
  });

  it("work for destinations too", () => {
    const ev = evaluatorFor(
      twoTierTopology({
        webNicNsg: "nsg",
        nsgs: [
          {
            name: "nsg",
            securityRules: [
              rule("deny-some-out", 100, "Outbound", "Deny", {
                destinationAddressPrefix: undefined,
                destinationAddressPrefixes: ["8.8.8.8", "1.1.1.0/24"],
              }),
            ],
          },
        ],
      }),
    );
    expect(decidedBy(verdictOf(ev, { from: "web", to: "1.1.1.1", protocol: "Udp", port: 53 }))).toBe(
      "deny-some-out",
    );
    expect(verdictOf(ev, { from: "web", to: "9.9.9.9", protocol: "Udp", port: 53 }).access).toBe("Allow");
  });
});

describe("port ranges", () => {
  it("match every port of a range, ends included", () => {
    const evaluator = withRule(
      rule("range", 100, "Inbound", "Allow", { protocol: "Tcp", destinationPortRange: "10000-10005" }),
    );
    for (const port of [10000, 10003, 10005])
      expect(decidedBy(verdictOf(evaluator, inbound("8.8.8.8", port)))).toBe("range");
    for (const port of [9999, 10006])
      expect(decidedBy(verdictOf(evaluator, inbound("8.8.8.8", port)))).toBe("DenyAllInBound");
  });

  it("combine single ports and ranges in the plural form", () => {
    const evaluator = withRule(
      rule("web-and-ftp", 100, "Inbound", "Allow", {
        protocol: "Tcp",
        destinationPortRange: undefined,
        destinationPortRanges: ["80", "443", "20-21", "50000-50100"],
      }),
    );
    for (const port of [80, 443, 20, 21, 50000, 50050, 50100])
      expect(decidedBy(verdictOf(evaluator, inbound("8.8.8.8", port)))).toBe("web-and-ftp");
    for (const port of [22, 81, 19, 49999, 50101])
      expect(decidedBy(verdictOf(evaluator, inbound("8.8.8.8", port)))).toBe("DenyAllInBound");
  });

  it("filter on the source port as well as the destination port", () => {
    const evaluator = withRule(
      rule("from-privileged", 100, "Inbound", "Allow", {
        protocol: "Tcp",
        sourcePortRange: undefined,
        sourcePortRanges: ["0-1023"],
      }),
    );
    expect(decidedBy(verdictOf(evaluator, inbound("8.8.8.8", 22, 1022)))).toBe("from-privileged");
    expect(decidedBy(verdictOf(evaluator, inbound("8.8.8.8", 22, 1024)))).toBe("DenyAllInBound");
  });

  it("match port 0 and port 65535 with *", () => {
    const evaluator = withRule(rule("any-port", 100, "Inbound", "Allow", { protocol: "Udp" }));
    expect(
      decidedBy(
        verdictOf(evaluator, { from: "8.8.8.8", to: "web", protocol: "Udp", port: 0, sourcePort: 65535 }),
      ),
    ).toBe("any-port");
    expect(
      decidedBy(
        verdictOf(evaluator, { from: "8.8.8.8", to: "web", protocol: "Udp", port: 65535, sourcePort: 0 }),
      ),
    ).toBe("any-port");
  });
});

describe("a flow without a source port", () => {
  it("uses an ephemeral port (49152, the start of the dynamic range)", () => {
    const evaluator = withRule(
      rule("ephemeral-only", 100, "Inbound", "Allow", { protocol: "Tcp", sourcePortRange: "49152-65535" }),
    );
    const verdict = verdictOf(evaluator, { from: "8.8.8.8", to: "web", protocol: "Tcp", port: 443 });
    expect(decidedBy(verdict)).toBe("ephemeral-only");
    const step = verdict.steps.at(-1)!;
    expect(step.kind === "nsg" && step.packet.sourcePort).toBe(49152);
  });
});
