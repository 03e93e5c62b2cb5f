import { parseAzCli } from "../formats/azcli/index.ts";
import { parsePowerShell } from "../formats/powershell/index.ts";
import { parseDataRules } from "../formats/parse-data-rules.ts";
import type { RuleDocumentResult, RuleFormat } from "../formats/rule-document.ts";
import { toArmRule } from "../nsg/arm-rule.ts";
import type { Exercise } from "./exercise-schema.ts";

/** A cmdlet such as `New-AzNetworkSecurityRuleConfig`, `Get-AzNetworkSecurityGroup`, `Connect-AzAccount`. */
const AZ_CMDLET = /^[A-Za-z]+-Az[A-Za-z]/;
/**
 * `$rule1 = New-AzNetworkSecurityRuleConfig …` or `$nsg | Set-AzNetworkSecurityGroup`: a cmdlet
 * assigned or piped into, not az's `$rg = "value"`.
 */
const ASSIGNED_CMDLET = /^\$[A-Za-z_][A-Za-z0-9_]*\s*[=|]\s*[A-Za-z]+-[A-Za-z]/;
/**
 * `$params = @{ … }` (splatting, as Learn's current tutorials start), `$list = @( … )` or
 * `$nsg.SecurityRules += …`: PowerShell's hashtables, arrays and properties, which no shell has.
 */
const POWERSHELL_VALUE = /^\$[A-Za-z_][A-Za-z0-9_]*(\s*\+?=\s*@[{(]|\.[A-Za-z])/;

/**
 * Guesses the format: PowerShell starts with a `Verb-Az…` cmdlet or a cmdlet assigned to a
 * `$variable`; az CLI scripts start with `az` (or a variable), data starts with { or [, else YAML.
 */
export function detectRuleFormat(text: string): RuleFormat {
  // `<# … #>` block comments are PowerShell's; they say nothing about the format.
  const lines = withoutBlockComments(text)
    .split(/\r?\n/)
    .map((l) => l.trim());
  const code = lines.filter((l) => l !== "" && !l.startsWith("#") && !l.startsWith("//"));
  const firstLine = code[0];
  // Only `#` comments: a shell script not written yet (JSON has no `#` comments), e.g. a
  // starter that only explains the task.
  if (!firstLine) return lines.some((l) => l.startsWith("#")) ? "azcli" : "json";
  // `$rg = "rg-lab"` lines come first in both PowerShell flavours; the first command decides.
  for (const line of code) {
    if (AZ_CMDLET.test(line) || ASSIGNED_CMDLET.test(line) || POWERSHELL_VALUE.test(line))
      return "powershell";
    if (!/^\$[A-Za-z_][A-Za-z0-9_]*\s*=/.test(line)) break;
  }
  // A Bash script may open with the shell's own settings (`set -euo pipefail`, `trap … EXIT`),
  // as the verification scripts do; no rules document starts so.
  if (/^(az\s|(set|trap|export|echo)\s|\$?[A-Za-z_][A-Za-z0-9_]*\s*=)/.test(firstLine)) return "azcli";
  if (firstLine.startsWith("{") || firstLine.startsWith("[") || firstLine.startsWith("/*")) return "json";
  return "yaml";
}

/** The text without `<# … #>` blocks; one pass (a lazy regex is quadratic on many unclosed `<#`). */
function withoutBlockComments(text: string): string {
  let out = "";
  let from = 0;
  for (let open = text.indexOf("<#"); open >= 0; open = text.indexOf("<#", from)) {
    out += text.slice(from, open);
    const close = text.indexOf("#>", open + 2);
    if (close < 0) return out;
    from = close + 2;
  }
  return out + text.slice(from);
}

/** True when the text holds nothing but whitespace and comments: the scenario as written. */
export const isBlankRules = (text: string): boolean =>
  text.split(/\r?\n/).every((l) => {
    const t = l.trim();
    return t === "" || t.startsWith("#") || t.startsWith("//");
  });

export interface LearnerRulesOptions {
  /**
   * True in the playground: a script's VNets, subnets, NICs, VMs and ASGs are built on the
   * scenario. An exercise's network is fixed, so there such commands are noted and not run.
   */
  buildNetwork?: boolean;
}

export function parseLearnerRules(
  text: string,
  exercise: Exercise,
  format: RuleFormat = detectRuleFormat(text),
  { buildNetwork = false }: LearnerRulesOptions = {},
): RuleDocumentResult {
  if (format === "json" || format === "yaml")
    return parseDataRules(text, format, { editable: exercise.editable });
  const initialRules = Object.fromEntries(
    exercise.topology.nsgs.map((n) => [n.name, n.securityRules.map(toArmRule)]),
  );
  const options = { editable: exercise.editable, initialRules, topology: exercise.topology, buildNetwork };
  return format === "powershell" ? parsePowerShell(text, options) : parseAzCli(text, options);
}
