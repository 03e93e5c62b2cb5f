import type { SecurityRule } from "./rule-schema.ts";

/**
 * A normalized rule back in the flat ARM shape, singular fields where one value suffices and
 * plural ones otherwise: what `az network nsg rule show` prints and what ARM accepts.
 * (Plural prefix lists may not hold "*" or service tags, so one value must go singular.)
 */
export function toArmRule(rule: SecurityRule): Record<string, unknown> {
  const out: Record<string, unknown> = {
    name: rule.name,
    priority: rule.priority,
    direction: rule.direction,
    access: rule.access,
    protocol: rule.protocol,
  };
  for (const side of ["source", "destination"] as const) {
    const asgs = rule[`${side}ApplicationSecurityGroups`];
    const prefixes = rule[`${side}AddressPrefixes`];
    if (asgs.length > 0) out[`${side}ApplicationSecurityGroups`] = [...asgs];
    else if (prefixes.length === 1) out[`${side}AddressPrefix`] = prefixes[0];
    else out[`${side}AddressPrefixes`] = [...prefixes];
    const ports = rule[`${side}PortRanges`];
    if (ports.length === 1) out[`${side}PortRange`] = ports[0];
    else out[`${side}PortRanges`] = [...ports];
  }
  if (rule.description !== undefined) out.description = rule.description;
  return out;
}
