import type { SecurityRule } from "../../nsg/rule-schema.ts";
import { asgResourceId, DEFAULT_RESOURCE_GROUP, PLACEHOLDER_SUBSCRIPTION } from "../azcli/resource-ids.ts";

/** What every exporter takes: normalized rules per NSG, in order. */
export interface NsgRuleSet {
  nsg: string;
  rules: SecurityRule[];
}

export interface ExportOptions {
  /** Resource group written into az commands, ASG IDs and Terraform; default "nsg-lab-rg". */
  resourceGroup?: string;
  /** Subscription in ASG resource IDs; default an all-zero placeholder. */
  subscription?: string;
  /**
   * NSGs that do not exist yet, which the scripts (az CLI, PowerShell) create before their rules.
   * ARM and Bicep declare every NSG whole anyway; Terraform's rules attach to NSGs by name.
   */
  newNsgs?: readonly string[];
}

/** Whether `options.newNsgs` holds this NSG (Azure names are case-insensitive). */
export const isNewNsg = (nsg: string, options: ExportOptions = {}): boolean =>
  (options.newNsgs ?? []).some((n) => n.toLowerCase() === nsg.toLowerCase());

/** The NSG API version the ARM and Bicep exports target. */
export const NSG_API_VERSION = "2024-05-01";

export const resourceGroupOf = (options: ExportOptions = {}) =>
  options.resourceGroup ?? DEFAULT_RESOURCE_GROUP;

export const asgIdOf = (name: string, options: ExportOptions = {}) =>
  asgResourceId(name, resourceGroupOf(options), options.subscription ?? PLACEHOLDER_SUBSCRIPTION);

/**
 * ARM writes one value in the singular property and several in the plural one (Azure rejects
 * a plural list holding a service tag or `*`, so one value must stay singular).
 */
export function singleOrPlural<T>(
  values: readonly T[],
  singular: string,
  plural: string,
): Record<string, T | T[]> {
  if (values.length === 1) return { [singular]: values[0]! };
  if (values.length > 1) return { [plural]: [...values] };
  return {};
}

/**
 * A rule's ARM `properties`, in the order Azure's documentation writes them. `asg` renders an
 * application security group reference (an `{ id }` object, or a Bicep expression).
 */
export function armProperties<A>(rule: SecurityRule, asg: (name: string) => A): Record<string, unknown> {
  const asgs = (names: readonly string[]) => (names.length > 0 ? names.map(asg) : undefined);
  const props: Record<string, unknown> = {
    description: rule.description,
    protocol: rule.protocol,
    ...singleOrPlural(rule.sourcePortRanges, "sourcePortRange", "sourcePortRanges"),
    ...singleOrPlural(rule.destinationPortRanges, "destinationPortRange", "destinationPortRanges"),
    ...singleOrPlural(rule.sourceAddressPrefixes, "sourceAddressPrefix", "sourceAddressPrefixes"),
    sourceApplicationSecurityGroups: asgs(rule.sourceApplicationSecurityGroups),
    ...singleOrPlural(
      rule.destinationAddressPrefixes,
      "destinationAddressPrefix",
      "destinationAddressPrefixes",
    ),
    destinationApplicationSecurityGroups: asgs(rule.destinationApplicationSecurityGroups),
    access: rule.access,
    priority: rule.priority,
    direction: rule.direction,
  };
  for (const k of Object.keys(props)) if (props[k] === undefined) delete props[k];
  return props;
}

/** `base`, or `base_2`, `base_3`... whichever is not yet in `taken` (which it joins). */
export function uniqueIdentifier(base: string, taken: Set<string>): string {
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}${base.endsWith("_") ? "" : "_"}${n}`;
  taken.add(name);
  return name;
}
