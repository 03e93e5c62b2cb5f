import { DEFAULT_RULES } from "../nsg/default-rules.ts";
import type { SecurityRule } from "../nsg/rule-schema.ts";
import type { Direction } from "../nsg/vocabulary.ts";
import { PROTOCOL_LABEL } from "./rule-form-values.ts";

/**
 * An NSG's "Inbound security rules" or "Outbound security rules" list as the portal shows it:
 * the custom rules and, after them, the default rules (which cannot be edited or deleted), all
 * in priority order, the order Azure processes them in (NSG overview, security rules).
 */
export interface RuleTableRow {
  name: string;
  priority: number;
  /** The port column shows destination ports, as the portal's does. */
  port: string;
  sourcePorts: string;
  protocol: string;
  source: string;
  destination: string;
  action: "Allow" | "Deny";
  isDefault: boolean;
  /** The rule's index in the NSG's custom rules, for Edit and Delete; absent for default rules. */
  index?: number;
}

const list = (values: readonly string[]) => values.map((v) => (v === "*" ? "Any" : v)).join(", ");

/** Where a side points, in the portal's words: Any, the addresses or tag, or the ASGs. */
const sideText = (asgs: readonly string[], prefixes: readonly string[]) =>
  asgs.length > 0 ? list(asgs) : list(prefixes);

function row(rule: SecurityRule, index: number | undefined): RuleTableRow {
  return {
    name: rule.name,
    priority: rule.priority,
    port: list(rule.destinationPortRanges),
    sourcePorts: list(rule.sourcePortRanges),
    protocol: PROTOCOL_LABEL[rule.protocol],
    source: sideText(rule.sourceApplicationSecurityGroups, rule.sourceAddressPrefixes),
    destination: sideText(rule.destinationApplicationSecurityGroups, rule.destinationAddressPrefixes),
    action: rule.access,
    isDefault: index === undefined,
    ...(index !== undefined ? { index } : {}),
  };
}

export function ruleTable(rules: readonly SecurityRule[], direction: Direction): RuleTableRow[] {
  const custom = rules
    .map((rule, index) => ({ rule, index }))
    .filter(({ rule }) => rule.direction === direction)
    .sort((a, b) => a.rule.priority - b.rule.priority)
    .map(({ rule, index }) => row(rule, index));
  const defaults = DEFAULT_RULES.filter((r) => r.direction === direction).map((r) => row(r, undefined));
  return [...custom, ...defaults];
}
