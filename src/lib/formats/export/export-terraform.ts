import type { SecurityRule } from "../../nsg/rule-schema.ts";
import {
  asgIdOf,
  resourceGroupOf,
  uniqueIdentifier,
  type ExportOptions,
  type NsgRuleSet,
} from "./rule-properties.ts";

/**
 * Rules as Terraform `azurerm_network_security_rule` resources (one per rule, attached to the
 * NSG by name). As with ARM, one value goes in the singular argument (`source_address_prefix`)
 * and several in the plural one (`source_address_prefixes`). Attributes are aligned the way
 * `terraform fmt` aligns them.
 */

/** HCL quoted string: escape `\`, `"`, control characters and template sequences. */
export function hclString(value: string): string {
  const escaped = value
    .replaceAll("\\", "\\\\")
    .replaceAll('"', '\\"')
    .replaceAll("\n", "\\n")
    .replaceAll("\r", "\\r")
    .replaceAll("\t", "\\t")
    .replaceAll("${", () => "$${")
    .replaceAll("%{", "%%{");
  return `"${escaped}"`;
}

/** Terraform resource names: letters, digits, `_` and `-`, not starting with a digit. */
export function terraformName(nsg: string, rule: string, taken: Set<string>): string {
  let name = `${nsg}_${rule}`
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, "_")
    .replace(/_+/g, "_")
    .replace(/^_|_$/g, "");
  if (name === "" || /^[0-9]/.test(name)) name = `rule_${name}`.replace(/_$/, "");
  return uniqueIdentifier(name, taken);
}

const list = (values: readonly string[]) => `[${values.map(hclString).join(", ")}]`;

function attributes(nsg: string, rule: SecurityRule, options: ExportOptions): [string, string][] {
  const attrs: [string, string][] = [
    ["name", hclString(rule.name)],
    ["priority", String(rule.priority)],
    ["direction", hclString(rule.direction)],
    ["access", hclString(rule.access)],
    ["protocol", hclString(rule.protocol)],
  ];
  const pair = (singular: string, plural: string, values: readonly string[]) => {
    if (values.length === 1) attrs.push([singular, hclString(values[0]!)]);
    else if (values.length > 1) attrs.push([plural, list(values)]);
  };
  pair("source_port_range", "source_port_ranges", rule.sourcePortRanges);
  pair("destination_port_range", "destination_port_ranges", rule.destinationPortRanges);
  pair("source_address_prefix", "source_address_prefixes", rule.sourceAddressPrefixes);
  pair("destination_address_prefix", "destination_address_prefixes", rule.destinationAddressPrefixes);
  const asgs = (name: string, names: readonly string[]) => {
    if (names.length > 0) attrs.push([name, list(names.map((n) => asgIdOf(n, options)))]);
  };
  asgs("source_application_security_group_ids", rule.sourceApplicationSecurityGroups);
  asgs("destination_application_security_group_ids", rule.destinationApplicationSecurityGroups);
  if (rule.description !== undefined) attrs.push(["description", hclString(rule.description)]);
  attrs.push(["resource_group_name", hclString(resourceGroupOf(options))]);
  attrs.push(["network_security_group_name", hclString(nsg)]);
  return attrs;
}

export function exportTerraform(nsgs: readonly NsgRuleSet[], options: ExportOptions = {}): string {
  const taken = new Set<string>();
  const blocks = nsgs.flatMap(({ nsg, rules }) =>
    rules.map((rule) => {
      const attrs = attributes(nsg, rule, options);
      const width = Math.max(...attrs.map(([k]) => k.length));
      const body = attrs.map(([k, v]) => `  ${k.padEnd(width)} = ${v}`).join("\n");
      return `resource "azurerm_network_security_rule" "${terraformName(nsg, rule.name, taken)}" {\n${body}\n}`;
    }),
  );
  return `${["# Security rules exported from NSG Lab.", ...blocks].join("\n\n")}\n`;
}
