/**
 * Addresses must fit: subnets inside their VNet's address space, NIC addresses inside their subnet
 * and not among the addresses Azure reserves ("Azure reserves the first four and last IP address
 * for a total of 5 IP addresses within each subnet", Azure virtual network FAQ), no address twice.
 */
import { describe, expect, it } from "vitest";
import { topologyIssues, validTopology } from "./issues.ts";

const withPrivateIp = (ip: string) => {
  const topology = validTopology();
  topology.vms[0]!.nics[0]!.privateIp = ip;
  return topologyIssues(topology);
};

describe("reserved subnet addresses", () => {
  it("are the first four and the last one", () => {
    for (const ip of ["10.0.1.0", "10.0.1.1", "10.0.1.2", "10.0.1.3", "10.0.1.255"]) {
      expect(withPrivateIp(ip)).toEqual([
        {
          code: "reserved-ip",
          message: `${ip} is reserved by Azure (the first four and the last address of 10.0.1.0/24)`,
          path: ["vms", 0, "nics", 0, "privateIp"],
        },
      ]);
    }
  });

  it("leave .4 to .254 usable", () => {
    for (const ip of ["10.0.1.4", "10.0.1.100", "10.0.1.254"]) expect(withPrivateIp(ip)).toEqual([]);
  });
});

describe("NIC addresses", () => {
  it("must be in the NIC's subnet", () => {
    expect(withPrivateIp("10.0.2.4")).toEqual([
      {
        code: "ip-outside-subnet",
        message: "10.0.2.4 is outside its subnet 10.0.1.0/24",
        path: ["vms", 0, "nics", 0, "privateIp"],
      },
    ]);
  });

  it("must be in the NIC's subnet for IPv6 too", () => {
    const topology = validTopology();
    topology.vnets[0]!.addressSpace = ["10.0.0.0/16", "fd00:db8::/48"];
    topology.vnets[0]!.subnets!.push({ name: "six", addressPrefix: "fd00:db8:0:1::/64" });
    topology.vms.push({
      name: "six",
      nics: [{ name: "six-nic", subnet: "vnet/six", privateIp: "fd00:db8:0:2::4" }],
    });
    expect(topologyIssues(topology)).toEqual([
      {
        code: "ip-outside-subnet",
        message: "fd00:db8:0:2::4 is outside its subnet fd00:db8:0:1::/64",
        path: ["vms", 1, "nics", 0, "privateIp"],
      },
    ]);
    topology.vms[1]!.nics[0]!.privateIp = "fd00:db8:0:1::4";
    expect(topologyIssues(topology)).toEqual([]);
  });

  it("must be of the subnet's family", () => {
    expect(withPrivateIp("fd00::4")).toEqual([
      {
        code: "ip-outside-subnet",
        message: "fd00::4 is outside its subnet 10.0.1.0/24",
        path: ["vms", 0, "nics", 0, "privateIp"],
      },
    ]);
  });

  it("must be addresses", () => {
    expect(withPrivateIp("10.0.1")).toEqual([
      {
        code: "invalid-ip",
        message: '"10.0.1" is not a valid IPv4 or IPv6 address',
        path: ["vms", 0, "nics", 0, "privateIp"],
      },
    ]);
    const topology = validTopology();
    topology.vms[0]!.nics[0]!.publicIp = "my-pip";
    expect(topologyIssues(topology)).toEqual([
      {
        code: "invalid-ip",
        message: '"my-pip" is not a valid IPv4 or IPv6 address',
        path: ["vms", 0, "nics", 0, "publicIp"],
      },
    ]);
  });

  it("are never used twice, private or public", () => {
    const topology = validTopology();
    topology.vms.push({
      name: "vm2",
      nics: [{ name: "vm2-nic", subnet: "vnet/app", privateIp: "10.0.1.4", publicIp: "20.1.2.3" }],
    });
    expect(topologyIssues(topology)).toEqual([
      {
        code: "duplicate-ip",
        message: "10.0.1.4 is already the address of vm-nic",
        path: ["vms", 1, "nics", 0, "privateIp"],
      },
      {
        code: "duplicate-ip",
        message: "20.1.2.3 is already the address of vm-nic",
        path: ["vms", 1, "nics", 0, "publicIp"],
      },
    ]);
  });
});

describe("VNet and subnet prefixes", () => {
  it("a subnet lies inside its VNet's address space", () => {
    const topology = validTopology();
    topology.vnets[0]!.subnets!.push({ name: "stray", addressPrefix: "10.1.0.0/24" });
    expect(topologyIssues(topology)).toEqual([
      {
        code: "subnet-outside-vnet",
        message: "subnet 10.1.0.0/24 is outside the VNet's address space 10.0.0.0/16",
        path: ["vnets", 0, "subnets", 1, "addressPrefix"],
      },
    ]);
  });

  it("CIDRs have no host bits", () => {
    const topology = validTopology();
    topology.vnets[0]!.subnets!.push({ name: "b", addressPrefix: "10.0.2.1/24" });
    topology.vnets[0]!.connectedAddressSpaces = ["192.168.0.0/33"];
    expect(topologyIssues(topology)).toEqual([
      {
        code: "invalid-cidr",
        message: '"192.168.0.0/33": an IPv4 prefix length is 0 to 32',
        path: ["vnets", 0, "connectedAddressSpaces", 0],
      },
      {
        code: "cidr-host-bits-set",
        message: '"10.0.2.1/24" has host bits set; the network is 10.0.2.0/24',
        path: ["vnets", 0, "subnets", 1, "addressPrefix"],
      },
    ]);
  });

  it("an address space with host bits is reported where it is written", () => {
    const topology = validTopology();
    topology.vnets[0]!.addressSpace = ["10.0.0.1/16"];
    expect(topologyIssues(topology)[0]).toEqual({
      code: "cidr-host-bits-set",
      message: '"10.0.0.1/16" has host bits set; the network is 10.0.0.0/16',
      path: ["vnets", 0, "addressSpace", 0],
    });
  });
});
