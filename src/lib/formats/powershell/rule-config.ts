import type { Offsets, Report } from "../azcli/arg-parser.ts";
import { asgResourceId, DEFAULT_RESOURCE_GROUP, isResourceId } from "../azcli/resource-ids.ts";
import { orderRule } from "../azcli/rule-args.ts";
import type { FieldGroup, FieldSource, RuleEntry } from "../azcli/script-state.ts";
import { textOf, textsOf, type BoundParams, type ParamSpec } from "./params.ts";
import { itemsOf } from "./values.ts";

/**
 * The rule parameters of New-, Add- and Set-AzNetworkSecurityRuleConfig (Az.Network), and the
 * rule they build. The cmdlets fill in no defaults: a field not given stays unset (Azure then
 * refuses the rule when the NSG is saved, as the validator does here). Prefixes and ranges are
 * lists in Az.Network; one value becomes ARM's singular property, several the plural one.
 */

const LISTS = [
  { param: "SourceAddressPrefix", group: "sourceAddressPrefix", plural: "sourceAddressPrefixes" },
  { param: "SourcePortRange", group: "sourcePortRange", plural: "sourcePortRanges" },
  {
    param: "DestinationAddressPrefix",
    group: "destinationAddressPrefix",
    plural: "destinationAddressPrefixes",
  },
  { param: "DestinationPortRange", group: "destinationPortRange", plural: "destinationPortRanges" },
] as const;

/** ValidateSet parameters: PowerShell accepts any casing; we write Azure's. */
const CHOICES = {
  Access: { field: "access", values: ["Allow", "Deny"] },
  Direction: { field: "direction", values: ["Inbound", "Outbound"] },
  Protocol: { field: "protocol", values: ["Tcp", "Udp", "Icmp", "Esp", "Ah", "*"] },
} as const;

const ASGS = [
  { param: "SourceApplicationSecurityGroup", field: "sourceApplicationSecurityGroups", byId: false },
  { param: "SourceApplicationSecurityGroupId", field: "sourceApplicationSecurityGroups", byId: true },
  {
    param: "DestinationApplicationSecurityGroup",
    field: "destinationApplicationSecurityGroups",
    byId: false,
  },
  {
    param: "DestinationApplicationSecurityGroupId",
    field: "destinationApplicationSecurityGroups",
    byId: true,
  },
] as const;

export const RULE_PARAMS: readonly ParamSpec[] = [
  { name: "Name", kind: "value", mandatory: true },
  { name: "Description", kind: "value" },
  { name: "Priority", kind: "value" },
  ...Object.keys(CHOICES).map((name): ParamSpec => ({ name, kind: "value" })),
  ...LISTS.map((l): ParamSpec => ({ name: l.param, kind: "value" })),
  ...ASGS.map((a): ParamSpec => ({ name: a.param, kind: "value" })),
];

/** The rule the parameters describe; undefined when a value cannot be read (reported). */
export function buildRule(
  cmdlet: string,
  bound: BoundParams,
  command: Offsets,
  report: Report,
): RuleEntry | undefined {
  const fields = new Map<FieldGroup, FieldSource>();
  const rule: Record<string, unknown> = {};
  let ok = true;
  const name = textOf(cmdlet, "Name", bound.get("Name"), report);
  if (!name) return undefined;
  rule.name = name.text;
  fields.set("name", { span: name.at, items: [] });
  const priority = textOf(cmdlet, "Priority", bound.get("Priority"), report);
  if (bound.has("Priority") && !priority) ok = false;
  if (priority) {
    // Priority is an [int]: PowerShell converts "100" and refuses "high".
    if (/^\s*\+?\d{1,9}\s*$/.test(priority.text)) {
      rule.priority = Number(priority.text);
      fields.set("priority", { span: priority.at, items: [] });
    } else {
      report(
        "invalid-argument-value",
        `${cmdlet}: cannot convert value "${priority.text}" of -Priority to an integer`,
        priority.at,
      );
      ok = false;
    }
  }
  for (const [param, choice] of Object.entries(CHOICES)) {
    const v = textOf(cmdlet, param, bound.get(param), report);
    if (bound.has(param) && !v) ok = false;
    if (!v) continue;
    const canonical = choice.values.find((c) => c.toLowerCase() === v.text.toLowerCase());
    if (!canonical) {
      report(
        "invalid-argument-value",
        `${cmdlet}: cannot validate argument on parameter -${param}: "${v.text}" is not one of ${choice.values.join(", ")}`,
        v.at,
      );
      ok = false;
      continue;
    }
    rule[choice.field] = canonical;
    fields.set(choice.field, { span: v.at, items: [] });
  }
  for (const list of LISTS) {
    const b = bound.get(list.param);
    if (!b) continue;
    const read = textsOf(cmdlet, list.param, b, report);
    if (!read) {
      ok = false;
      continue;
    }
    if (read.texts.length === 1) rule[list.group] = read.texts[0];
    else rule[list.plural] = read.texts;
    fields.set(list.group, read.source);
  }
  for (const asg of ASGS) {
    const b = bound.get(asg.param);
    if (!b) continue;
    const items = itemsOf(b.value);
    const ids: { id: string }[] = [];
    for (const item of items) {
      if (!asg.byId && item.kind === "asg") ids.push({ id: item.id });
      else if (asg.byId && item.kind === "string" && isResourceId(item.text)) ids.push({ id: item.text });
      else {
        report(
          "invalid-argument-value",
          asg.byId
            ? `${cmdlet}: -${asg.param} takes ASG resource IDs (/subscriptions/…/applicationSecurityGroups/name)`
            : `${cmdlet}: -${asg.param} takes ASG objects from Get-AzApplicationSecurityGroup; for IDs use -${asg.param}Id`,
          item.at,
        );
        ok = false;
      }
    }
    if (rule[asg.field] !== undefined) {
      report(
        "conflicting-arguments",
        `${cmdlet}: give -${asg.param.replace(/Id$/, "")} or its Id form, not both`,
        b.at,
      );
      ok = false;
    }
    rule[asg.field] = ids;
    fields.set(asg.field, { span: b.value.at, items: items.map((i) => i.at) });
  }
  const description = textOf(cmdlet, "Description", bound.get("Description"), report);
  if (bound.has("Description") && !description) ok = false;
  if (description) {
    rule.description = description.text;
    fields.set("description", { span: description.at, items: [] });
  }
  return ok ? { rule: orderRule(rule), source: { command, fields } } : undefined;
}

/** An ASG's ID as Get-/New-AzApplicationSecurityGroup would return it. */
export const asgId = (name: string, resourceGroup: string | undefined): string =>
  asgResourceId(name, resourceGroup || DEFAULT_RESOURCE_GROUP);
