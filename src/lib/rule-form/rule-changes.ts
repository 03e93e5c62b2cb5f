import type { NsgRuleSet } from "../formats/export/index.ts";
import type { SecurityRule } from "../nsg/rule-schema.ts";

/**
 * What one use of the pane does to an NSG: a rule added or saved over an existing one (the
 * portal's Add and Save), or a custom rule deleted. The exercise applies it to its rule sets,
 * the playground writes it as az CLI commands.
 */
export type RuleChange =
  | { kind: "put"; nsg: string; rule: SecurityRule; replacing?: { index: number; name: string } }
  | { kind: "delete"; nsg: string; index: number; name: string };

/** The rule sets after the change; an edited rule keeps its place in the NSG's list. */
export function applyRuleChange(sets: readonly NsgRuleSet[], change: RuleChange): NsgRuleSet[] {
  return sets.map((set) => {
    if (set.nsg !== change.nsg) return set;
    if (change.kind === "delete") return { ...set, rules: set.rules.filter((_, i) => i !== change.index) };
    const { replacing } = change;
    if (replacing === undefined) return { ...set, rules: [...set.rules, change.rule] };
    return { ...set, rules: set.rules.map((r, i) => (i === replacing.index ? change.rule : r)) };
  });
}

/** In words, for the status line after the pane closes. */
export function describeChange(change: RuleChange): string {
  if (change.kind === "delete") return `Deleted rule “${change.name}” from ${change.nsg}.`;
  const { rule, replacing } = change;
  const what = `${rule.direction.toLowerCase()} rule “${rule.name}” (priority ${rule.priority})`;
  if (!replacing) return `Added ${what} to ${change.nsg}.`;
  return replacing.name === rule.name
    ? `Saved ${what} in ${change.nsg}.`
    : `Saved ${what} in ${change.nsg}, renamed from “${replacing.name}”.`;
}
