/** Names are how a scenario refers to things, so each kind of thing has unique names. */
import { describe, expect, it } from "vitest";
import { topologyIssues, validTopology } from "./issues.ts";

describe("duplicate names", () => {
  it("VNets", () => {
    const topology = validTopology();
    topology.vnets.push({ name: "vnet", addressSpace: ["10.1.0.0/16"] });
    expect(topologyIssues(topology)).toContainEqual({
      code: "duplicate-name",
      message: 'VNet name "vnet" is used twice',
      path: ["vnets", 1, "name"],
    });
  });

  it("subnets of one VNet", () => {
    const topology = validTopology();
    topology.vnets[0]!.subnets!.push({ name: "app", addressPrefix: "10.0.2.0/24" });
    expect(topologyIssues(topology)).toContainEqual({
      code: "duplicate-name",
      message: 'subnet name "app" is used twice',
      path: ["vnets", 0, "subnets", 1, "name"],
    });
  });

  it("VMs", () => {
    const topology = validTopology();
    topology.vms.push({ name: "vm", nics: [{ name: "vm2-nic", subnet: "vnet/app", privateIp: "10.0.1.5" }] });
    expect(topologyIssues(topology)).toEqual([
      { code: "duplicate-name", message: 'VM name "vm" is used twice', path: ["vms", 1, "name"] },
    ]);
  });

  it("NICs, across VMs, pointing at the NIC that repeats the name", () => {
    const topology = validTopology();
    topology.vms.push({
      name: "vm2",
      nics: [
        { name: "vm2-nic", subnet: "vnet/app", privateIp: "10.0.1.5" },
        { name: "vm-nic", subnet: "vnet/app", privateIp: "10.0.1.6" },
      ],
    });
    expect(topologyIssues(topology)).toEqual([
      {
        code: "duplicate-name",
        message: 'NIC name "vm-nic" is used twice',
        path: ["vms", 1, "nics", 1, "name"],
      },
    ]);
  });

  it("NSGs", () => {
    const topology = validTopology();
    topology.nsgs.push({ name: "vm-nsg", securityRules: [] });
    expect(topologyIssues(topology)).toEqual([
      { code: "duplicate-name", message: 'NSG name "vm-nsg" is used twice', path: ["nsgs", 2, "name"] },
    ]);
  });

  it("ASGs", () => {
    const topology = validTopology();
    topology.asgs.push("web");
    expect(topologyIssues(topology)).toEqual([
      {
        code: "duplicate-name",
        message: 'application security group name "web" is used twice',
        path: ["asgs", 1, "name"],
      },
    ]);
  });
});

describe("structure", () => {
  it("a VNet needs an address space and a VM a NIC", () => {
    const topology = validTopology();
    topology.vnets[0]!.addressSpace = [];
    topology.vms[0]!.nics = [];
    expect(topologyIssues(topology)).toEqual([
      {
        code: "invalid-value",
        message: "a VNet needs at least one address space",
        path: ["vnets", 0, "addressSpace"],
      },
      { code: "invalid-value", message: "a VM needs at least one NIC", path: ["vms", 0, "nics"] },
    ]);
  });

  it("rule errors inside an NSG carry the NSG's path", () => {
    const topology = validTopology();
    topology.nsgs[1]!.securityRules = [
      {
        name: "r",
        priority: 50,
        direction: "Inbound",
        access: "Allow",
        protocol: "*",
        sourceAddressPrefix: "*",
        sourcePortRange: "*",
        destinationAddressPrefix: "*",
        destinationPortRange: "*",
      },
    ];
    expect(topologyIssues(topology)).toEqual([
      {
        code: "priority-out-of-range",
        message: "priority 50 is out of range: custom rules use whole numbers from 100 to 4096",
        path: ["nsgs", 1, "securityRules", 0, "priority"],
      },
    ]);
  });

  it("an unknown property of the topology", () => {
    expect(topologyIssues({ ...validTopology(), vnet: [] })).toEqual([
      { code: "unknown-field", message: 'unknown property "vnet"', path: ["vnet"] },
    ]);
  });
});
