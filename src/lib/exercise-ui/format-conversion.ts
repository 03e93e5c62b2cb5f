import {
  exportPowerShell,
  exportRules,
  psQuote,
  shellQuote,
  type ExportFormat,
  type NsgRuleSet,
} from "../formats/export/index.ts";
import type { RuleDocument } from "../formats/rule-document.ts";
import { applyRules } from "../grader/apply-rules.ts";
import type { Exercise } from "../grader/exercise-schema.ts";
import { isBlankRules, parseLearnerRules } from "../grader/parse-learner-rules.ts";
import { toArmRule } from "../nsg/arm-rule.ts";
import { fail, issue, ok, type Issue, type IssueCode, type Result } from "../result.ts";
import { FORMAT_LABEL, ruleFormatOf, type EditorFormat } from "./editor-format.ts";

/**
 * Moves a learner's rules between the editor's formats (JSON ⇄ az CLI ⇄ PowerShell) and out to deployment
 * formats, always through the same path the grader takes: parse → validate → normalized rules
 * → writer. When the text does not parse or validate, nothing is converted (the learner's text
 * is never replaced by a lossy guess). A failure's first issue says why in one sentence, for
 * the caller to show; when the text has errors (`rules-have-errors`), the located errors follow.
 */

export type RuleSetsResult = Result<NsgRuleSet[]>;
export type ConversionResult = Result<{ text: string; notes: string[] }>;

/** A failure: the summary issue first, then the problems it sums up. */
const refuse = (code: IssueCode, message: string, details: readonly Issue[] = []) =>
  fail([issue(code, message), ...details]);

/** The summary sentence of a failure (its first issue). */
export const summaryOf = (failure: { errors: readonly Issue[] }): string => failure.errors[0]?.message ?? "";

/** The normalized final rules of every NSG the text writes, in the order written. */
export function readRuleSets(exercise: Exercise, text: string, format: EditorFormat): RuleSetsResult {
  const read = readRules(exercise, text, format);
  return read.ok ? ok(read.value.sets) : read;
}

/** The rule sets, and the document they come from (undefined for blank text). */
function readRules(
  exercise: Exercise,
  text: string,
  format: EditorFormat,
): Result<{ sets: NsgRuleSet[]; doc?: RuleDocument }> {
  if (isBlankRules(text)) return ok({ sets: [] });
  const doc = parseLearnerRules(text, exercise, ruleFormatOf(format));
  if (!doc.ok)
    return refuse(
      "rules-have-errors",
      `Fix the ${plural(doc.errors.length, "error")} in your ${format === "form" ? "rules" : FORMAT_LABEL[format]} first.`,
      doc.errors,
    );
  const applied = applyRules(exercise, doc.value);
  if (!applied.ok)
    return refuse(
      "rules-have-errors",
      `Fix the ${plural(applied.errors.length, "error")} in your rules first.`,
      applied.errors,
    );
  const sets = doc.value.nsgs.map(({ name }) => ({
    nsg: name,
    rules: applied.value.nsgs.find((n) => n.name === name)?.securityRules ?? [],
  }));
  return ok({ sets, doc: doc.value });
}

/** "Fix the 2 errors…" as the rest of a sentence. */
const lowerFirst = (text: string) => `${text.charAt(0).toLowerCase()}${text.slice(1)}`;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** A quoted or bare resource group name, as both shells write it (not a $variable). */
const GROUP_VALUE = /(?:'([^']+)'|"([^"$`]+)"|([A-Za-z0-9_.()-]+))/.source;
const AZ_GROUP = new RegExp(`(?:^|\\s)(?:--resource-group|-g)[\\s=]+${GROUP_VALUE}`);
/** PowerShell parameters are case-insensitive and may be shortened while unambiguous. */
const PS_GROUP = new RegExp(`(?:^|\\s)-ResourceGroup(?:Name)?(?::\\s*|\\s+)${GROUP_VALUE}`, "i");

/** The resource group a script (az CLI or PowerShell) already uses, so converted commands keep it. */
export function resourceGroupIn(text: string): string | undefined {
  const match = AZ_GROUP.exec(text) ?? PS_GROUP.exec(text);
  return match ? (match[1] ?? match[2] ?? match[3]) : undefined;
}

/** The resource group for commands written from these rules: the script's own, else the starter's. */
const groupFor = (exercise: Exercise, text: string, format: EditorFormat): string | undefined =>
  (format === "json" || format === "form" ? undefined : resourceGroupIn(text)) ??
  resourceGroupIn(exercise.starter ?? "");

/** NSGs the rules write that the exercise does not have: the script created them. */
const newNsgsIn = (exercise: Exercise, sets: readonly NsgRuleSet[]): string[] =>
  sets
    .map((s) => s.nsg)
    .filter((nsg) => !exercise.topology.nsgs.some((n) => n.name.toLowerCase() === nsg.toLowerCase()));

