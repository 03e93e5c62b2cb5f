import { flattenArmRule } from "../../nsg/rule-schema.ts";
import { RULE_FIELD_ORDER } from "../rule-fields.ts";
import {
  subSpan,
  type ArgOccurrence,
  type ArgSpec,
  type ArgValue,
  type Offsets,
  type ParsedArgs,
  type Report,
} from "./arg-parser.ts";
import { asgResourceId, isResourceId, PLACEHOLDER_SUBSCRIPTION } from "./resource-ids.ts";
import type { FieldGroup, FieldSource, RuleSource } from "./script-state.ts";

/**
 * The arguments of `az network nsg rule create|update` and what they write into the rule,
 * following azure-cli's network module: lists of one value become the singular ARM property,
 * longer lists the plural one; create fills in az's defaults.
 */

type Side = "source" | "destination";
type ListGroup =
  "sourceAddressPrefix" | "sourcePortRange" | "destinationAddressPrefix" | "destinationPortRange";

/** Arg key → the singular/plural pair it writes. */
const LIST_ARGS: readonly { key: string; flag: string; group: ListGroup; plural: string }[] = [
  {
    key: "sourceAddressPrefixes",
    flag: "--source-address-prefixes",
    group: "sourceAddressPrefix",
    plural: "sourceAddressPrefixes",
  },
  {
    key: "sourcePortRanges",
    flag: "--source-port-ranges",
    group: "sourcePortRange",
    plural: "sourcePortRanges",
  },
  {
    key: "destinationAddressPrefixes",
    flag: "--destination-address-prefixes",
    group: "destinationAddressPrefix",
    plural: "destinationAddressPrefixes",
  },
  {
    key: "destinationPortRanges",
    flag: "--destination-port-ranges",
    group: "destinationPortRange",
    plural: "destinationPortRanges",
  },
];

const ASG_ARGS: readonly {
  key: string;
  flag: string;
  side: Side;
  field: "sourceApplicationSecurityGroups" | "destinationApplicationSecurityGroups";
}[] = [
  { key: "sourceAsgs", flag: "--source-asgs", side: "source", field: "sourceApplicationSecurityGroups" },
  {
    key: "destinationAsgs",
    flag: "--destination-asgs",
    side: "destination",
    field: "destinationApplicationSecurityGroups",
  },
];

const TEXT_ARGS = ["access", "direction", "protocol", "description"] as const;

/** Arguments `rule create` and `rule update` share (az's names, verified against azure-cli). */
export const RULE_PROPERTY_ARGS: readonly ArgSpec[] = [
  { key: "priority", names: ["--priority"], kind: "value" },
  { key: "access", names: ["--access"], kind: "value" },
  { key: "direction", names: ["--direction"], kind: "value" },
  { key: "protocol", names: ["--protocol"], kind: "value" },
  { key: "description", names: ["--description"], kind: "value" },
  ...LIST_ARGS.map((a): ArgSpec => ({ key: a.key, names: [a.flag], kind: "list" })),
  ...ASG_ARGS.map((a): ArgSpec => ({ key: a.key, names: [a.flag], kind: "list" })),
  { key: "noWait", names: ["--no-wait"], kind: "bool" },
];

/** The order az and ARM print rule properties in; anything else (id, etag...) follows. */
const FIELD_ORDER: readonly string[] = RULE_FIELD_ORDER;

export function orderRule(rule: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of FIELD_ORDER) if (rule[k] !== undefined) out[k] = rule[k];
  for (const [k, v] of Object.entries(rule)) if (!(k in out) && v !== undefined) out[k] = v;
  return out;
}

const spanOf = (o: ArgOccurrence): Offsets =>
  o.values.length > 0 ? { start: o.values[0]!.start, end: o.values[o.values.length - 1]!.end } : o.flag;

const fieldSource = (o: ArgOccurrence): FieldSource => ({
  span: spanOf(o),
  items: o.values.map((v) => ({ start: v.start, end: v.end })),
});

/** AAZ integer arguments go through Python's int(). */
export function parsePriority(value: ArgValue, flag: string, report: Report): number | undefined {
  if (/^\s*[+-]?\d+\s*$/.test(value.text)) return Number(value.text);
  report("invalid-argument-value", `argument ${flag}: invalid int value: '${value.text}'`, value);
  return undefined;
}

/** The splits of one value on commas, each with its own span (for `az vm open-port --port 80,443`). */
export function commaItems(value: ArgValue): { text: string; at: Offsets }[] {
  const items: { text: string; at: Offsets }[] = [];
  let from = value.from;
  for (const part of value.text.split(",")) {
    items.push({ text: part, at: subSpan(value.word, from, from + part.length) });
    from += part.length + 1;
  }
  return items;
}

interface RuleContext {
  args: ParsedArgs;
  resourceGroup: string;
  report: Report;
  command: Offsets;
}

