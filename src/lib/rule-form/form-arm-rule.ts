import { parseCidrOrIp } from "../nsg/ip.ts";
import type { SecurityRule } from "../nsg/rule-schema.ts";
import type { RuleFormValues } from "./rule-form-values.ts";
import { serviceFor } from "./service-presets.ts";

/**
 * The pane's values ⇄ the flat ARM rule (`securityRuleSchema` input) the grader reads, both
 * ways. One value goes in the singular property and several in the plural one, as ARM and
 * `toArmRule` write them (a plural prefix list may not hold `*` or a tag).
 */

/** The portal's comma-separated lists ("10.0.0.0/16, 192.188.1.1"); spaces separate too. */
export const splitList = (text: string): string[] =>
  text
    .split(/[\s,]+/)
    .map((v) => v.trim())
    .filter((v) => v !== "");

type Side = "source" | "destination";

function addressesOf(values: RuleFormValues, side: Side): { prefixes: string[]; asgs: string[] } {
  const kind = values[side];
  const none = { prefixes: [], asgs: [] };
  switch (kind) {
    case "any":
      return { ...none, prefixes: ["*"] };
    case "ip-addresses":
      return { ...none, prefixes: splitList(values[`${side}Addresses`]) };
    case "my-ip": {
      const ip = values.myIp.trim();
      return { ...none, prefixes: ip === "" ? [] : [ip] };
    }
    case "service-tag": {
      const tag = values[`${side}Tag`].trim();
      return { ...none, prefixes: tag === "" ? [] : [tag] };
    }
    case "asg":
      return { ...none, asgs: [...values[`${side}Asgs`]] };
  }
}

const singleOrPlural = (out: Record<string, unknown>, single: string, plural: string, values: string[]) => {
  if (values.length === 1) out[single] = values[0];
  else out[plural] = values;
};

/** A number as typed; anything else is passed on as text, for the schema to word the problem. */
function priorityOf(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  return /^[+-]?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : trimmed;
}

/** The flat ARM rule the pane describes, before any validation. */
export function armRuleFromForm(values: RuleFormValues): Record<string, unknown> {
  const out: Record<string, unknown> = { name: values.name.trim() };
  const priority = priorityOf(values.priority);
  if (priority !== undefined) out.priority = priority;
  out.direction = values.direction;
  out.access = values.access;
  out.protocol = values.protocol;
  for (const side of ["source", "destination"] as const) {
    const { prefixes, asgs } = addressesOf(values, side);
    if (values[side] === "asg") out[`${side}ApplicationSecurityGroups`] = asgs;
    else singleOrPlural(out, `${side}AddressPrefix`, `${side}AddressPrefixes`, prefixes);
    singleOrPlural(out, `${side}PortRange`, `${side}PortRanges`, splitList(values[`${side}Ports`]));
  }
  if (values.description.trim() !== "") out.description = values.description;
  return out;
}

/**
 * A rule as the pane shows it when the learner edits it. One prefix that is no address is a
 * service tag; "My IP address" is not recorded in a rule (the portal stores the address), so an
 * address opens as IP addresses. The service is the preset the protocol and ports are, else Custom.
 */
export function formFromRule(rule: SecurityRule): RuleFormValues {
  const side = (which: Side) => {
    const asgs = rule[`${which}ApplicationSecurityGroups`];
    const prefixes = rule[`${which}AddressPrefixes`];
    if (asgs.length > 0) return { kind: "asg" as const, addresses: "", tag: "", asgs: [...asgs] };
    if (prefixes.length === 1 && prefixes[0] === "*")
      return { kind: "any" as const, addresses: "", tag: "", asgs: [] };
    if (prefixes.length === 1 && !parseCidrOrIp(prefixes[0]!).ok)
      return { kind: "service-tag" as const, addresses: "", tag: prefixes[0]!, asgs: [] };
    return { kind: "ip-addresses" as const, addresses: prefixes.join(", "), tag: "", asgs: [] };
  };
  const source = side("source");
  const destination = side("destination");
  const destinationPorts = rule.destinationPortRanges.join(", ");
  return {
    direction: rule.direction,
    source: source.kind,
    sourceAddresses: source.addresses,
    myIp: "",
    sourceTag: source.tag,
    sourceAsgs: source.asgs,
    sourcePorts: rule.sourcePortRanges.join(", "),
    destination: destination.kind,
    destinationAddresses: destination.addresses,
    destinationTag: destination.tag,
    destinationAsgs: destination.asgs,
    service: serviceFor(rule.protocol, destinationPorts),
    destinationPorts,
    protocol: rule.protocol,
    access: rule.access,
    priority: String(rule.priority),
    name: rule.name,
    description: rule.description ?? "",
  };
}
