import { parseAzCli } from "../formats/azcli/index.ts";
import { parseDataRules } from "../formats/parse-data-rules.ts";
import type { RuleDocumentResult, RuleFormat } from "../formats/rule-document.ts";
import { toArmRule } from "../nsg/arm-rule.ts";
import { buildNetwork } from "../nsg/network.ts";
import type { Exercise } from "./exercise-schema.ts";

/** Guesses the format: az CLI scripts start with `az` (or a variable), data starts with { or [, else YAML. */
export function detectRuleFormat(text: string): RuleFormat {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const firstLine = lines.find((l) => l !== "" && !l.startsWith("#") && !l.startsWith("//"));
  // Only `#` comments: a shell script not written yet (JSON has no `#` comments), e.g. a
  // starter that only explains the task.
  if (!firstLine) return lines.some((l) => l.startsWith("#")) ? "azcli" : "json";
  if (/^(az\s|\$?[A-Za-z_][A-Za-z0-9_]*\s*=)/.test(firstLine)) return "azcli";
  if (firstLine.startsWith("{") || firstLine.startsWith("[") || firstLine.startsWith("/*")) return "json";
  return "yaml";
}

/** True when the text holds nothing but whitespace and comments: the scenario as written. */
export const isBlankRules = (text: string): boolean =>
  text.split(/\r?\n/).every((l) => {
    const t = l.trim();
    return t === "" || t.startsWith("#") || t.startsWith("//");
  });

export function parseLearnerRules(
  text: string,
  exercise: Exercise,
  format: RuleFormat = detectRuleFormat(text),
): RuleDocumentResult {
  if (format !== "azcli") return parseDataRules(text, format, { editable: exercise.editable });
  const network = buildNetwork(exercise.topology, exercise.subscription);
  const vmNsgs = Object.fromEntries(
    [...network.primaryNicByVm].map(([vm, p]) => [
      vm,
      { ...(p.nicNsg ? { nic: p.nicNsg } : {}), ...(p.subnetNsg ? { subnet: p.subnetNsg } : {}) },
    ]),
  );
  const initialRules = Object.fromEntries(
    exercise.topology.nsgs.map((n) => [n.name, n.securityRules.map(toArmRule)]),
  );
  return parseAzCli(text, { editable: exercise.editable, initialRules, vmNsgs });
}
