/**
 * VirtualNetwork service tag: "The virtual network address space (all IP address ranges defined for
 * the virtual network), all connected on-premises address spaces, peered virtual networks, virtual
 * networks connected to a virtual network gateway, the virtual IP address of the host, and address
 * prefixes used on user-defined routes." (Azure service tags overview.) Peering is not transitive
 * (Azure virtual network peering overview), so a VNet sees only its direct peers.
 */
import { describe, expect, it } from "vitest";
import type { TopologyInput } from "../../../src/lib/nsg/index.ts";
import { evaluatorFor, rule, traceOf, verdictOf } from "../support/scenario.ts";

const vnet = (
  name: string,
  space: string,
  peerings: string[] = [],
  connectedAddressSpaces: string[] = [],
) => ({
  name,
  addressSpace: [space],
  peerings,
  connectedAddressSpaces,
  subnets: [{ name: "default", addressPrefix: space.replace(/\.0\.0\/16$/, ".1.0/24") }],
});
const vm = (name: string, vnetName: string, ip: string) => ({
  name,
  nics: [{ name: `${name}-nic`, subnet: `${vnetName}/default`, privateIp: ip, nsg: "defaults-only" }],
});

// hub peers with spoke1 and spoke2; the spokes do not peer with each other. hub also reaches an
// on-premises range (192.168.0.0/16) through a gateway.
const hubAndSpokes: TopologyInput = {
  vnets: [
    vnet("hub", "10.0.0.0/16", ["spoke1", "spoke2"], ["192.168.0.0/16"]),
    vnet("spoke1", "10.1.0.0/16", ["hub"]),
    vnet("spoke2", "10.2.0.0/16", ["hub"]),
    vnet("island", "10.9.0.0/16"),
  ],
  vms: [
    vm("hub-vm", "hub", "10.0.1.4"),
    vm("spoke1-vm", "spoke1", "10.1.1.4"),
    vm("spoke2-vm", "spoke2", "10.2.1.4"),
    vm("island-vm", "island", "10.9.1.4"),
  ],
  nsgs: [{ name: "defaults-only", securityRules: [] }],
};
const first = (from: string, to: string) =>
  traceOf(verdictOf(evaluatorFor(hubAndSpokes), { from, to, protocol: "Tcp", port: 22 }))[0];
const last = (from: string, to: string) =>
  traceOf(verdictOf(evaluatorFor(hubAndSpokes), { from, to, protocol: "Tcp", port: 22 })).at(-1);

describe("VirtualNetwork tag", () => {
  it("holds the VNet's own address space", () => {
    const verdict = verdictOf(evaluatorFor(hubAndSpokes), {
      from: "hub-vm",
      to: "10.0.1.200",
      protocol: "Tcp",
      port: 22,
    });
    expect(traceOf(verdict)[0]).toMatchObject({ rule: "AllowVnetOutBound" });
  });

  it("holds every address space of a VNet that has several", () => {
    const topology: TopologyInput = {
      vnets: [
        {
          name: "v",
          addressSpace: ["10.0.0.0/16", "172.20.0.0/16"],
          subnets: [
            { name: "a", addressPrefix: "10.0.1.0/24" },
            { name: "b", addressPrefix: "172.20.1.0/24" },
          ],
        },
      ],
      vms: [
        { name: "x", nics: [{ name: "x-nic", subnet: "v/a", privateIp: "10.0.1.4", nsg: "n" }] },
        { name: "y", nics: [{ name: "y-nic", subnet: "v/b", privateIp: "172.20.1.4", nsg: "n" }] },
      ],
      nsgs: [{ name: "n", securityRules: [] }],
    };
    const verdict = verdictOf(evaluatorFor(topology), { from: "x", to: "y", protocol: "Tcp", port: 22 });
    expect(verdict.access).toBe("Allow");
    expect(traceOf(verdict).map((s) => ("rule" in s ? s.rule : null))).toEqual([
      "AllowVnetOutBound",
      null,
      null,
      "AllowVnetInBound",
    ]);
  });

  it("holds peered VNets, in both directions of a peering", () => {
    expect(first("hub-vm", "spoke1-vm")).toMatchObject({ rule: "AllowVnetOutBound", access: "Allow" });
    expect(last("hub-vm", "spoke1-vm")).toMatchObject({ rule: "AllowVnetInBound", access: "Allow" });
    expect(first("spoke2-vm", "hub-vm")).toMatchObject({ rule: "AllowVnetOutBound", access: "Allow" });
    expect(last("spoke2-vm", "hub-vm")).toMatchObject({ rule: "AllowVnetInBound", access: "Allow" });
  });

  it("does not hold a peer's peers (peering is not transitive)", () => {
    expect(first("spoke1-vm", "spoke2-vm")).toMatchObject({ rule: "DenyAllOutBound", access: "Deny" });
  });

  it("does not hold VNets that are not peered", () => {
    expect(first("hub-vm", "island-vm")).toMatchObject({ rule: "DenyAllOutBound", access: "Deny" });
  });

  it("holds connected on-premises address spaces the scenario declares", () => {
    expect(first("hub-vm", "192.168.10.20")).toMatchObject({ rule: "AllowVnetOutBound" });
    const inbound = verdictOf(evaluatorFor(hubAndSpokes), {
      from: "192.168.10.20",
      to: "hub-vm",
      protocol: "Tcp",
      port: 3389,
    });
    expect(traceOf(inbound).at(-1)).toMatchObject({ rule: "AllowVnetInBound", access: "Allow" });
    // Only the VNet that declares the connection counts it.
    expect(first("spoke1-vm", "192.168.10.20")).toMatchObject({ rule: "DenyAllOutBound" });
  });

  it("holds the host's virtual IP 168.63.129.16", () => {
    expect(first("hub-vm", "168.63.129.16")).toMatchObject({ rule: "AllowVnetOutBound" });
  });

  it("is what a custom rule naming VirtualNetwork matches, legacy VIRTUAL_NETWORK spelling included", () => {
    for (const tag of ["VirtualNetwork", "virtualnetwork", "VIRTUAL_NETWORK"]) {
      const topology: TopologyInput = {
        ...hubAndSpokes,
        nsgs: [
          {
            name: "defaults-only",
            securityRules: [
              rule("block-vnet-ssh", 100, "Inbound", "Deny", {
                sourceAddressPrefix: tag,
                protocol: "Tcp",
                destinationPortRange: "22",
              }),
            ],
          },
        ],
      };
      const verdict = verdictOf(evaluatorFor(topology), {
        from: "spoke1-vm",
        to: "hub-vm",
        protocol: "Tcp",
        port: 22,
      });
      expect(traceOf(verdict).at(-1)).toMatchObject({ rule: "block-vnet-ssh", access: "Deny" });
    }
  });
});
