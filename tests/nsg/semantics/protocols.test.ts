/**
 * Protocol: "TCP, UDP, ICMP, ESP, AH, or Any" (Azure NSG overview). Ports only exist for TCP and
 * UDP; a rule for ICMP, ESP or AH ignores its port fields, and so does a packet of those protocols.
 */
import { describe, expect, it } from "vitest";
import { FLOW_PROTOCOLS, RULE_PROTOCOLS, type SecurityRuleInput } from "../../../src/lib/nsg/index.ts";
import { decidedBy, evaluatorFor, rule, twoTierTopology, verdictOf } from "../support/scenario.ts";
import { joinMessages } from "../../../src/lib/result.ts";

const withRule = (r: SecurityRuleInput) =>
  evaluatorFor(twoTierTopology({ webNicNsg: "nsg", nsgs: [{ name: "nsg", securityRules: [r] }] }));
const from = "8.8.8.8";

describe("protocols", () => {
  it("are Azure's five plus * (Any)", () => {
    expect([...RULE_PROTOCOLS]).toEqual(["Tcp", "Udp", "Icmp", "Esp", "Ah", "*"]);
    expect([...FLOW_PROTOCOLS]).toEqual(["Tcp", "Udp", "Icmp", "Esp", "Ah"]);
  });

  it("a rule for one protocol matches that protocol only", () => {
    for (const protocol of FLOW_PROTOCOLS) {
      const evaluator = withRule(rule("only-this", 100, "Inbound", "Allow", { protocol }));
      for (const other of FLOW_PROTOCOLS) {
        const verdict = verdictOf(evaluator, { from, to: "web", protocol: other, port: 80 });
        expect(decidedBy(verdict), `${protocol} rule, ${other} flow`).toBe(
          other === protocol ? "only-this" : "DenyAllInBound",
        );
      }
    }
  });

  it("* matches every protocol", () => {
    const evaluator = withRule(rule("any", 100, "Inbound", "Allow", { protocol: "*" }));
    for (const protocol of FLOW_PROTOCOLS)
      expect(decidedBy(verdictOf(evaluator, { from, to: "web", protocol, port: 80 }))).toBe("any");
  });

  it("is written case-insensitively in flows", () => {
    const evaluator = withRule(rule("udp", 100, "Inbound", "Allow", { protocol: "Udp" }));
    expect(decidedBy(verdictOf(evaluator, { from, to: "web", protocol: "udp", port: 53 }))).toBe("udp");
  });
});

describe("ports and port-less protocols", () => {
  it("an ICMP, ESP or AH rule with ports still matches its protocol on any 'port'", () => {
    for (const protocol of ["Icmp", "Esp", "Ah"] as const) {
      const evaluator = withRule(
        rule("portless", 100, "Inbound", "Allow", {
          protocol,
          sourcePortRange: "1000",
          destinationPortRange: "80",
        }),
      );
      expect(decidedBy(verdictOf(evaluator, { from, to: "web", protocol }))).toBe("portless");
      expect(decidedBy(verdictOf(evaluator, { from, to: "web", protocol, port: 443, sourcePort: 5 }))).toBe(
        "portless",
      );
    }
  });

  it("ICMP, ESP and AH flows need no port", () => {
    const evaluator = withRule(rule("any", 100, "Inbound", "Allow"));
    for (const protocol of ["Icmp", "Esp", "Ah"] as const)
      expect(evaluator.evaluate({ from, to: "web", protocol }).ok).toBe(true);
  });

  it("TCP and UDP flows need a destination port", () => {
    const evaluator = withRule(rule("any", 100, "Inbound", "Allow"));
    for (const protocol of ["Tcp", "Udp"] as const) {
      const result = evaluator.evaluate({ from, to: "web", protocol });
      expect(result.ok).toBe(false);
      expect(!result.ok && joinMessages(result.errors)).toBe(`a ${protocol} flow needs a destination port`);
    }
  });

  it("a TCP rule's ports decide for TCP flows", () => {
    const evaluator = withRule(
      rule("https", 100, "Inbound", "Allow", { protocol: "Tcp", destinationPortRange: "443" }),
    );
    expect(decidedBy(verdictOf(evaluator, { from, to: "web", protocol: "Tcp", port: 443 }))).toBe("https");
    expect(decidedBy(verdictOf(evaluator, { from, to: "web", protocol: "Tcp", port: 444 }))).toBe(
      "DenyAllInBound",
    );
  });

  it("a * rule with ports ignores them for ICMP packets, which carry none", () => {
    const evaluator = withRule(
      rule("any-protocol-port-80", 100, "Inbound", "Allow", { protocol: "*", destinationPortRange: "80" }),
    );
    expect(decidedBy(verdictOf(evaluator, { from, to: "web", protocol: "Udp", port: 81 }))).toBe(
      "DenyAllInBound",
    );
    expect(decidedBy(verdictOf(evaluator, { from, to: "web", protocol: "Icmp" }))).toBe(
      "any-protocol-port-80",
    );
  });
});
