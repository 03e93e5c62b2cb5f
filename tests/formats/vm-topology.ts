import type { Topology } from "../../src/lib/nsg/topology-schema.ts";

/**
 * A small network for az CLI reader tests: one VNet, each VM on its own subnet with one NIC
 * ("<vm>-nic"), and the NSGs given on that NIC and that subnet.
 */
export function vmTopology(vms: Record<string, { nic?: string; subnet?: string }>): Topology {
  const nsgs = new Set<string>();
  const entries = Object.entries(vms);
  for (const [, at] of entries) for (const n of [at.nic, at.subnet]) if (n) nsgs.add(n);
  return {
    vnets: [
      {
        name: "vnet",
        addressSpace: ["10.0.0.0/16"],
        subnets: entries.map(([vm, at], i) => ({
          name: `${vm}-subnet`,
          addressPrefix: `10.0.${i + 1}.0/24`,
          ...(at.subnet ? { nsg: at.subnet } : {}),
        })),
        peerings: [],
        connectedAddressSpaces: [],
      },
    ],
    vms: entries.map(([vm, at], i) => ({
      name: vm,
      nics: [
        {
          name: `${vm}-nic`,
          subnet: `vnet/${vm}-subnet`,
          privateIp: `10.0.${i + 1}.4`,
          asgs: [],
          ...(at.nic ? { nsg: at.nic } : {}),
        },
      ],
    })),
    asgs: [],
    nsgs: [...nsgs].map((name) => ({ name, securityRules: [] })),
    serviceTags: {},
  };
}
