import type { SecurityRule } from "../../nsg/rule-schema.ts";
import { isNewNsg, resourceGroupOf, type ExportOptions, type NsgRuleSet } from "./rule-properties.ts";

/**
 * Rules as an Azure PowerShell (Az.Network) script, written the way the cmdlets' Learn help
 * writes them. An NSG that exists is changed in place, in one pipeline per NSG:
 *
 *     Get-AzNetworkSecurityGroup … | Add-AzNetworkSecurityRuleConfig … | Set-AzNetworkSecurityGroup
 *
 * (Add-AzNetworkSecurityRuleConfig, example 1: https://learn.microsoft.com/powershell/module/az.network/add-aznetworksecurityruleconfig).
 * This keeps everything else the NSG has (its region, tags and associations), needs no region,
 * and touches only the rules, as the az CLI and Terraform exports do. Re-creating the NSG with
 * New-AzNetworkSecurityGroup would be a PUT of the whole resource with a region to guess, so it
 * is kept for NSGs that do not exist yet (`options.newNsgs`): each rule goes into a variable with
 * New-AzNetworkSecurityRuleConfig, then New-AzNetworkSecurityGroup -SecurityRules, as Learn's
 * "filter network traffic with PowerShell" tutorial does.
 *
 * The cmdlets change only the NSG object in memory; Set-AzNetworkSecurityGroup saves it. Add-…
 * fails on a name the NSG already has, so rules it has (`existingRules`) are rewritten with
 * Set-AzNetworkSecurityRuleConfig and those left out are removed with Remove-….
 */

export interface PowerShellExportOptions extends ExportOptions {
  /** The rule names each NSG holds before the script runs (by NSG name); default none. */
  existingRules?: Readonly<Record<string, readonly string[]>>;
  /** The region New-AzNetworkSecurityGroup needs for a new NSG; default "westeurope". */
  location?: string;
}

/**
 * PowerShell takes the typographic single quotes (U+2018–U+201B) as quotes too (about_Quoting_Rules:
 * https://learn.microsoft.com/powershell/module/microsoft.powershell.core/about/about_quoting_rules),
 * so each is doubled like `'`; nothing else in a single-quoted string is special.
 */
