/** Everything a scenario names must exist: NSGs, subnets, ASGs, service tags, peered VNets. */
import { describe, expect, it } from "vitest";
import { rule } from "../support/scenario.ts";
import { topologyIssues, validTopology } from "./issues.ts";

describe("references", () => {
  it("a subnet's NSG", () => {
    const topology = validTopology();
    topology.vnets[0]!.subnets![0]!.nsg = "missing";
    expect(topologyIssues(topology)).toEqual([
      {
        code: "unknown-nsg",
        message: 'NSG "missing" is not defined in nsgs',
        path: ["vnets", 0, "subnets", 0, "nsg"],
      },
    ]);
  });

  it("a NIC's NSG", () => {
    const topology = validTopology();
    topology.vms[0]!.nics[0]!.nsg = "missing";
    expect(topologyIssues(topology)).toEqual([
      {
        code: "unknown-nsg",
        message: 'NSG "missing" is not defined in nsgs',
        path: ["vms", 0, "nics", 0, "nsg"],
      },
    ]);
  });

  it("a NIC's subnet, as vnet/subnet or a unique bare name", () => {
    const topology = validTopology();
    topology.vms[0]!.nics[0]!.subnet = "vnet/missing";
    expect(topologyIssues(topology)).toEqual([
      {
        code: "unknown-subnet",
        message: 'subnet "vnet/missing" is not in the topology (write it as "vnet-name/subnet-name")',
        path: ["vms", 0, "nics", 0, "subnet"],
      },
    ]);
    const bare = validTopology();
    bare.vms[0]!.nics[0]!.subnet = "app";
    expect(topologyIssues(bare)).toEqual([]);
  });

  it("a bare subnet name that two VNets share is ambiguous", () => {
    const topology = validTopology();
    topology.vnets.push({
      name: "other",
      addressSpace: ["10.1.0.0/16"],
      subnets: [{ name: "app", addressPrefix: "10.1.1.0/24" }],
    });
    topology.vms[0]!.nics[0]!.subnet = "app";
    expect(topologyIssues(topology)).toEqual([
      {
        code: "unknown-subnet",
        message: 'subnet "app" is not in the topology (write it as "vnet-name/subnet-name")',
        path: ["vms", 0, "nics", 0, "subnet"],
      },
    ]);
  });

  it("a NIC's ASG", () => {
    const topology = validTopology();
    topology.vms[0]!.nics[0]!.asgs = ["web", "missing"];
    expect(topologyIssues(topology)).toEqual([
      {
        code: "unknown-asg",
        message: 'application security group "missing" is not defined in asgs',
        path: ["vms", 0, "nics", 0, "asgs", 1],
      },
    ]);
  });

  it("a rule's ASG, on either side", () => {
    const topology = validTopology();
    topology.nsgs[0]!.securityRules = [
      rule("a", 100, "Inbound", "Allow", {
        sourceAddressPrefix: undefined,
        sourceApplicationSecurityGroups: ["web"],
        destinationAddressPrefix: undefined,
        destinationApplicationSecurityGroups: ["web", "db"],
      }),
    ];
    expect(topologyIssues(topology)).toEqual([
      {
        code: "unknown-asg",
        message: 'application security group "db" is not defined in this scenario',
        path: ["nsgs", 0, "securityRules", 0, "destinationApplicationSecurityGroups", 1],
      },
    ]);
  });

  it("a rule's service tag, unless the scenario defines it", () => {
    const topology = validTopology();
    topology.nsgs[0]!.securityRules = [
      rule("a", 100, "Outbound", "Allow", { destinationAddressPrefix: "Sql.WestEurope" }),
    ];
    expect(topologyIssues(topology)).toEqual([
      {
        code: "unknown-service-tag",
        message:
          'unknown service tag "Sql.WestEurope": use VirtualNetwork, AzureLoadBalancer, Internet, an AzurePlatform tag (DNS, IMDS, LKM), *, an IP address or a CIDR range',
        path: ["nsgs", 0, "securityRules", 0, "destinationAddressPrefix"],
      },
    ]);
    expect(topologyIssues({ ...topology, serviceTags: { "sql.westeurope": ["40.68.0.0/16"] } })).toEqual([]);
  });

  it("a peering", () => {
    const topology = validTopology();
    topology.vnets[0]!.peerings = ["missing"];
    expect(topologyIssues(topology)).toEqual([
      {
        code: "unknown-vnet",
        message: 'peering "missing" is not a VNet of this scenario',
        path: ["vnets", 0, "peerings", 0],
      },
    ]);
  });

  it("a VNet cannot peer with itself", () => {
    const topology = validTopology();
    topology.vnets[0]!.peerings = ["vnet"];
    expect(topologyIssues(topology)).toEqual([
      {
        code: "unknown-vnet",
        message: 'peering "vnet" is not a VNet of this scenario',
        path: ["vnets", 0, "peerings", 0],
      },
    ]);
  });
});

describe("custom service tags", () => {
  it("cannot redefine a built-in tag", () => {
    expect(topologyIssues({ ...validTopology(), serviceTags: { internet: ["1.2.3.0/24"] } })).toEqual([
      {
        code: "builtin-tag-redefined",
        message: '"internet" is a built-in service tag and cannot be redefined',
        path: ["serviceTags", "internet"],
      },
    ]);
  });

  it("hold valid prefixes", () => {
    expect(
      topologyIssues({ ...validTopology(), serviceTags: { Storage: ["20.38.0.0/16", "1.2.3.4/24"] } }),
    ).toEqual([
      {
        code: "cidr-host-bits-set",
        message: '"1.2.3.4/24" has host bits set; the network is 1.2.3.0/24',
        path: ["serviceTags", "Storage", 1],
      },
    ]);
  });
});
