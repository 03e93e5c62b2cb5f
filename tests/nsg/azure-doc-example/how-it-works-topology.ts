/**
 * The worked example of Azure's "How network security groups filter network traffic"
 * (learn.microsoft.com/azure/virtual-network/network-security-group-how-it-works):
 *
 *   Subnet1 — NSG1 associated to the subnet — holds VM1 (NIC has NSG2) and VM2 (NIC has no NSG)
 *   Subnet2 — no NSG                         — holds VM3 (NIC has NSG2)
 *   Subnet3 — no NSG                         — holds VM4 (NIC has no NSG)
 *
 * The picture shows traffic to and from the internet over TCP port 80. Each VM has a public IP
 * so that the internet can reach it. NSG1 and NSG2 start with no custom rules; each test adds
 * the rules the doc's sentence is about.
 */
import type { SecurityRuleInput, TopologyInput } from "../../../src/lib/nsg/index.ts";
import { rule } from "../support/scenario.ts";

export const PUBLIC_IP = {
  VM1: "52.160.0.11",
  VM2: "52.160.0.12",
  VM3: "52.160.0.13",
  VM4: "52.160.0.14",
} as const;
export const WEB_SERVER_ON_INTERNET = "93.184.216.34";
export const BROWSER_ON_INTERNET = "203.0.113.7";

export const ALLOW_HTTP_IN: SecurityRuleInput = rule("allow-http-in", 100, "Inbound", "Allow", {
  protocol: "Tcp",
  sourceAddressPrefix: "Internet",
  destinationPortRange: "80",
});
export const DENY_HTTP_OUT: SecurityRuleInput = rule("deny-http-out", 100, "Outbound", "Deny", {
  protocol: "Tcp",
  destinationAddressPrefix: "Internet",
  destinationPortRange: "80",
});

export function howItWorks(
  rules: { NSG1?: SecurityRuleInput[]; NSG2?: SecurityRuleInput[] } = {},
): TopologyInput {
  return {
    vnets: [
      {
        name: "VNet1",
        addressSpace: ["10.0.0.0/16"],
        subnets: [
          { name: "Subnet1", addressPrefix: "10.0.1.0/24", nsg: "NSG1" },
          { name: "Subnet2", addressPrefix: "10.0.2.0/24" },
          { name: "Subnet3", addressPrefix: "10.0.3.0/24" },
        ],
      },
    ],
    vms: [
      {
        name: "VM1",
        nics: [
          {
            name: "VM1-nic",
            subnet: "VNet1/Subnet1",
            privateIp: "10.0.1.4",
            publicIp: PUBLIC_IP.VM1,
            nsg: "NSG2",
          },
        ],
      },
      {
        name: "VM2",
        nics: [{ name: "VM2-nic", subnet: "VNet1/Subnet1", privateIp: "10.0.1.5", publicIp: PUBLIC_IP.VM2 }],
      },
      {
        name: "VM3",
        nics: [
          {
            name: "VM3-nic",
            subnet: "VNet1/Subnet2",
            privateIp: "10.0.2.4",
            publicIp: PUBLIC_IP.VM3,
            nsg: "NSG2",
          },
        ],
      },
      {
        name: "VM4",
        nics: [{ name: "VM4-nic", subnet: "VNet1/Subnet3", privateIp: "10.0.3.4", publicIp: PUBLIC_IP.VM4 }],
      },
    ],
    nsgs: [
      { name: "NSG1", securityRules: rules.NSG1 ?? [] },
      { name: "NSG2", securityRules: rules.NSG2 ?? [] },
    ],
  };
}
