import type { SecurityRule } from "./rule-schema.ts";
import type { Access, Direction } from "./vocabulary.ts";

/**
 * Azure's default security rules: in every NSG, not deletable, overridable only by a custom
 * rule with a lower priority number. Names and priorities are exactly Azure's.
 */
function defaultRule(
  name: string,
  priority: number,
  direction: Direction,
  source: string,
  destination: string,
  access: Access,
): SecurityRule {
  return {
    name,
    priority,
    direction,
    access,
    protocol: "*",
    sourceAddressPrefixes: [source],
    sourcePortRanges: ["*"],
    destinationAddressPrefixes: [destination],
    destinationPortRanges: ["*"],
    sourceApplicationSecurityGroups: [],
    destinationApplicationSecurityGroups: [],
  };
}

export const DEFAULT_RULES: readonly SecurityRule[] = [
  defaultRule("AllowVnetInBound", 65000, "Inbound", "VirtualNetwork", "VirtualNetwork", "Allow"),
  defaultRule("AllowAzureLoadBalancerInBound", 65001, "Inbound", "AzureLoadBalancer", "*", "Allow"),
  defaultRule("DenyAllInBound", 65500, "Inbound", "*", "*", "Deny"),
  defaultRule("AllowVnetOutBound", 65000, "Outbound", "VirtualNetwork", "VirtualNetwork", "Allow"),
  defaultRule("AllowInternetOutBound", 65001, "Outbound", "*", "Internet", "Allow"),
  defaultRule("DenyAllOutBound", 65500, "Outbound", "*", "*", "Deny"),
];

const DEFAULT_NAMES = new Set(DEFAULT_RULES.map((r) => r.name.toLowerCase()));
export const isDefaultRuleName = (name: string): boolean => DEFAULT_NAMES.has(name.toLowerCase());
