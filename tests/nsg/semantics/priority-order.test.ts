/**
 * "Rules are processed in priority order, with lower numbers processed before higher numbers ...
 * Once traffic matches a rule, processing stops." (Azure network security groups overview)
 */
import { describe, expect, it } from "vitest";
import type { SecurityRuleInput } from "../../../src/lib/nsg/index.ts";
import {
  INTERNET_CLIENT,
  decidedBy,
  evaluatorFor,
  rule,
  twoTierTopology,
  verdictOf,
} from "../support/scenario.ts";

const ssh = { from: INTERNET_CLIENT, to: "web", protocol: "Tcp", port: 22 } as const;
const withRules = (rules: SecurityRuleInput[]) =>
  evaluatorFor(twoTierTopology({ webNicNsg: "nsg", nsgs: [{ name: "nsg", securityRules: rules }] }));

const allowSsh = rule("allow-ssh", 200, "Inbound", "Allow", { protocol: "Tcp", destinationPortRange: "22" });
const denySsh = rule("deny-ssh", 300, "Inbound", "Deny", { protocol: "Tcp", destinationPortRange: "22" });

describe("priority order", () => {
  it("lets the lowest number that matches decide", () => {
    expect(verdictOf(withRules([allowSsh, denySsh]), ssh).access).toBe("Allow");
    expect(decidedBy(verdictOf(withRules([allowSsh, denySsh]), ssh))).toBe("allow-ssh");
  });

  it("does not depend on the order of the rules array", () => {
    const forward = verdictOf(withRules([allowSsh, denySsh]), ssh);
    const reversed = verdictOf(withRules([denySsh, allowSsh]), ssh);
    expect(reversed.access).toBe(forward.access);
    expect(decidedBy(reversed)).toBe("allow-ssh");
  });

  it("lets a lower-numbered deny shadow a broader allow written first", () => {
    const broadAllow = rule("allow-all-tcp", 500, "Inbound", "Allow", { protocol: "Tcp" });
    const narrowDeny = rule("deny-ssh", 110, "Inbound", "Deny", {
      protocol: "Tcp",
      destinationPortRange: "22",
    });
    const evaluator = withRules([broadAllow, narrowDeny]);
    expect(decidedBy(verdictOf(evaluator, ssh))).toBe("deny-ssh");
    expect(decidedBy(verdictOf(evaluator, { ...ssh, port: 443 }))).toBe("allow-all-tcp");
  });

  it("skips rules that do not match and keeps going", () => {
    const otherPort = rule("deny-rdp", 100, "Inbound", "Deny", {
      protocol: "Tcp",
      destinationPortRange: "3389",
    });
    expect(decidedBy(verdictOf(withRules([otherPort, allowSsh]), ssh))).toBe("allow-ssh");
  });

  it("ignores rules of the other direction", () => {
    const outboundAllow = rule("allow-everything-out", 100, "Outbound", "Allow");
    expect(decidedBy(verdictOf(withRules([outboundAllow]), ssh))).toBe("DenyAllInBound");
  });

  it("uses the full custom range 100 to 4096, all before the defaults", () => {
    const first = rule("first", 100, "Inbound", "Deny", { protocol: "Tcp", destinationPortRange: "22" });
    const last = rule("last", 4096, "Inbound", "Allow", { protocol: "Tcp" });
    const evaluator = withRules([last, first]);
    expect(decidedBy(verdictOf(evaluator, ssh))).toBe("first");
    expect(decidedBy(verdictOf(evaluator, { ...ssh, port: 8080 }))).toBe("last");
  });
});
