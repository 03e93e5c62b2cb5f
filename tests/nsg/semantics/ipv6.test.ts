/**
 * IPv6: NSG rules take IPv6 addresses and CIDRs like IPv4 ones, and the service tags cover both
 * families (Azure: "IPv6 for Azure Virtual Network" — NSGs support IPv6). A flow stays in one family.
 */
import { describe, expect, it } from "vitest";
import type { TopologyInput } from "../../../src/lib/nsg/index.ts";
import { decidedBy, evaluatorFor, rule, traceOf, verdictOf } from "../support/scenario.ts";

const dualStack = (
  rules = [
    rule("allow-v6-partner", 100, "Inbound", "Allow", {
      protocol: "Tcp",
      sourceAddressPrefix: "2a01:111:f400::/48",
      destinationPortRange: "443",
    }),
  ],
): TopologyInput => ({
  vnets: [
    {
      name: "vnet",
      addressSpace: ["10.0.0.0/16", "fd00:db8:1::/48"],
      subnets: [
        { name: "v4", addressPrefix: "10.0.1.0/24" },
        { name: "v6", addressPrefix: "fd00:db8:1:1::/64" },
      ],
    },
  ],
  vms: [
    {
      name: "six",
      nics: [
        {
          name: "six-nic",
          subnet: "vnet/v6",
          privateIp: "fd00:db8:1:1::4",
          publicIp: "2603:1030:1::10",
          nsg: "nsg",
        },
      ],
    },
    {
      name: "six-b",
      nics: [{ name: "six-b-nic", subnet: "vnet/v6", privateIp: "fd00:db8:1:1::5", nsg: "nsg" }],
    },
    { name: "four", nics: [{ name: "four-nic", subnet: "vnet/v4", privateIp: "10.0.1.4", nsg: "nsg" }] },
  ],
  nsgs: [{ name: "nsg", securityRules: rules }],
});

describe("IPv6", () => {
  it("matches an IPv6 CIDR in a rule", () => {
    const verdict = verdictOf(evaluatorFor(dualStack()), {
      from: "2a01:111:f400:ab::1",
      to: "six",
      protocol: "Tcp",
      port: 443,
    });
    expect(decidedBy(verdict)).toBe("allow-v6-partner");
  });

  it("does not match addresses outside the IPv6 CIDR", () => {
    const verdict = verdictOf(evaluatorFor(dualStack()), {
      from: "2a01:111:f401::1",
      to: "six",
      protocol: "Tcp",
      port: 443,
    });
    expect(decidedBy(verdict)).toBe("DenyAllInBound");
  });

  it("counts the VNet's IPv6 space as VirtualNetwork", () => {
    const verdict = verdictOf(evaluatorFor(dualStack()), {
      from: "six",
      to: "six-b",
      protocol: "Tcp",
      port: 22,
    });
    expect(traceOf(verdict).map((s) => ("rule" in s ? s.rule : null))).toEqual([
      "AllowVnetOutBound",
      null,
      null,
      "AllowVnetInBound",
    ]);
  });

  it("counts public IPv6 space as Internet, and unique-local space outside the VNet as neither", () => {
    const evaluator = evaluatorFor(dualStack());
    expect(
      traceOf(verdictOf(evaluator, { from: "six", to: "2606:4700::1111", protocol: "Udp", port: 53 }))[0],
    ).toMatchObject({ rule: "AllowInternetOutBound" });
    expect(
      traceOf(verdictOf(evaluator, { from: "six", to: "fd99::1", protocol: "Udp", port: 53 }))[0],
    ).toMatchObject({ rule: "DenyAllOutBound" });
  });

  it("* matches IPv6 addresses", () => {
    const evaluator = evaluatorFor(dualStack([rule("deny-all-v6", 100, "Inbound", "Deny")]));
    expect(decidedBy(verdictOf(evaluator, { from: "six-b", to: "six", protocol: "Icmp" }))).toBe(
      "deny-all-v6",
    );
  });

  it("translates an IPv6 public address to the NIC's private one before filtering", () => {
    const evaluator = evaluatorFor(
      dualStack([
        rule("to-private", 100, "Inbound", "Allow", { destinationAddressPrefix: "fd00:db8:1:1::4" }),
      ]),
    );
    expect(
      decidedBy(
        verdictOf(evaluator, { from: "2a01:111:f400::9", to: "2603:1030:1::10", protocol: "Tcp", port: 80 }),
      ),
    ).toBe("to-private");
  });

  it("compares addresses, not spellings", () => {
    const evaluator = evaluatorFor(
      dualStack([
        rule("exact", 100, "Inbound", "Allow", { sourceAddressPrefix: "2a01:0111:f400:0000::0001" }),
      ]),
    );
    expect(
      decidedBy(
        verdictOf(evaluator, { from: "2A01:111:F400::1", to: "FD00:DB8:1:1:0:0:0:4", protocol: "Icmp" }),
      ),
    ).toBe("exact");
  });

  it("refuses a flow that mixes IPv4 and IPv6", () => {
    const result = evaluatorFor(dualStack()).evaluate({
      from: "four",
      to: "2a01:111:f400::1",
      protocol: "Tcp",
      port: 443,
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toEqual([
      {
        code: "address-family-mismatch",
        message: "source and destination must both be IPv4 or both IPv6",
        path: [],
      },
    ]);
  });
});
