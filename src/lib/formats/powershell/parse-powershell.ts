import type { Report } from "../azcli/arg-parser.ts";
import { ScriptState, type AzCliOptions } from "../azcli/script-state.ts";
import { collector, readScript, scriptResult } from "../azcli/script-issues.ts";
import type { RuleDocumentResult } from "../rule-document.ts";
import type { LineIndex } from "../source-span.ts";
import { Interpreter } from "./interpreter.ts";
import { PowerShellReader } from "./syntax.ts";
import type { Tracked } from "./values.ts";
import { World } from "./world.ts";

/**
 * Reads an Azure PowerShell (Az.Network) script and runs its cmdlets against the exercise's
 * network, giving the same RuleDocument as the az CLI reader: the rules Azure holds when the
 * script ends, and the NSG associations it saved. Changes made to an object (an NSG, a VNet, a
 * NIC) and never saved with its Set- cmdlet change nothing in Azure, so they are left out and
 * warned about where they are made. Never throws.
 */
export const parsePowerShell = (text: string, options: AzCliOptions): RuleDocumentResult =>
  readScript(text, (source, lines) => run(source, options, lines));

function run(text: string, options: AzCliOptions, lines: LineIndex): RuleDocumentResult {
  const { found, report } = collector();
  const reader = new PowerShellReader(text);
  const world = new World(new ScriptState(options), report);
  new Interpreter(world).run(reader.statements());
  for (const e of reader.errors) found.push({ code: e.code, message: e.message, at: e, severity: "error" });
  for (const nsg of world.nsgs)
    noteUnsaved(
      nsg,
      "NSG",
      "Set-AzNetworkSecurityGroup",
      "Get-AzNetworkSecurityGroup",
      "unsaved-nsg-change",
      report,
    );
  for (const vnet of world.vnets)
    noteUnsaved(
      vnet,
      "VNet",
      "Set-AzVirtualNetwork",
      "Get-AzVirtualNetwork",
      "unsaved-network-change",
      report,
    );
  for (const nic of world.nics)
    noteUnsaved(
      nic,
      "NIC",
      "Set-AzNetworkInterface",
      "Get-AzNetworkInterface",
      "unsaved-network-change",
      report,
    );
  return scriptResult(found, lines, () => world.state.document(lines, "powershell"));
}

function noteUnsaved(
  object: Tracked,
  what: string,
  save: string,
  read: string,
  code: "unsaved-nsg-change" | "unsaved-network-change",
  report: Report,
): void {
  // A change made for every item of a pipeline is one place in the text: warned about once.
  const places = new Map(object.pending.map((at) => [`${at.start}:${at.end}`, at]));
  for (const at of places.values())
    report(
      code,
      `${what} "${object.name}" is changed in memory only; pipe it to ${save} to save it`,
      at,
      "warning",
    );
  if (!object.changed && !object.used && object.readAt)
    report(
      "cmdlet-noted",
      `${read} only reads ${what} "${object.name}": it changes ${what === "NSG" ? "no rule" : "nothing"}, so NSG Lab notes it and goes on`,
      object.readAt,
      "warning",
    );
}
