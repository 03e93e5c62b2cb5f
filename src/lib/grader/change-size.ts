import { formatPorts, parsePortSpec, type PortInterval } from "../nsg/ports.ts";
import type { SecurityRule } from "../nsg/rule-schema.ts";
import type { Topology } from "../nsg/topology-schema.ts";

/**
 * How much a fix changed: the difference between the rules a fix-rules exercise starts with
 * (its scenario, as Azure has it) and the learner's, counted the way a change review would.
 *
 * - A rule is known by its NSG and its name (case-insensitive, as Azure names are). Azure
 *   cannot rename a rule, so a renamed rule is one rule removed and one added.
 * - A rule only in the learner's rules is **added** (1); one only in the starting rules is
 *   **removed** (1).
 * - A rule in both counts 1 for each of its eight fields that differs: priority, direction,
 *   access, protocol, source (addresses or ASGs), source ports, destination (addresses or
 *   ASGs), destination ports. Values are compared as sets, so `443, 80` is `80, 443` and
 *   `80-80` is `80`. A description changes nothing Azure does and is not counted.
 * - A subnet or NIC whose NSG association differs counts 1.
 *
 * The size is the sum. The smallest known fix is the reference solution's size.
 */

export const RULE_FIELDS = [
  "priority",
  "direction",
  "access",
  "protocol",
  "source",
  "sourcePort",
  "destination",
  "destinationPort",
] as const;
export type RuleField = (typeof RULE_FIELDS)[number];

export const RULE_FIELD_LABEL: Record<RuleField, string> = {
  priority: "priority",
  direction: "direction",
  access: "access",
  protocol: "protocol",
  source: "source",
  sourcePort: "source ports",
  destination: "destination",
  destinationPort: "destination ports",
};

export type RuleChange =
  | { kind: "rule-added"; nsg: string; rule: string }
  | { kind: "rule-removed"; nsg: string; rule: string }
  | { kind: "field-changed"; nsg: string; rule: string; field: RuleField; before: string; after: string }
  | {
      kind: "association-changed";
      level: "subnet" | "nic";
      /** "vnet/subnet" or the NIC's name. */
      target: string;
      before: string | null;
      after: string | null;
    };

export interface ChangeSize {
  size: number;
  added: number;
  removed: number;
  fieldsChanged: number;
  associationsChanged: number;
  changes: RuleChange[];
}

/** A fix-rules grade's change: its size, and the smallest known fix (the reference solution's). */
export interface ChangeReport extends ChangeSize {
  smallest: number | undefined;
}

const byName = (rules: readonly SecurityRule[]) => new Map(rules.map((r) => [r.name.toLowerCase(), r]));

/** The value of a field as a person reads it, and the key two values compare by. */
function fieldValue(rule: SecurityRule, field: RuleField): { text: string; key: string } {
  const plain = (text: string) => ({ text, key: text.toLowerCase() });
  switch (field) {
    case "priority":
      return plain(String(rule.priority));
    case "direction":
    case "access":
    case "protocol":
      return plain(rule[field]);
    case "source":
    case "destination": {
      const asgs = rule[`${field}ApplicationSecurityGroups`].map((a) => `ASG ${a}`);
      const values = [...rule[`${field}AddressPrefixes`], ...asgs];
      return { text: values.join(", "), key: [...values.map((v) => v.toLowerCase())].sort().join(",") };
    }
    case "sourcePort":
    case "destinationPort": {
      const specs = rule[field === "sourcePort" ? "sourcePortRanges" : "destinationPortRanges"];
      const intervals = specs.flatMap((spec): PortInterval[] => {
        const parsed = parsePortSpec(spec);
        return parsed.ok ? [parsed.value] : [];
      });
      const sorted = [...intervals].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      return { text: specs.join(", "), key: formatPorts(sorted) };
    }
  }
}

function ruleChanges(nsg: string, before: readonly SecurityRule[], after: readonly SecurityRule[]) {
  const changes: RuleChange[] = [];
  const old = byName(before);
  const now = byName(after);
  for (const [key, rule] of old)
    if (!now.has(key)) changes.push({ kind: "rule-removed", nsg, rule: rule.name });
  for (const [key, rule] of now) {
    const was = old.get(key);
    if (!was) {
      changes.push({ kind: "rule-added", nsg, rule: rule.name });
      continue;
    }
    for (const field of RULE_FIELDS) {
      const a = fieldValue(was, field);
      const b = fieldValue(rule, field);
      if (a.key !== b.key)
        changes.push({ kind: "field-changed", nsg, rule: rule.name, field, before: a.text, after: b.text });
    }
  }
  return changes;
}

