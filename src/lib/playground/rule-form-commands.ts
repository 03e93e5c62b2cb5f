import { ruleCreateCommand, shellQuote } from "../formats/export/export-az-cli.ts";
import { resourceGroupIn } from "../exercise-ui/format-conversion.ts";
import type { RuleChange } from "../rule-form/rule-changes.ts";

/**
 * In the playground the portal form writes az CLI: each change made in the pane is appended to
 * the az CLI changes as the commands that make it, so the scenario text is never rewritten, a
 * share link or the autosave carries the change, and the learner sees the CLI for what they did
 * in the portal. `rule create` on an existing name replaces that rule, as ARM's PUT does.
 */
export function commandsForChange(change: RuleChange, resourceGroup: string): string {
  const nsg = change.nsg;
  const remove = (name: string) =>
    `az network nsg rule delete --resource-group ${shellQuote(resourceGroup)} --nsg-name ${shellQuote(nsg)} --name ${shellQuote(name)}`;
  if (change.kind === "delete")
    return `# Portal form: delete rule ${change.name} of ${nsg}\n${remove(change.name)}\n`;
  const { rule, replacing } = change;
  const create = ruleCreateCommand(nsg, rule, shellQuote(resourceGroup));
  if (!replacing)
    return `# Portal form: add ${rule.direction.toLowerCase()} rule ${rule.name} to ${nsg}\n${create}\n`;
  if (replacing.name === rule.name) return `# Portal form: save rule ${rule.name} of ${nsg}\n${create}\n`;
  return `# Portal form: rename rule ${replacing.name} of ${nsg} to ${rule.name}\n${remove(replacing.name)}\n${create}\n`;
}

/** The az CLI changes with a change's commands at the end, in the resource group they already use. */
export function appendChange(cliText: string, change: RuleChange): string {
  const group = resourceGroupIn(cliText) ?? "rg";
  const before = cliText === "" || cliText.endsWith("\n") ? cliText : `${cliText}\n`;
  return `${before}${commandsForChange(change, group)}`;
}
