/**
 * Azure "Application security groups": "All network interfaces assigned to an application security
 * group have to exist in the same virtual network that the first network interface assigned to the
 * application security group is in", and "If you specify an application security group as the source
 * and destination in a security rule, the network interfaces in both application security groups must
 * exist in the same virtual network."
 */
import { describe, expect, it } from "vitest";
import type { TopologyInput } from "../../../src/lib/nsg/index.ts";
import { rule } from "../support/scenario.ts";
import { topologyIssues } from "./issues.ts";

const twoVnets = (
  asgs: { a: string[]; b: string[] },
  rules: ReturnType<typeof rule>[] = [],
): TopologyInput => ({
  vnets: [
    {
      name: "vnet1",
      addressSpace: ["10.1.0.0/16"],
      subnets: [{ name: "s", addressPrefix: "10.1.1.0/24", nsg: "nsg" }],
      peerings: ["vnet2"],
    },
    {
      name: "vnet2",
      addressSpace: ["10.2.0.0/16"],
      subnets: [{ name: "s", addressPrefix: "10.2.1.0/24" }],
      peerings: ["vnet1"],
    },
  ],
  asgs: ["AsgLogic", "AsgDb"],
  vms: [
    { name: "a", nics: [{ name: "a-nic", subnet: "vnet1/s", privateIp: "10.1.1.4", asgs: asgs.a }] },
    { name: "b", nics: [{ name: "b-nic", subnet: "vnet2/s", privateIp: "10.2.1.4", asgs: asgs.b }] },
  ],
  nsgs: [{ name: "nsg", securityRules: rules }],
});

const logicToDb = rule("logic-to-db", 100, "Inbound", "Allow", {
  sourceAddressPrefix: undefined,
  sourceApplicationSecurityGroups: ["AsgLogic"],
  destinationAddressPrefix: undefined,
  destinationApplicationSecurityGroups: ["AsgDb"],
});

describe("ASG placement", () => {
  it("keeps all of an ASG's NICs in one virtual network", () => {
    expect(topologyIssues(twoVnets({ a: ["AsgLogic"], b: ["AsgLogic"] }))).toEqual([
      {
        code: "asg-vnet-mismatch",
        message:
          'application security group "AsgLogic" already holds NICs of VNet "vnet1"; all its NICs must be in one virtual network, so "b-nic" (VNet "vnet2") cannot join it',
        path: ["vms", 1, "nics", 0, "asgs", 0],
      },
    ]);
  });

  it("lets different ASGs live in different virtual networks", () => {
    expect(topologyIssues(twoVnets({ a: ["AsgLogic"], b: ["AsgDb"] }))).toEqual([]);
  });

  it("refuses a rule whose source and destination ASGs sit in different virtual networks", () => {
    expect(topologyIssues(twoVnets({ a: ["AsgLogic"], b: ["AsgDb"] }, [logicToDb]))).toEqual([
      {
        code: "asg-vnet-mismatch",
        message:
          'rule "logic-to-db" uses application security groups as source and destination, so their NICs must all be in one virtual network (found "vnet1" and "vnet2")',
        path: ["nsgs", 0, "securityRules", 0, "destinationApplicationSecurityGroups"],
      },
    ]);
  });

  it("accepts that rule when both ASGs are in the same virtual network", () => {
    expect(topologyIssues(twoVnets({ a: ["AsgLogic", "AsgDb"], b: [] }, [logicToDb]))).toEqual([]);
  });

  it("accepts an ASG on one side and prefixes on the other across VNets", () => {
    const oneSide = rule("logic-from-vnet2", 100, "Inbound", "Allow", {
      sourceAddressPrefix: "10.2.0.0/16",
      destinationAddressPrefix: undefined,
      destinationApplicationSecurityGroups: ["AsgLogic"],
    });
    expect(topologyIssues(twoVnets({ a: ["AsgLogic"], b: ["AsgDb"] }, [oneSide]))).toEqual([]);
  });
});
