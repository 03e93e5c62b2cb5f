import { parseTopology } from "../../src/lib/nsg/evaluator.ts";
import type { Topology } from "../../src/lib/nsg/topology-schema.ts";
import { blankRuleForm, type RuleFormValues } from "../../src/lib/rule-form/rule-form-values.ts";

/** A flat ARM rule with permissive defaults, as the tests write them. */
export const armRule = (name: string, priority: number, over: Record<string, unknown> = {}) => ({
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

/**
 * Two VNets: vnet-a (web and app NICs in asg-web and asg-app) and vnet-b (a NIC in asg-far),
 * the NSG nsg-web with two rules, an empty nsg-app, and a scenario tag Storage.WestEurope.
 */
export function network(rules: Record<string, unknown>[] = defaultRules()): Topology {
  const parsed = parseTopology({
    vnets: [
      {
        name: "vnet-a",
        addressSpace: ["10.0.0.0/16"],
        subnets: [{ name: "snet", addressPrefix: "10.0.1.0/24", nsg: "nsg-web" }],
      },
      {
        name: "vnet-b",
        addressSpace: ["10.9.0.0/16"],
        subnets: [{ name: "snet", addressPrefix: "10.9.1.0/24" }],
      },
    ],
    vms: [
      {
        name: "web",
        nics: [{ name: "web-nic", subnet: "vnet-a/snet", privateIp: "10.0.1.4", asgs: ["asg-web"] }],
      },
      {
        name: "app",
        nics: [
          {
            name: "app-nic",
            subnet: "vnet-a/snet",
            privateIp: "10.0.1.5",
            asgs: ["asg-app"],
            nsg: "nsg-app",
          },
        ],
      },
      {
        name: "far",
        nics: [{ name: "far-nic", subnet: "vnet-b/snet", privateIp: "10.9.1.4", asgs: ["asg-far"] }],
      },
    ],
    asgs: ["asg-web", "asg-app", "asg-far"],
    nsgs: [
      { name: "nsg-web", securityRules: rules },
      { name: "nsg-app", securityRules: [] },
    ],
    serviceTags: { "Storage.WestEurope": ["20.60.0.0/16"] },
  });
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join("; "));
  return parsed.value;
}

export const defaultRules = () => [
  armRule("Allow-HTTPS", 300, { destinationPortRange: "443" }),
  armRule("Deny-Out", 300, { direction: "Outbound", access: "Deny" }),
];

/** The pane for an inbound rule, with a valid name and priority unless the test says otherwise. */
export const paneWith = (over: Partial<RuleFormValues> = {}): RuleFormValues => ({
  ...blankRuleForm("Inbound"),
  priority: "400",
  name: "Allow-Test",
  ...over,
});