/** The names of the rules each of the exercise's NSGs starts with. */
const startingRuleNames = (exercise: Exercise): Record<string, string[]> =>
  Object.fromEntries(exercise.topology.nsgs.map((n) => [n.name, n.securityRules.map((r) => r.name)]));

/**
 * Every editable NSG's rules, in the exercise's order: the set the text writes, else the rules
 * the NSG starts with (a text that leaves an NSG out leaves its rules as they are). What the
 * portal form shows and stores, so that it lists every NSG the learner may edit.
 */
export function withStartingRules(exercise: Exercise, sets: readonly NsgRuleSet[]): NsgRuleSet[] {
  return exercise.editable.map(
    (nsg) =>
      sets.find((s) => s.nsg === nsg) ?? {
        nsg,
        rules: exercise.topology.nsgs.find((n) => n.name === nsg)?.securityRules ?? [],
      },
  );
}

/** `{ "<nsg>": [rules] }` in ARM's flat shape, as the editor's JSON format reads it back. */
export function ruleSetsToJson(sets: readonly NsgRuleSet[], editable: readonly string[]): string {
  const value =
    sets.length > 0
      ? Object.fromEntries(sets.map((s) => [s.nsg, s.rules.map(toArmRule)]))
      : Object.fromEntries(editable.map((n) => [n, []]));
  return `${JSON.stringify(value, null, 2)}\n`;
}

const DEFAULT_GROUP = "nsg-lab-rg";

/**
 * An az CLI script giving each NSG exactly these rules. A script starts from the rules the
 * exercise's NSGs already have, and `rule create` on an existing name replaces that rule, so
 * only the starting rules missing from the set need an explicit `rule delete`.
 */
export function ruleSetsToAzCli(
  exercise: Exercise,
  sets: readonly NsgRuleSet[],
  resourceGroup?: string,
): string {
  const group = resourceGroup ?? DEFAULT_GROUP;
  if (sets.length === 0) {
    return `# Write az network nsg rule create commands for: ${exercise.editable.join(", ")}\n`;
  }
  const deletes = sets.flatMap(({ nsg, rules }) => {
    const keep = new Set(rules.map((r) => r.name.toLowerCase()));
    const initial = exercise.topology.nsgs.find((n) => n.name === nsg)?.securityRules ?? [];
    return initial
      .filter((r) => !keep.has(r.name.toLowerCase()))
      .map(
        (r) =>
          `az network nsg rule delete --resource-group ${shellQuote(group)} --nsg-name ${shellQuote(nsg)} --name ${shellQuote(r.name)}`,
      );
  });
  const script = exportRules("azcli", sets, { resourceGroup: group, newNsgs: newNsgsIn(exercise, sets) });
  return deletes.length === 0
    ? script
    : `${script}\n# Rules the NSG had that these rules leave out\n${deletes.join("\n")}\n`;
}

/**
 * A PowerShell script giving each NSG exactly these rules, run against the exercise's NSGs as
 * they start: rules an NSG already has are rewritten (Set-AzNetworkSecurityRuleConfig), those left
 * out removed, new ones added, each NSG saved once; NSGs the exercise lacks are created.
 */
export function ruleSetsToPowerShell(
  exercise: Exercise,
  sets: readonly NsgRuleSet[],
  resourceGroup?: string,
): string {
  return exportPowerShell(sets, {
    resourceGroup: resourceGroup ?? DEFAULT_GROUP,
    existingRules: startingRuleNames(exercise),
    newNsgs: newNsgsIn(exercise, sets),
  });
}

/** Whether writing these rules as a script changes anything in the exercise's NSGs. */
function changesAnything(exercise: Exercise, sets: readonly NsgRuleSet[]): boolean {
  const starting = startingRuleNames(exercise);
  const isNew = new Set(newNsgsIn(exercise, sets));
  return sets.some((s) => s.rules.length > 0 || isNew.has(s.nsg) || (starting[s.nsg]?.length ?? 0) > 0);
}

/**
 * What the editor shows when a learner switches to PowerShell with nothing written yet: the
 * three steps of a change (read the NSG, change its rules in memory, save it), as comments, with
 * placeholders rather than values, so it gives no answer away. Comments only: it grades as blank.
 */