const SINGLE_QUOTES = /['\u2018\u2019\u201A\u201B]/g;

/** A verbatim PowerShell string. */
export const psQuote = (value: string): string => `'${value.replace(SINGLE_QUOTES, (q) => q + q)}'`;

/** A port as Learn writes it (`80`), quoted when it is not a plain integer (`'20-21'`, `'*'`). */
const psText = (value: string): string => (/^(0|[1-9][0-9]{0,8})$/.test(value) ? value : psQuote(value));

const psList = (values: readonly string[]) => values.map(psText).join(", ");

/**
 * "web-asg" → "webAsg"; "web" → "webAsg": a variable name not yet in `taken` (lower-cased, since
 * PowerShell variable names are case-insensitive), which it joins.
 */
export function asgVariable(name: string, taken: Set<string>): string {
  const words = name.split(/[^A-Za-z0-9]+/).filter(Boolean);
  let id = words
    .map((w, i) => (i === 0 ? w[0]!.toLowerCase() + w.slice(1) : w[0]!.toUpperCase() + w.slice(1)))
    .join("");
  if (!words.some((w) => w.toLowerCase() === "asg")) id = `${id}Asg`;
  if (/^[0-9]/.test(id)) id = `asg${id}`;
  let unique = id;
  for (let n = 2; taken.has(unique.toLowerCase()); n++) unique = `${id}${n}`;
  taken.add(unique.toLowerCase());
  return unique;
}

/** The parameters of one rule, a line per group (what it is, where from, where to, why). */
export function ruleLines(rule: SecurityRule, asgVar: (name: string) => string): string[] {
  const protocol = rule.protocol === "*" ? psQuote("*") : rule.protocol;
  const lines = [
    `-Name ${psQuote(rule.name)} -Priority ${rule.priority} -Direction ${rule.direction} -Access ${rule.access} -Protocol ${protocol}`,
  ];
  for (const side of ["Source", "Destination"] as const) {
    const prefixes = rule[side === "Source" ? "sourceAddressPrefixes" : "destinationAddressPrefixes"];
    const asgs =
      rule[side === "Source" ? "sourceApplicationSecurityGroups" : "destinationApplicationSecurityGroups"];
    const ports = rule[side === "Source" ? "sourcePortRanges" : "destinationPortRanges"];
    const parts: string[] = [];
    if (prefixes.length > 0) parts.push(`-${side}AddressPrefix ${prefixes.map(psQuote).join(", ")}`);
    if (asgs.length > 0) parts.push(`-${side}ApplicationSecurityGroup ${asgs.map(asgVar).join(", ")}`);
    if (ports.length > 0) parts.push(`-${side}PortRange ${psList(ports)}`);
    if (parts.length > 0) lines.push(parts.join(" "));
  }
  if (rule.description !== undefined) lines.push(`-Description ${psQuote(rule.description)}`);
  return lines;
}

/** A cmdlet with its parameters, continued with a backtick at each line's end. */
const cmdlet = (name: string, lines: readonly string[], indent: string) =>
  `${name} ${lines.join(` \`\n${indent}  `)}`;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export function exportPowerShell(nsgs: readonly NsgRuleSet[], options: PowerShellExportOptions = {}): string {
  const group = psQuote(resourceGroupOf(options));
  const isNew = (nsg: string) => isNewNsg(nsg, options);
  const existing = (nsg: string) =>
    Object.entries(options.existingRules ?? {}).find(([k]) => k.toLowerCase() === nsg.toLowerCase())?.[1] ??
    [];

  const taken = new Set<string>(["location"]);
  const asgVars = new Map<string, string>();
  for (const { rules } of nsgs)
    for (const rule of rules)
      for (const asg of [
        ...rule.sourceApplicationSecurityGroups,
        ...rule.destinationApplicationSecurityGroups,
      ])
        if (!asgVars.has(asg)) asgVars.set(asg, asgVariable(asg, taken));
  const asgVar = (name: string) => `$${asgVars.get(name)!}`;

  const sections: string[] = [];
  if (asgVars.size > 0)
    sections.push(
      [
        "# The application security groups the rules name",
        ...[...asgVars].map(
          ([name, v]) =>
            `$${v} = Get-AzApplicationSecurityGroup -Name ${psQuote(name)} -ResourceGroupName ${group}`,
        ),
      ].join("\n"),
    );
  if (nsgs.some((s) => isNew(s.nsg)))
    sections.push(
      `# The region for new NSGs: use your resource group's (Get-AzResourceGroup shows it)\n$location = ${psQuote(options.location ?? "westeurope")}`,
    );

  let ruleNumber = 0;
  for (const { nsg, rules } of nsgs) {
    if (isNew(nsg)) {
      const vars = rules.map(() => `$rule${++ruleNumber}`);
      const configs = rules.map(
        (rule, i) => `${vars[i]} = ${cmdlet("New-AzNetworkSecurityRuleConfig", ruleLines(rule, asgVar), "")}`,
      );
      const create = cmdlet(
        "New-AzNetworkSecurityGroup",
        [
          `-Name ${psQuote(nsg)} -ResourceGroupName ${group} -Location $location`,
          ...(vars.length > 0 ? [`-SecurityRules ${vars.join(", ")}`] : []),
        ],
        "",
      );
      sections.push(
        [`# ${plural(rules.length, "rule")} for the new NSG ${nsg}`, ...configs, create].join("\n"),
      );
      continue;
    }
    const had = existing(nsg);
    const keep = new Set(rules.map((r) => r.name.toLowerCase()));
    const has = new Set(had.map((n) => n.toLowerCase()));
    const removed = had.filter((n) => !keep.has(n.toLowerCase()));
    const header = `# ${plural(rules.length, "rule")} for NSG ${nsg}${removed.length > 0 ? ` (${plural(removed.length, "rule")} removed)` : ""}`;
    if (rules.length === 0 && removed.length === 0) {
      sections.push(header);
      continue;
    }
    const stages = [
      `Get-AzNetworkSecurityGroup -Name ${psQuote(nsg)} -ResourceGroupName ${group}`,
      ...removed.map((name) => `Remove-AzNetworkSecurityRuleConfig -Name ${psQuote(name)}`),
      ...rules.map((rule) =>
        cmdlet(
          has.has(rule.name.toLowerCase())
            ? "Set-AzNetworkSecurityRuleConfig"
            : "Add-AzNetworkSecurityRuleConfig",
          ruleLines(rule, asgVar),
          "  ",
        ),
      ),
      "Set-AzNetworkSecurityGroup",
    ];
    sections.push(`${header}\n${stages.join(" |\n  ")}`);
  }
  return `${["# Security rules exported from NSG Lab, as Azure PowerShell (Az.Network).", ...sections].join("\n\n")}\n`;
}
