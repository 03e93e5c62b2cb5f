import { createEvaluator, parseTopology, type Evaluator } from "../../src/lib/nsg/index.ts";

export const rule = (name: string, priority: number, over: Record<string, unknown> = {}) => ({
  name,
  priority,
  direction: "Inbound",
  access: "Allow",
  protocol: "Tcp",
  sourceAddressPrefix: "*",
  sourcePortRange: "*",
  destinationAddressPrefix: "*",
  destinationPortRange: "*",
  ...over,
});

/** One VM (10.0.1.4, public 20.1.2.3) in one subnet; rules for the subnet NSG and the NIC NSG. */
export function webVm(subnetRules: unknown[] | undefined, nicRules: unknown[] | undefined): Evaluator {
  const topology = parseTopology({
    vnets: [
      {
        name: "vnet",
        addressSpace: ["10.0.0.0/16"],
        subnets: [
          { name: "web", addressPrefix: "10.0.1.0/24", ...(subnetRules ? { nsg: "subnet-nsg" } : {}) },
        ],
      },
    ],
    vms: [
      {
        name: "web-vm",
        nics: [
          {
            name: "web-nic",
            subnet: "vnet/web",
            privateIp: "10.0.1.4",
            publicIp: "20.1.2.3",
            ...(nicRules ? { nsg: "nic-nsg" } : {}),
            asgs: ["web"],
          },
        ],
      },
    ],
    asgs: ["web"],
    nsgs: [
      ...(subnetRules ? [{ name: "subnet-nsg", securityRules: subnetRules }] : []),
      ...(nicRules ? [{ name: "nic-nsg", securityRules: nicRules }] : []),
    ],
  });
  if (!topology.ok) throw new Error(JSON.stringify(topology.errors));
  const evaluator = createEvaluator(topology.value);
  if (!evaluator.ok) throw new Error(JSON.stringify(evaluator.errors));
  return evaluator.value;
}