export function powerShellStarter(exercise: Exercise, resourceGroup?: string): string {
  const nsg = psQuote(exercise.editable[0] ?? "<nsg name>");
  return `${[
    `# Azure PowerShell (Az.Network) for: ${exercise.editable.join(", ")}.`,
    "# Read the NSG, change its rules in memory, then save it with Set-AzNetworkSecurityGroup:",
    "#",
    `# Get-AzNetworkSecurityGroup -Name ${nsg} -ResourceGroupName ${psQuote(resourceGroup ?? DEFAULT_GROUP)} |`,
    "#   Add-AzNetworkSecurityRuleConfig -Name '<rule name>' -Priority <100-4096> `",
    "#     -Direction <Inbound|Outbound> -Access <Allow|Deny> -Protocol <Tcp|Udp|Icmp|'*'> `",
    "#     -SourceAddressPrefix '<address, range or tag>' -SourcePortRange '*' `",
    "#     -DestinationAddressPrefix '<address, range or tag>' -DestinationPortRange <port or range> |",
    "#   Set-AzNetworkSecurityGroup",
  ].join("\n")}\n`;
}

/** Comments each format has; none of them is carried over by a conversion. */
const COMMENTS: Record<EditorFormat, RegExp> = {
  json: /\/\/|\/\*/,
  form: /\/\/|\/\*/,
  azcli: /(^|\s)#(?!!)/m,
  powershell: /(^|\s)#|<#/m,
};

/** Why the text cannot be written in `to`, if it cannot: a refusal that leaves it unchanged. */
function inexpressible(
  exercise: Exercise,
  read: { sets: NsgRuleSet[]; doc?: RuleDocument },
  to: EditorFormat,
): ConversionResult | undefined {
  const associates = (read.doc?.associations.length ?? 0) > 0;
  // The portal form stores JSON, so it can express what JSON can.
  if (to === "json" || to === "form") {
    const target = to === "json" ? "the JSON format" : FORMAT_LABEL[to];
    if (associates)
      return refuse(
        "not-expressible-in-json",
        `Cannot switch to ${FORMAT_LABEL[to]}: your script associates NSGs with subnets or NICs, which ${target} cannot express. Your text is unchanged.`,
      );
    const foreign = read.sets.find((s) => !exercise.editable.includes(s.nsg));
    if (foreign)
      return refuse(
        "not-expressible-in-json",
        `Cannot switch to ${FORMAT_LABEL[to]}: your script creates NSG "${foreign.nsg}", which ${target} cannot express. Your text is unchanged.`,
      );
  }
  if (to === "powershell" && associates)
    return refuse(
      "not-expressible-in-powershell",
      "Cannot switch to PowerShell: your script associates NSGs with subnets or NICs, and NSG Lab reads only the rule and NSG cmdlets of Az.Network, not the subnet and NIC ones. Your text is unchanged.",
    );
  return undefined;
}

/** The JSON text for rule sets; the portal form's names every editable NSG (withStartingRules). */
const dataText = (exercise: Exercise, sets: readonly NsgRuleSet[], to: EditorFormat) =>
  ruleSetsToJson(to === "form" ? withStartingRules(exercise, sets) : sets, exercise.editable);

/** Converts the editor's text to the other format, or explains why it cannot. */
export function convertRules(
  exercise: Exercise,
  text: string,
  from: EditorFormat,
  to: EditorFormat,
): ConversionResult {
  if (from === to) return ok({ text, notes: [] });
  const read = readRules(exercise, text, from);
  if (!read.ok)
    return refuse(
      "rules-have-errors",
      `Cannot switch to ${FORMAT_LABEL[to]}: ${lowerFirst(summaryOf(read))} Your text is unchanged.`,
      read.errors.slice(1),
    );
  const refused = inexpressible(exercise, read.value, to);
  if (refused) return refused;
  const notes = COMMENTS[from].test(text) ? [`Comments are not carried over to ${FORMAT_LABEL[to]}.`] : [];
  const { sets } = read.value;
  const group = groupFor(exercise, text, from);
  const converted =
    to === "json" || to === "form"
      ? dataText(exercise, sets, to)
      : to === "azcli"
        ? ruleSetsToAzCli(exercise, sets, group)
        : changesAnything(exercise, sets)
          ? ruleSetsToPowerShell(exercise, sets, group)
          : powerShellStarter(exercise, group);
  return ok({ text: converted, notes });
}

export const EXPORT_LABEL: Record<ExportFormat, string> = {
  azcli: "az CLI",
  powershell: "Azure PowerShell",
  arm: "ARM template (JSON)",
  bicep: "Bicep",
  terraform: "Terraform",
};

/** The learner's rules for a deployment tool; refuses while the text has errors. */
export function exportLearnerRules(
  exercise: Exercise,
  text: string,
  format: EditorFormat,
  to: ExportFormat,
): ConversionResult {
  const read = readRuleSets(exercise, text, format);
  if (!read.ok)
    return refuse("rules-have-errors", `Cannot export: ${lowerFirst(summaryOf(read))}`, read.errors.slice(1));
  if (read.value.length === 0) return refuse("no-rules", "Cannot export: there are no rules yet.");
  const resourceGroup = groupFor(exercise, text, format);
  // The scripts change the exercise's NSGs as they start; the templates declare them whole.
  const out =
    to === "azcli"
      ? ruleSetsToAzCli(exercise, read.value, resourceGroup)
      : to === "powershell"
        ? ruleSetsToPowerShell(exercise, read.value, resourceGroup)
        : exportRules(to, read.value, resourceGroup ? { resourceGroup } : {});
  return ok({ text: out, notes: [] });
}
