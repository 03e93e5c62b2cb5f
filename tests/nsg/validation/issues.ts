/** Test support: the issues (code, message, path) validation reports for a rule or a whole topology. */
import {
  parseSchema,
  parseTopology,
  securityRuleSchema,
  type TopologyInput,
} from "../../../src/lib/nsg/index.ts";
import type { Issue } from "../../../src/lib/result.ts";

export const VALID_RULE = {
  name: "allow-https",
  priority: 100,
  direction: "Inbound",
  access: "Allow",
  protocol: "Tcp",
  sourceAddressPrefix: "*",
  sourcePortRange: "*",
  destinationAddressPrefix: "*",
  destinationPortRange: "443",
} as const;

export function ruleIssues(input: unknown): Issue[] {
  const parsed = parseSchema(securityRuleSchema, input);
  return parsed.ok ? [] : parsed.errors;
}

/** Issues for VALID_RULE with some fields replaced (undefined removes a field). */
export const ruleIssuesWith = (changes: Record<string, unknown>): Issue[] => {
  const rule: Record<string, unknown> = { ...VALID_RULE, ...changes };
  for (const [k, v] of Object.entries(rule)) if (v === undefined) delete rule[k];
  return ruleIssues(rule);
};

export function topologyIssues(input: unknown): Issue[] {
  const parsed = parseTopology(input);
  return parsed.ok ? [] : parsed.errors;
}

/** A valid one-VNet, one-VM scenario to break one piece at a time. */
export function validTopology(): TopologyInput &
  Required<Pick<TopologyInput, "vnets" | "vms" | "nsgs" | "asgs">> {
  return {
    vnets: [
      {
        name: "vnet",
        addressSpace: ["10.0.0.0/16"],
        subnets: [{ name: "app", addressPrefix: "10.0.1.0/24", nsg: "app-nsg" }],
      },
    ],
    vms: [
      {
        name: "vm",
        nics: [
          {
            name: "vm-nic",
            subnet: "vnet/app",
            privateIp: "10.0.1.4",
            publicIp: "20.1.2.3",
            nsg: "vm-nsg",
            asgs: ["web"],
          },
        ],
      },
    ],
    asgs: ["web"],
    nsgs: [
      { name: "app-nsg", securityRules: [] },
      { name: "vm-nsg", securityRules: [] },
    ],
  };
}
