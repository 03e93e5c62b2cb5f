import { exportRules, shellQuote, type ExportFormat, type NsgRuleSet } from "../formats/export/index.ts";
import { applyRules } from "../grader/apply-rules.ts";
import type { Exercise } from "../grader/exercise-schema.ts";
import { isBlankRules, parseLearnerRules } from "../grader/parse-learner-rules.ts";
import { toArmRule } from "../nsg/arm-rule.ts";
import { fail, issue, ok, type Issue, type IssueCode, type Result } from "../result.ts";
import { FORMAT_LABEL, ruleFormatOf, type EditorFormat } from "./editor-format.ts";

/**
 * Moves a learner's rules between the editor's formats (JSON ⇄ az CLI) and out to deployment
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
  if (isBlankRules(text)) return ok([]);
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
  return ok(sets);
}

/** "Fix the 2 errors…" as the rest of a sentence. */
const lowerFirst = (text: string) => `${text.charAt(0).toLowerCase()}${text.slice(1)}`;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** The resource group a script already uses, so converted commands keep it. */
export function resourceGroupIn(text: string): string | undefined {
  const match = /(?:^|\s)(?:--resource-group|-g)[\s=]+(?:'([^']+)'|"([^"$`]+)"|([A-Za-z0-9_.()-]+))/.exec(
    text,
  );
  return match ? (match[1] ?? match[2] ?? match[3]) : undefined;
}

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
  const read = readRuleSets(exercise, text, from);
  if (!read.ok)
    return refuse(
      "rules-have-errors",
      `Cannot switch to ${FORMAT_LABEL[to]}: ${lowerFirst(summaryOf(read))} Your text is unchanged.`,
      read.errors.slice(1),
    );
  const notes: string[] = [];
  if (from === "azcli") {
    const doc = parseLearnerRules(text, exercise, "azcli");
    if (doc.ok && doc.value.associations.length > 0) {
      return refuse(
        "not-expressible-in-json",
        `Cannot switch to ${FORMAT_LABEL[to]}: your script associates NSGs with subnets or NICs, which ${FORMAT_LABEL[to]} cannot express. Your text is unchanged.`,
      );
    }
    const foreign = read.value.find((s) => !exercise.editable.includes(s.nsg));
    if (foreign) {
      return refuse(
        "not-expressible-in-json",
        `Cannot switch to ${FORMAT_LABEL[to]}: your script creates NSG "${foreign.nsg}", which ${FORMAT_LABEL[to]} cannot express. Your text is unchanged.`,
      );
    }
    if (/(^|\s)#(?!!)/m.test(text)) notes.push(`Comments are not carried over to ${FORMAT_LABEL[to]}.`);
    return ok({ text: dataText(exercise, read.value, to), notes });
  }
  if (to === "json" || to === "form") {
    // JSON ⇄ the portal form: the same JSON, rewritten in one shape (the form lists every editable NSG).
    if (from === "json" && /\/\/|\/\*/.test(text))
      notes.push("Comments are not carried over to the portal form.");
    return ok({ text: dataText(exercise, read.value, to), notes });
  }
  if (/\/\/|\/\*/.test(text)) notes.push("Comments are not carried over to az CLI.");
  return ok({
    text: ruleSetsToAzCli(exercise, read.value, resourceGroupIn(exercise.starter ?? "")),
    notes,
  });
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
    return refuse("rules-have-errors", `Cannot export: ${lowerFirst(summaryOf(read))}`, read.errors.slice(1));
  if (read.value.length === 0) return refuse("no-rules", "Cannot export: there are no rules yet.");
  const resourceGroup = resourceGroupIn(format === "azcli" ? text : (exercise.starter ?? ""));
  const out =
    to === "azcli"
      ? ruleSetsToAzCli(exercise, read.value, resourceGroup)
      : exportRules(to, read.value, resourceGroup ? { resourceGroup } : {});
  return ok({ text: out, notes: [] });
}
