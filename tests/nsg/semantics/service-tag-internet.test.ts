/**
 * Internet service tag: "The IP address space that's outside the virtual network and reachable by
 * the public internet. The address range includes the Azure-owned public IP address space."
 * (Azure service tags overview.)
 */
import { describe, expect, it } from "vitest";
import type { TopologyInput } from "../../../src/lib/nsg/index.ts";
import { decidedBy, evaluatorFor, rule, traceOf, verdictOf } from "../support/scenario.ts";

// A VNet that uses a public range for one of its address spaces (Azure allows it).
const topology: TopologyInput = {
  vnets: [
    {
      name: "vnet",
      addressSpace: ["10.0.0.0/16", "52.10.0.0/16"],
      subnets: [
        { name: "a", addressPrefix: "10.0.1.0/24" },
        { name: "pub", addressPrefix: "52.10.1.0/24" },
      ],
    },
  ],
  vms: [
    { name: "vm", nics: [{ name: "vm-nic", subnet: "vnet/a", privateIp: "10.0.1.4", nsg: "nsg" }] },
    { name: "peer", nics: [{ name: "peer-nic", subnet: "vnet/pub", privateIp: "52.10.1.4" }] },
  ],
  nsgs: [
    {
      name: "nsg",
      securityRules: [
        rule("deny-internet-out", 100, "Outbound", "Deny", { destinationAddressPrefix: "Internet" }),
        rule("allow-internet-in", 100, "Inbound", "Allow", { sourceAddressPrefix: "Internet" }),
        rule("deny-rest-in", 200, "Inbound", "Deny"),
      ],
    },
  ],
};
const out = (to: string) =>
  decidedBy(verdictOf(evaluatorFor(topology), { from: "vm", to, protocol: "Tcp", port: 443 }));
const inFrom = (from: string) =>
  verdictOf(evaluatorFor(topology), { from, to: "vm", protocol: "Tcp", port: 443 });

describe("Internet tag", () => {
  it("holds public addresses, Azure-owned ones included", () => {
    expect(out("8.8.8.8")).toBe("deny-internet-out");
    expect(out("40.112.72.205")).toBe("deny-internet-out");
    expect(out("93.184.216.34")).toBe("deny-internet-out");
  });

  it("leaves out the virtual network, even its public-range address space", () => {
    expect(out("52.10.1.4")).toBe("no-nsg");
    const verdict = verdictOf(evaluatorFor(topology), { from: "vm", to: "peer", protocol: "Tcp", port: 443 });
    expect(traceOf(verdict)[0]).toMatchObject({ rule: "AllowVnetOutBound" });
  });

  it("leaves out private ranges that are not the virtual network (they are not reachable on the internet)", () => {
    for (const address of ["10.200.0.1", "172.16.5.5", "192.168.1.1", "100.64.0.1"]) {
      expect(out(address)).toBe("DenyAllOutBound");
    }
  });

  it("matches internet sources in inbound rules, and not VNet sources", () => {
    expect(decidedBy(inFrom("203.0.113.50"))).toBe("allow-internet-in");
    expect(decidedBy(inFrom("peer"))).toBe("deny-rest-in");
  });

  it("is spelled case-insensitively, and the legacy INTERNET name works", () => {
    const spelled = (tag: string): TopologyInput => ({
      ...topology,
      nsgs: [
        {
          name: "nsg",
          securityRules: [
            rule("deny-internet-out", 100, "Outbound", "Deny", { destinationAddressPrefix: tag }),
          ],
        },
      ],
    });
    for (const tag of ["internet", "INTERNET", "Internet"]) {
      expect(
        decidedBy(
          verdictOf(evaluatorFor(spelled(tag)), { from: "vm", to: "8.8.8.8", protocol: "Udp", port: 53 }),
        ),
      ).toBe("deny-internet-out");
    }
  });
});
