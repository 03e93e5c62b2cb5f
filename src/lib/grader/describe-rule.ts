import type { SecurityRule } from "../nsg/rule-schema.ts";

const list = (values: readonly string[]) => (values.length === 0 ? "*" : values.join(", "));

function side(rule: SecurityRule, which: "source" | "destination"): string {
  const asgs = rule[`${which}ApplicationSecurityGroups`];
  return asgs.length > 0 ? `ASG ${asgs.join(", ")}` : list(rule[`${which}AddressPrefixes`]);
}

/** "Allow Tcp from 203.0.113.0/24 to * port 20-21" — one line a learner can read. */
export function describeRule(rule: SecurityRule): string {
  const protocol = rule.protocol === "*" ? "any protocol" : rule.protocol;
  const ports = rule.destinationPortRanges.join(", ");
  const portText = ports === "*" ? "any port" : `port ${ports}`;
  const sourcePorts = rule.sourcePortRanges.join(", ");
  return `${rule.access} ${rule.direction.toLowerCase()} ${protocol} from ${side(rule, "source")}${sourcePorts === "*" ? "" : ` (source port ${sourcePorts})`} to ${side(rule, "destination")} ${portText}`;
}
