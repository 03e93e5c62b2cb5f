import type { SecurityRule } from "../../nsg/rule-schema.ts";
import { resourceGroupOf, type ExportOptions, type NsgRuleSet } from "./rule-properties.ts";

/**
 * Rules as a Bash script of `az network nsg rule create` commands, one argument per line with
 * `\` continuations. Lists use az's plural flags (one value or several: az stores one value in
 * the singular property itself). Values that the shell would touch are single-quoted, `*`
 * included, so neither globbing nor expansion changes them.
 */

const SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** Bash single quoting: everything literal, `'` written as `'\''`. */
export function shellQuote(value: string): string {
  return SAFE.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;
}

const ruleCommand = (nsg: string, rule: SecurityRule, resourceGroup: string): string =>
  ruleCreateCommand(nsg, rule, shellQuote(resourceGroup));

/** One `az network nsg rule create`; `resourceGroupWord` is already shell-ready (`"$RG"`, a quoted name). */
export function ruleCreateCommand(nsg: string, rule: SecurityRule, resourceGroupWord: string): string {
  const args: string[] = [
    `--resource-group ${resourceGroupWord}`,
    `--nsg-name ${shellQuote(nsg)}`,
    `--name ${shellQuote(rule.name)}`,
    `--priority ${rule.priority}`,
    `--direction ${rule.direction}`,
    `--access ${rule.access}`,
    `--protocol ${shellQuote(rule.protocol)}`,
  ];
  const list = (flag: string, values: readonly string[]) => {
    if (values.length > 0) args.push(`${flag} ${values.map(shellQuote).join(" ")}`);
  };
  list("--source-address-prefixes", rule.sourceAddressPrefixes);
  list("--source-port-ranges", rule.sourcePortRanges);
  list("--source-asgs", rule.sourceApplicationSecurityGroups);
  list("--destination-address-prefixes", rule.destinationAddressPrefixes);
  list("--destination-port-ranges", rule.destinationPortRanges);
  list("--destination-asgs", rule.destinationApplicationSecurityGroups);
  if (rule.description !== undefined) {
    // argparse would read a value starting with "-" as an option; attach it with "=".
    const d = shellQuote(rule.description);
    args.push(rule.description.startsWith("-") ? `--description=${d}` : `--description ${d}`);
  }
  return ["az network nsg rule create", ...args].join(" \\\n  ");
}

export function exportAzCli(nsgs: readonly NsgRuleSet[], options: ExportOptions = {}): string {
  const resourceGroup = resourceGroupOf(options);
  const sections = nsgs.map(({ nsg, rules }) => {
    const header = `# ${rules.length} rule${rules.length === 1 ? "" : "s"} for NSG ${nsg}`;
    return [header, ...rules.map((r) => ruleCommand(nsg, r, resourceGroup))].join("\n\n");
  });
  return `${["#!/usr/bin/env bash", "# Security rules exported from NSG Lab.", ...sections].join("\n\n")}\n`;
}