function associations(topology: Topology): Map<string, { level: "subnet" | "nic"; nsg: string | null }> {
  const out = new Map<string, { level: "subnet" | "nic"; nsg: string | null }>();
  for (const vnet of topology.vnets)
    for (const subnet of vnet.subnets)
      out.set(`subnet:${vnet.name}/${subnet.name}`, { level: "subnet", nsg: subnet.nsg ?? null });
  for (const vm of topology.vms)
    for (const nic of vm.nics) out.set(`nic:${nic.name}`, { level: "nic", nsg: nic.nsg ?? null });
  return out;
}

/** Every change from `before` to `after`: rules by NSG, then associations, in a stable order. */
export function changesBetween(before: Topology, after: Topology): RuleChange[] {
  const rulesOf = (t: Topology, nsg: string) => t.nsgs.find((n) => n.name === nsg)?.securityRules ?? [];
  const nsgNames = [...new Set([...before.nsgs, ...after.nsgs].map((n) => n.name))];
  const changes = nsgNames.flatMap((nsg) => ruleChanges(nsg, rulesOf(before, nsg), rulesOf(after, nsg)));
  const was = associations(before);
  for (const [key, now] of associations(after)) {
    const old = was.get(key)?.nsg ?? null;
    if (old !== now.nsg)
      changes.push({
        kind: "association-changed",
        level: now.level,
        target: key.slice(key.indexOf(":") + 1),
        before: old,
        after: now.nsg,
      });
  }
  return changes;
}

export function changeSize(changes: readonly RuleChange[]): ChangeSize {
  const count = (kind: RuleChange["kind"]) => changes.filter((c) => c.kind === kind).length;
  return {
    size: changes.length,
    added: count("rule-added"),
    removed: count("rule-removed"),
    fieldsChanged: count("field-changed"),
    associationsChanged: count("association-changed"),
    changes: [...changes],
  };
}

// ── Words ───────────────────────────────────────────────────────────────────────────────────

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "3 changes (1 rule added, 2 fields changed)", "no change". */
export function changeSummary(change: ChangeSize): string {
  if (change.size === 0) return "no change";
  const parts = [
    change.added > 0 ? `${plural(change.added, "rule")} added` : "",
    change.removed > 0 ? `${plural(change.removed, "rule")} removed` : "",
    change.fieldsChanged > 0 ? `${plural(change.fieldsChanged, "field")} changed` : "",
    change.associationsChanged > 0 ? `${plural(change.associationsChanged, "association")} changed` : "",
  ].filter(Boolean);
  return `${plural(change.size, "change")} (${parts.join(", ")})`;
}

/** One change in words: "nsg-web/Allow-HTTPS: priority 300 → 150". */
export function changeText(change: RuleChange): string {
  switch (change.kind) {
    case "rule-added":
      return `${change.nsg}/${change.rule}: added`;
    case "rule-removed":
      return `${change.nsg}/${change.rule}: removed`;
    case "field-changed":
      return `${change.nsg}/${change.rule}: ${RULE_FIELD_LABEL[change.field]} ${change.before} → ${change.after}`;
    case "association-changed":
      return `${change.level === "subnet" ? "subnet" : "NIC"} ${change.target}: ${change.before ?? "no NSG"} → ${change.after ?? "no NSG"}`;
  }
}

/**
 * The change-size line beside the score. Once the fix is complete it compares with the smallest
 * known fix; before, it says only how much has changed.
 */
export function changeSizeLine(change: ChangeReport, complete: boolean): string {
  const yours = `Your change: ${changeSummary(change)}.`;
  if (change.smallest === undefined) return yours;
  const smallest = `The smallest known fix: ${plural(change.smallest, "change")}.`;
  if (!complete) return `${yours} ${smallest}`;
  if (change.size === change.smallest) return `${yours} As small as the smallest known fix ✓`;
  if (change.size < change.smallest)
    return `${yours} Smaller than the smallest known fix (${plural(change.smallest, "change")}) ✓`;
  return `${yours} ${smallest} It works; can you undo what the fix doesn't need?`;
}
