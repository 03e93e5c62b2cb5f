import type { Report } from "../azcli/arg-parser.ts";
import { ScriptState, type AzCliOptions } from "../azcli/script-state.ts";
import { collector, readScript, scriptResult } from "../azcli/script-issues.ts";
import type { RuleDocumentResult } from "../rule-document.ts";
import type { LineIndex } from "../source-span.ts";
import { CMDLETS, NOTED_CMDLETS } from "./cmdlets.ts";
import { bindParams, evaluate, type NsgObject, type PsValue, type Variables } from "./params.ts";
import { PowerShellReader, type Stage, type Statement } from "./syntax.ts";

/**
 * Reads an Azure PowerShell (Az.Network) script and runs its NSG cmdlets against the exercise's
 * NSGs, giving the same RuleDocument as the az CLI reader: the rules Azure holds when the script
 * ends. Changes made to an NSG object and never saved with Set-AzNetworkSecurityGroup change
 * nothing in Azure, so they are left out and warned about where they are made. Never throws.
 */
export const parsePowerShell = (text: string, options: AzCliOptions): RuleDocumentResult =>
  readScript(text, (source, lines) => run(source, options, lines));

const SUPPORTED = [...CMDLETS.values()].map((c) => c.name).join(", ");

function run(text: string, options: AzCliOptions, lines: LineIndex): RuleDocumentResult {
  const { found, report } = collector();
  const reader = new PowerShellReader(text);
  const state = new ScriptState(options);
  const vars: Variables = new Map();
  const objects: NsgObject[] = [];
  for (const statement of reader.statements()) execute(statement, state, vars, objects, report);
  for (const e of reader.errors) found.push({ code: e.code, message: e.message, at: e, severity: "error" });
  for (const nsg of objects) {
    for (const at of nsg.pending)
      report(
        "unsaved-nsg-change",
        `NSG "${nsg.name}" is changed in memory only; pipe it to Set-AzNetworkSecurityGroup to save it`,
        at,
        "warning",
      );
    if (!nsg.changed && nsg.readAt)
      report(
        "cmdlet-noted",
        `Get-AzNetworkSecurityGroup only reads NSG "${nsg.name}": it changes no rule, so NSG Lab notes it and goes on`,
        nsg.readAt,
        "warning",
      );
  }
  return scriptResult(found, lines, () => state.document(lines, "powershell"));
}

function execute(
  statement: Statement,
  state: ScriptState,
  vars: Variables,
  objects: NsgObject[],
  report: Report,
): void {
  let value: PsValue | undefined;
  for (let i = 0; i < statement.stages.length; i++) {
    const stage = statement.stages[i]!;
    const result = runStage(stage, i === 0 ? undefined : value, state, vars, objects, report);
    if (result === "failed") return;
    value = result;
  }
  if (statement.assign)
    vars.set(statement.assign.name.toLowerCase(), value ?? { kind: "null", at: statement.at });
}

function runStage(
  stage: Stage,
  piped: PsValue | undefined,
  state: ScriptState,
  vars: Variables,
  objects: NsgObject[],
  report: Report,
): PsValue | undefined | "failed" {
  if (stage.kind === "expression") {
    if (piped) {
      report("unsupported-powershell-syntax", "a value cannot take input from the pipeline", stage.value.at);
      return "failed";
    }
    return evaluate(stage.value, vars, report) ?? "failed";
  }
  const key = stage.name.toLowerCase();
  const nameAt = { start: stage.at.start, end: stage.at.start + stage.name.length };
  const noted = NOTED_CMDLETS.get(key);
  if (noted) {
    report(
      "cmdlet-noted",
      `${stage.name} ${noted}: it changes no NSG rule, so NSG Lab notes it and goes on`,
      nameAt,
      "warning",
    );
    return undefined;
  }
  const cmdlet = CMDLETS.get(key);
  if (!cmdlet) {
    report(
      "unsupported-cmdlet",
      `"${stage.name}" is not a cmdlet NSG Lab runs; it runs ${SUPPORTED} (and notes ${[...NOTED_CMDLETS.keys()].length} read-only ones such as Write-Host)`,
      nameAt,
    );
    return "failed";
  }
  const bound = bindParams(cmdlet.name, cmdlet.params, stage.elements, piped, stage.at, vars, report);
  if (!bound) return "failed";
  return cmdlet.run({ bound, state, command: stage.at, report, objects }) ?? "failed";
}
