import { exportRules, shellQuote, type ExportFormat, type NsgRuleSet } from "../formats/export/index.ts";
import type { LocatedIssue } from "../formats/source-span.ts";
import { applyRules } from "../grader/apply-rules.ts";
import type { Exercise } from "../grader/exercise-schema.ts";
import { isBlankRules, parseLearnerRules } from "../grader/parse-learner-rules.ts";
import { toArmRule } from "../nsg/arm-rule.ts";
import { FORMAT_LABEL, type EditorFormat } from "./editor-format.ts";

/**
 * Moves a learner's rules between the editor's formats (JSON ⇄ az CLI) and out to deployment
 * formats, always through the same path the grader takes: parse → validate → normalized rules
 * → writer. When the text does not parse or validate, nothing is converted (the learner's text
 * is never replaced by a lossy guess); the caller shows `message` and the located errors.
 */

export type RuleSetsResult =
  { ok: true; value: NsgRuleSet[] } | { ok: false; message: string; errors: LocatedIssue[] };
export type ConversionResult =
  { ok: true; text: string; notes: string[] } | { ok: false; message: string; errors: LocatedIssue[] };

/** The normalized final rules of every NSG the text writes, in the order written. */
export function readRuleSets(exercise: Exercise, text: string, format: EditorFormat): RuleSetsResult {
  if (isBlankRules(text)) return { ok: true, value: [] };
  const doc = parseLearnerRules(text, exercise, format);
  if (!doc.ok)
    return {
      ok: false,
      message: `Fix the ${plural(doc.errors.length, "error")} in your ${FORMAT_LABEL[format]} first.`,
      errors: doc.errors,
    };
  const applied = applyRules(exercise, doc.value);
  if (!applied.ok)
    return {
      ok: false,
      message: `Fix the ${plural(applied.errors.length, "error")} in your rules first.`,
      errors: applied.errors,
    };
  const sets = doc.value.nsgs.map(({ name }) => ({
    nsg: name,
    rules: applied.value.nsgs.find((n) => n.name === name)?.securityRules ?? [],
  }));
  return { ok: true, value: sets };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** The resource group a script already uses, so converted commands keep it. */
export function resourceGroupIn(text: string): string | undefined {
  const match = /(?:^|\s)(?:--resource-group|-g)[\s=]+(?:'([^']+)'|"([^"$`]+)"|([A-Za-z0-9_.()-]+))/.exec(
    text,
  );
  return match ? (match[1] ?? match[2] ?? match[3]) : undefined;
}

/** `{ "<nsg>": [rules] }` in ARM's flat shape, as the editor's JSON format reads it back. */
export function ruleSetsToJson(sets: readonly NsgRuleSet[], editable: readonly string[]): string {
  const value =
    sets.length > 0
      ? Object.fromEntries(sets.map((s) => [s.nsg, s.rules.map(toArmRule)]))
      : Object.fromEntries(editable.map((n) => [n, []]));
  return `${JSON.stringify(value, null, 2)}\n`;
}

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
  const group = resourceGroup ?? "nsg-lab-rg";
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
  const script = exportRules("azcli", sets, { resourceGroup: group });
  return deletes.length === 0
    ? script
    : `${script}\n# Rules the NSG had that these rules leave out\n${deletes.join("\n")}\n`;
}

/** Converts the editor's text to the other format, or explains why it cannot. */
export function convertRules(
  exercise: Exercise,
  text: string,
  from: EditorFormat,
  to: EditorFormat,
): ConversionResult {
  if (from === to) return { ok: true, text, notes: [] };
  const read = readRuleSets(exercise, text, from);
  if (!read.ok)
    return {
      ok: false,
      message: `Cannot switch to ${FORMAT_LABEL[to]}: ${read.message.charAt(0).toLowerCase()}${read.message.slice(1)} Your text is unchanged.`,
      errors: read.errors,
    };
  const notes: string[] = [];
  if (from === "azcli") {
    const doc = parseLearnerRules(text, exercise, "azcli");
    if (doc.ok && doc.value.associations.length > 0) {
      return {
        ok: false,
        message:
          "Cannot switch to JSON: your script associates NSGs with subnets or NICs, which the JSON format cannot express. Your text is unchanged.",
        errors: [],
      };
    }
    const foreign = read.value.find((s) => !exercise.editable.includes(s.nsg));
    if (foreign) {
      return {
        ok: false,
        message: `Cannot switch to JSON: your script creates NSG "${foreign.nsg}", which the JSON format cannot express. Your text is unchanged.`,
        errors: [],
      };
    }
    if (/(^|\s)#(?!!)/m.test(text)) notes.push("Comments are not carried over to JSON.");
    return { ok: true, text: ruleSetsToJson(read.value, exercise.editable), notes };
  }
  if (/\/\/|\/\*/.test(text)) notes.push("Comments are not carried over to az CLI.");
  return {
    ok: true,
    text: ruleSetsToAzCli(exercise, read.value, resourceGroupIn(exercise.starter ?? "")),
    notes,
  };
}

export const EXPORT_LABEL: Record<ExportFormat, string> = {
  azcli: "az CLI",
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
    return {
      ok: false,
      message: `Cannot export: ${read.message.charAt(0).toLowerCase()}${read.message.slice(1)}`,
      errors: read.errors,
    };
  if (read.value.length === 0)
    return { ok: false, message: "Cannot export: there are no rules yet.", errors: [] };
  const resourceGroup = resourceGroupIn(format === "azcli" ? text : (exercise.starter ?? ""));
  const out =
    to === "azcli"
      ? ruleSetsToAzCli(exercise, read.value, resourceGroup)
      : exportRules(to, read.value, resourceGroup ? { resourceGroup } : {});
  return { ok: true, text: out, notes: [] };
}