const asgIds = (o: ArgOccurrence, ctx: RuleContext) => {
  const subscription = ctx.args.get("subscription")?.values[0]?.text || PLACEHOLDER_SUBSCRIPTION;
  return o.values.map((v) => ({
    id: isResourceId(v.text) ? v.text : asgResourceId(v.text, ctx.resourceGroup, subscription),
  }));
};

/** The single value of an argument, or the literal `null` az uses to clear a nullable property. */
const isNull = (o: ArgOccurrence) => o.values.length === 1 && o.values[0]!.text === "null";

/**
 * `az network nsg rule create`: a new rule with az's defaults (access Allow, direction Inbound,
 * protocol *, addresses *, source port *, destination port 80). Given ASGs replace the default
 * address prefix on their side, as azure-cli's NSGRuleCreate.pre_operations does.
 * Returns undefined when an argument could not be read (already reported).
 */
export function createRule(
  name: ArgValue,
  ctx: RuleContext,
): { rule: Record<string, unknown>; source: RuleSource } | undefined {
  const { args } = ctx;
  const fields = new Map<FieldGroup, FieldSource>([["name", { span: name, items: [] }]]);
  const rule: Record<string, unknown> = { name: name.text };
  const priority = args.get("priority");
  if (priority) {
    const value = parsePriority(priority.values[0]!, "--priority", ctx.report);
    if (value === undefined) return undefined;
    rule.priority = value;
    fields.set("priority", fieldSource(priority));
  }
  rule.direction = "Inbound";
  rule.access = "Allow";
  rule.protocol = "*";
  let description: string | undefined;
  for (const k of TEXT_ARGS) {
    const o = args.get(k);
    if (!o) continue;
    if (k === "description") description = o.values[0]!.text;
    else rule[k] = o.values[0]!.text;
    fields.set(k, fieldSource(o));
  }
  const defaults: Record<ListGroup, string> = {
    sourceAddressPrefix: "*",
    sourcePortRange: "*",
    destinationAddressPrefix: "*",
    destinationPortRange: "80",
  };
  for (const list of LIST_ARGS) {
    const o = args.get(list.key);
    if (!o) {
      rule[list.group] = defaults[list.group];
    } else {
      if (o.values.length === 1) rule[list.group] = o.values[0]!.text;
      else rule[list.plural] = o.values.map((v) => v.text);
      fields.set(list.group, fieldSource(o));
    }
  }
  for (const asg of ASG_ARGS) {
    const o = args.get(asg.key);
    if (!o) continue;
    rule[asg.field] = asgIds(o, ctx);
    delete rule[`${asg.side}AddressPrefix`];
    fields.set(asg.field, fieldSource(o));
  }
  // Built in FIELD_ORDER already: description goes last.
  if (description !== undefined) rule.description = description;
  return { rule, source: { command: ctx.command, fields } };
}

/**
 * `az network nsg rule update`: azure-cli moves singular properties into their plural lists,
 * applies the arguments, then turns one-element lists back into the singular property
 * (NSGRuleUpdate.pre_/post_instance_update). `null` clears a nullable property.
 */
export function updateRule(
  existing: Record<string, unknown>,
  previous: RuleSource | undefined,
  ctx: RuleContext,
): { rule: Record<string, unknown>; source: RuleSource } | undefined {
  const { args } = ctx;
  const flat = flattenArmRule(existing);
  const rule: Record<string, unknown> = {
    ...(flat && typeof flat === "object" ? (flat as Record<string, unknown>) : {}),
  };
  const fields = new Map(previous?.fields ?? []);
  for (const list of LIST_ARGS) {
    const single = rule[list.group];
    if (typeof single === "string" && single.length > 0) {
      rule[list.plural] = [single];
      delete rule[list.group];
    }
  }
  const priority = args.get("priority");
  if (priority) {
    if (isNull(priority)) delete rule.priority;
    else {
      const value = parsePriority(priority.values[0]!, "--priority", ctx.report);
      if (value === undefined) return undefined;
      rule.priority = value;
    }
    fields.set("priority", fieldSource(priority));
  }
  for (const k of TEXT_ARGS) {
    const o = args.get(k);
    if (!o) continue;
    if (k === "description" && isNull(o)) delete rule[k];
    else rule[k] = o.values[0]!.text;
    fields.set(k, fieldSource(o));
  }
  for (const list of LIST_ARGS) {
    const o = args.get(list.key);
    if (!o) continue;
    if (isNull(o)) delete rule[list.plural];
    else rule[list.plural] = o.values.map((v) => v.text);
    fields.set(list.group, fieldSource(o));
  }
  for (const asg of ASG_ARGS) {
    const o = args.get(asg.key);
    if (!o) continue;
    if (isNull(o)) delete rule[asg.field];
    else rule[asg.field] = asgIds(o, ctx);
    fields.set(asg.field, fieldSource(o));
  }
  for (const list of LIST_ARGS) {
    const plural = rule[list.plural];
    if (Array.isArray(plural) && plural.length === 1) {
      rule[list.group] = plural[0];
      delete rule[list.plural];
    }
  }
  return { rule: orderRule(rule), source: { command: ctx.command, fields } };
}
