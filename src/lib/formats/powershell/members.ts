import type { Offsets } from "../azcli/arg-parser.ts";
import { nameFromIdOrName } from "../azcli/resource-ids.ts";
import { orderRule } from "../azcli/rule-args.ts";
import type { FieldGroup, RuleEntry } from "../azcli/script-state.ts";
import { networkId, namesInId, vmId } from "./ids.ts";
import { asgId } from "./rule-config.ts";
import {
  addRules,
  describe,
  append,
  itemsOf,
  type NicObject,
  type NsgObject,
  type PsValue,
  type SubnetConfig,
  type VnetObject,
} from "./values.ts";
import type { World } from "./world.ts";

/**
 * The properties of the objects Az.Network returns that a script reads and sets
 * (`$vnet.Subnets[0].Id`, `$nic.NetworkSecurityGroup = $nsg`, `$_.Name`), and the list methods
 * docs call (`$nsg.SecurityRules.Remove($rule)`). Names are case-insensitive. A property NSG Lab
 * does not model is refused where it is written, naming the ones it reads.
 */

export interface MemberContext {
  world: World;
  /** The statement doing it: where an in-memory change is recorded. */
  statementAt: Offsets;
}

const str = (text: string, at: Offsets): PsValue => ({ kind: "string", text, at });
const list = (texts: readonly string[], at: Offsets): PsValue => ({
  kind: "array",
  items: texts.map((t) => str(t, at)),
  at,
});
const nul = (at: Offsets): PsValue => ({ kind: "null", at });

/** Rule properties (PSSecurityRule) → the flat ARM fields they are stored in. */
const RULE_TEXT = {
  name: "name",
  access: "access",
  direction: "direction",
  protocol: "protocol",
  description: "description",
} as const;
const RULE_LISTS = {
  sourceaddressprefix: ["sourceAddressPrefix", "sourceAddressPrefixes"],
  sourceportrange: ["sourcePortRange", "sourcePortRanges"],
  destinationaddressprefix: ["destinationAddressPrefix", "destinationAddressPrefixes"],
  destinationportrange: ["destinationPortRange", "destinationPortRanges"],
} as const;
const RULE_ASGS = {
  sourceapplicationsecuritygroups: "sourceApplicationSecurityGroups",
  destinationapplicationsecuritygroups: "destinationApplicationSecurityGroups",
} as const;

const READS: Readonly<Record<string, string>> = {
  rule: "Name, Priority, Access, Direction, Protocol, Description, SourceAddressPrefix, SourcePortRange, DestinationAddressPrefix, DestinationPortRange, SourceApplicationSecurityGroups, DestinationApplicationSecurityGroups",
  nsg: "Name, Id, ResourceGroupName, SecurityRules",
  asg: "Name, Id, ResourceGroupName",
  vnet: "Name, Id, ResourceGroupName, AddressSpace, Subnets",
  subnet: "Name, Id, AddressPrefix, NetworkSecurityGroup",
  nic: "Name, Id, ResourceGroupName, NetworkSecurityGroup, IpConfigurations",
  ipconfig: "Name, Id, PrivateIpAddress, Subnet, ApplicationSecurityGroups",
  ref: "Id",
  publicip: "Name, Id, IpAddress",
  vmconfig: "Name, Id",
  ipflow: "Access, RuleName",
};

/**
 * Properties that change nothing NSG Lab models (tags, DNS, IP forwarding): set in memory and
 * saved by Azure, but no flow depends on them, so they are noted and left.
 */
const NOTED_SETS = new Set([
  "tag",
  "enableipforwarding",
  "enableacceleratednetworking",
  "dnssettings",
  "privateipallocationmethod",
  "primary",
  "location",
]);

const ruleField = (entry: RuleEntry, field: string): unknown => entry.rule[field];

/** A rule field as text: rules hold strings and numbers (anything else is shown as JSON). */
const fieldText = (value: unknown): string =>
  typeof value === "string"
    ? value
    : typeof value === "number" || typeof value === "boolean"
      ? String(value)
      : JSON.stringify(value);

function ruleList(entry: RuleEntry, singular: string, plural: string, at: Offsets): PsValue {
  const one = ruleField(entry, singular);
  const many = ruleField(entry, plural);
  const texts = Array.isArray(many) ? many.map(fieldText) : one === undefined ? [] : [fieldText(one)];
  return list(texts, at);
}

export function nsgIdOf(nsg: NsgObject): string {
  return networkId("networkSecurityGroups", nsg.name, nsg.resourceGroup);
}
export const vnetIdOf = (vnet: VnetObject): string =>
  networkId("virtualNetworks", vnet.name, vnet.resourceGroup);
export const subnetIdOf = (subnet: SubnetConfig, vnet: VnetObject | undefined): string =>
  vnet
    ? networkId("virtualNetworks", vnet.name, vnet.resourceGroup, { type: "subnets", name: subnet.name })
    : networkId("virtualNetworks", "(not in a virtual network)", undefined, {
        type: "subnets",
        name: subnet.name,
      });
export const nicIdOf = (nic: NicObject): string =>
  networkId("networkInterfaces", nic.name, nic.resourceGroup);
const nsgRef = (name: string | null, at: Offsets): PsValue =>
  name === null
    ? nul(at)
    : { kind: "ref", ref: { id: networkId("networkSecurityGroups", name, undefined) }, at };

/** `value.name`; undefined when it cannot be read (reported). */
export function getMember(
  value: PsValue,
  name: string,
  at: Offsets,
  ctx: MemberContext,
): PsValue | undefined {
  const lower = name.toLowerCase();
  ctx.world.use(value);
  switch (value.kind) {
    case "array": {
      if (lower === "count" || lower === "length") return str(String(value.items.length), at);
      // Member enumeration: the property of every item, as one list.
      if (!ctx.world.charge(value.items.length, at)) return undefined;
      const out: PsValue[] = [];
      for (const item of itemsOf(value)) {
        const v = getMember(item, name, at, ctx);
        if (!v) return undefined;
        append(out, itemsOf(v));
      }
      return { kind: "array", items: out, at };
    }
    case "null":
      // $null.Name is $null in PowerShell (outside strict mode).
      return nul(at);
    case "hashtable": {
      if (lower === "count") return str(String(value.entries.size), at);
      if (lower === "keys")
        return list(
          [...value.entries.values()].map((e) => e.key),
          at,
        );
      const entry = value.entries.get(lower);
      return entry ? { ...entry.value, at } : nul(at);
    }
    case "string":
      if (lower === "length") return str(String(value.text.length), at);
      break;
    case "rule": {
      const e = value.entry;
      if (lower in RULE_TEXT) {
        const v = ruleField(e, RULE_TEXT[lower as keyof typeof RULE_TEXT]);
        return v === undefined ? nul(at) : str(fieldText(v), at);
      }
      if (lower === "priority") {
        const v = ruleField(e, "priority");
        return v === undefined ? nul(at) : str(fieldText(v), at);
      }
      if (lower in RULE_LISTS) {
        const [one, many] = RULE_LISTS[lower as keyof typeof RULE_LISTS];
        return ruleList(e, one, many, at);
      }
      if (lower in RULE_ASGS) {
        const ids = ruleField(e, RULE_ASGS[lower as keyof typeof RULE_ASGS]);
        const items = Array.isArray(ids)
          ? ids.map((a): PsValue => ({ kind: "asg", id: fieldText((a as { id?: unknown }).id ?? ""), at }))
          : [];
        return { kind: "array", items, at };
      }
      break;
    }
    case "nsg":
      if (lower === "name") return str(value.nsg.name, at);
      if (lower === "id") return str(nsgIdOf(value.nsg), at);
      if (lower === "resourcegroupname")
        return value.nsg.resourceGroup ? str(value.nsg.resourceGroup, at) : nul(at);
      if (lower === "securityrules")
        return {
          kind: "array",
          items: value.nsg.rules.map((entry): PsValue => ({ kind: "rule", entry, at })),
          at,
          live: { kind: "rules", nsg: value.nsg },
        };
      break;
    case "asg":
      if (lower === "id") return str(value.id, at);
      if (lower === "name") return str(nameFromIdOrName(value.id), at);
      if (lower === "resourcegroupname") return str(namesOf(value.id).resourceGroup, at);
      break;
    case "vnet":
      if (lower === "name") return str(value.vnet.name, at);
      if (lower === "id") return str(vnetIdOf(value.vnet), at);
      if (lower === "resourcegroupname")
        return value.vnet.resourceGroup ? str(value.vnet.resourceGroup, at) : nul(at);
      if (lower === "addressspace") {
        const prefixes = list(value.vnet.addressSpace, at);
        return {
          kind: "hashtable",
          entries: new Map([["addressprefixes", { key: "AddressPrefixes", keyAt: at, value: prefixes }]]),
          at,
        };
      }
      if (lower === "subnets")
        return {
          kind: "array",
          items: value.vnet.subnets.map((subnet): PsValue => ({
            kind: "subnet",
            subnet,
            vnet: value.vnet,
            at,
          })),
          at,
          live: { kind: "subnets", vnet: value.vnet },
        };
      break;
    case "subnet":
      if (lower === "name") return str(value.subnet.name, at);
      if (lower === "id") return str(subnetIdOf(value.subnet, value.vnet), at);
      if (lower === "addressprefix") return list(value.subnet.addressPrefixes, at);
      if (lower === "networksecuritygroup") return nsgRef(value.subnet.nsg, at);
      break;
    case "nic":
      if (lower === "name") return str(value.nic.name, at);
      if (lower === "id") return str(nicIdOf(value.nic), at);
      if (lower === "resourcegroupname")
        return value.nic.resourceGroup ? str(value.nic.resourceGroup, at) : nul(at);
      if (lower === "networksecuritygroup") return nsgRef(value.nic.nsg, at);
      if (lower === "ipconfigurations")
        return {
          kind: "array",
          items: value.nic.ipConfigurations.map((ipconfig): PsValue => ({
            kind: "ipconfig",
            ipconfig,
            nic: value.nic,
            at,
          })),
          at,
          live: { kind: "ipconfigs", nic: value.nic },
        };
      break;
    case "ipconfig": {
      const c = value.ipconfig;
      if (lower === "name") return str(c.name, at);
      if (lower === "id")
        return str(
          networkId("networkInterfaces", value.nic.name, value.nic.resourceGroup, {
            type: "ipConfigurations",
            name: c.name,
          }),
          at,
        );
      if (lower === "privateipaddress") return c.privateIp ? str(c.privateIp, at) : nul(at);
      if (lower === "applicationsecuritygroups")
        return {
          kind: "array",
          items: c.asgs.map((a): PsValue => ({ kind: "asg", id: asgId(a, undefined), at })),
          at,
        };
      if (lower === "subnet" && c.subnet) {
        const [vnet, subnet] = c.subnet.split("/");
        return {
          kind: "ref",
          ref: { id: networkId("virtualNetworks", vnet!, undefined, { type: "subnets", name: subnet! }) },
          at,
        };
      }
      break;
    }
    case "ref":
      if (lower === "id") return str(value.ref.id, at);
      break;
    case "publicip":
      if (lower === "name") return str(value.name, at);
      if (lower === "id") return str(networkId("publicIPAddresses", value.name, value.resourceGroup), at);
      // Azure assigns the address when it creates the resource; no script knows it.
      if (lower === "ipaddress") return nul(at);
      break;
    case "vmconfig":
      if (lower === "name") return str(value.vm.name, at);
      // A VM New-AzVM created has its ID; a configuration not yet created has none.
      if (lower === "id") {
        const vm = ctx.world.state.net.vm(value.vm.name);
        return vm ? str(vmId(vm.name), at) : nul(at);
      }
      break;
    case "ipflow":
      // Azure answers when the test runs; no script knows the answer before.
      if (lower === "access" || lower === "rulename") return nul(at);
      break;
    default:
      break;
  }
  const reads = READS[value.kind];
  ctx.world.report(
    "unsupported-powershell-syntax",
    reads
      ? `NSG Lab does not read .${name} of ${describe(value)}; it reads ${reads}`
      : `NSG Lab does not read .${name} of ${describe(value)}`,
    at,
  );
  return undefined;
}

function namesOf(id: string): { resourceGroup: string } {
  const m = /\/resourceGroups\/([^/]+)/i.exec(id);
  return { resourceGroup: m?.[1] ?? "" };
}

/** The NSG a value names for an association (an NSG object, a reference, its ID or $null). */
export function nsgNameOf(value: PsValue): string | null | undefined {
  if (value.kind === "null") return null;
  if (value.kind === "nsg") return value.nsg.name;
  const id = value.kind === "ref" ? value.ref.id : value.kind === "string" ? value.text : undefined;
  if (id === undefined) return undefined;
  return namesInId(id, "networkSecurityGroups")?.[0];
}

/** The ASG names a value holds ($asg, @($a, $b), their IDs); undefined when it holds anything else. */
function asgNamesOf(value: PsValue): string[] | undefined {
  const names: string[] = [];
  for (const item of itemsOf(value)) {
    const id = item.kind === "asg" ? item.id : item.kind === "string" ? item.text : undefined;
    const name = id === undefined ? undefined : namesInId(id, "applicationSecurityGroups")?.[0];
    if (name === undefined) return undefined;
    names.push(name);
  }
  return names;
}

/** A rule object is shared with the NSG objects holding it: each of them is changed. */
const changeRule = (entry: RuleEntry, ctx: MemberContext) => {
  for (const nsg of ctx.world.nsgs)
    if (nsg.rules.includes(entry)) {
      nsg.pending.push(ctx.statementAt);
      nsg.changed = true;
      nsg.version++;
    }
};

function setRuleField(
  entry: RuleEntry,
  lower: string,
  name: string,
  value: PsValue,
  ctx: MemberContext,
): boolean {
  const report = ctx.world.report;
  const items = itemsOf(value);
  const texts = items.every((i) => i.kind === "string")
    ? items.map((i) => (i as { text: string }).text)
    : undefined;
  const rule: Record<string, unknown> = { ...entry.rule };
  let group: FieldGroup;
  if (lower in RULE_TEXT || lower === "priority") {
    const field = lower === "priority" ? "priority" : RULE_TEXT[lower as keyof typeof RULE_TEXT];
    if (value.kind !== "null" && texts?.length !== 1) {
      report("invalid-argument-value", `.${name} takes one text value`, value.at);
      return false;
    }
    if (value.kind === "null") delete rule[field];
    else if (field === "priority") {
      if (!/^\s*\+?\d{1,9}\s*$/.test(texts![0]!)) {
        report(
          "invalid-argument-value",
          `cannot convert "${texts![0]}" to an integer for .Priority`,
          value.at,
        );
        return false;
      }
      rule.priority = Number(texts![0]);
    } else rule[field] = texts![0];
    group = field;
  } else if (lower in RULE_LISTS) {
    const [one, many] = RULE_LISTS[lower as keyof typeof RULE_LISTS];
    if (!texts) {
      report(
        "invalid-argument-value",
        `.${name} takes text values such as "10.0.0.0/24" or 80,443`,
        value.at,
      );
      return false;
    }
    delete rule[one];
    delete rule[many];
    if (texts.length === 1) rule[one] = texts[0];
    else if (texts.length > 1) rule[many] = texts;
    group = one;
  } else if (lower in RULE_ASGS) {
    const names = asgNamesOf(value);
    if (!names) {
      report("invalid-argument-value", `.${name} takes application security groups`, value.at);
      return false;
    }
    const field = RULE_ASGS[lower as keyof typeof RULE_ASGS];
    rule[field] = itemsOf(value).map((i) => ({ id: i.kind === "asg" ? i.id : (i as { text: string }).text }));
    group = field;
  } else return false;
  entry.rule = orderRule(rule);
  const fields = new Map(entry.source?.fields ?? []);
  fields.set(group, { span: value.at, items: items.map((i) => i.at) });
  entry.source = { command: entry.source?.command ?? ctx.statementAt, fields };
  changeRule(entry, ctx);
  return true;
}

const pend = (object: { pending: Offsets[]; changed: boolean }, at: Offsets) => {
  object.pending.push(at);
  object.changed = true;
};

/** `target.name = value`; false when it cannot be set (reported). */
export function setMember(
  target: PsValue,
  name: string,
  nameAt: Offsets,
  value: PsValue,
  ctx: MemberContext,
): boolean {
  const lower = name.toLowerCase();
  const report = ctx.world.report;
  ctx.world.use(value);
  if (target.kind === "hashtable") {
    target.entries.set(lower, { key: name, keyAt: nameAt, value });
    return true;
  }
  if (target.kind === "rule" && setRuleField(target.entry, lower, name, value, ctx)) return true;
  if (target.kind === "nsg" && lower === "securityrules") return setRules(target.nsg, value, ctx);
  if ((target.kind === "nic" || target.kind === "subnet") && lower === "networksecuritygroup") {
    const nsg = nsgNameOf(value);
    if (nsg === undefined) {
      report(
        "invalid-argument-value",
        `.NetworkSecurityGroup takes an NSG object (Get-AzNetworkSecurityGroup) or $null`,
        value.at,
      );
      return false;
    }
    const owner = target.kind === "nic" ? target.nic : target.subnet;
    owner.nsg = nsg;
    owner.nsgAt = value.at;
    const tracked = target.kind === "nic" ? target.nic : target.vnet;
    if (tracked) pend(tracked, ctx.statementAt);
    return true;
  }
  if (target.kind === "ipconfig" && lower === "applicationsecuritygroups") {
    const names = value.kind === "null" ? [] : asgNamesOf(value);
    if (!names) {
      report(
        "invalid-argument-value",
        `.ApplicationSecurityGroups takes ASG objects (Get-AzApplicationSecurityGroup) or $null`,
        value.at,
      );
      return false;
    }
    target.ipconfig.asgs = names;
    target.ipconfig.asgsAt = value.at;
    pend(target.nic, ctx.statementAt);
    return true;
  }
  if (target.kind === "subnet" && lower === "addressprefix") {
    const texts = itemsOf(value);
    if (texts.length === 0 || texts.some((t) => t.kind !== "string")) {
      report("invalid-argument-value", ".AddressPrefix takes address prefixes such as 10.0.1.0/24", value.at);
      return false;
    }
    target.subnet.addressPrefixes = texts.map((t) => (t as { text: string }).text);
    target.subnet.prefixAt = value.at;
    if (target.vnet) pend(target.vnet, ctx.statementAt);
    return true;
  }
  if (target.kind === "ipconfig" && lower === "privateipaddress" && value.kind === "string") {
    target.ipconfig.privateIp = value.text;
    target.ipconfig.privateIpAt = value.at;
    pend(target.nic, ctx.statementAt);
    return true;
  }
  if (
    (target.kind === "nic" ||
      target.kind === "ipconfig" ||
      target.kind === "vnet" ||
      target.kind === "subnet") &&
    NOTED_SETS.has(lower)
  ) {
    report(
      "unmodelled-network-change",
      `.${name} changes nothing NSG Lab models (no flow depends on it), so NSG Lab notes it and goes on`,
      nameAt,
      "warning",
    );
    return true;
  }
  const reads = READS[target.kind];
  report(
    "unsupported-powershell-syntax",
    `NSG Lab does not set .${name} of ${describe(target)}${reads ? `; it reads ${reads}` : ""}`,
    nameAt,
  );
  return false;
}

/**
 * `$nsg.SecurityRules += $rule`, as Learn's tutorial adds rules: the list grows by the new rules
 * (what PowerShell's `+=` leaves in the property), without copying the rules already there.
 */
export function appendRules(nsg: NsgObject, value: PsValue, ctx: MemberContext): boolean {
  const items = itemsOf(value);
  const bad = items.find((i) => i.kind !== "rule");
  if (bad) {
    ctx.world.report(
      "invalid-argument-value",
      `.SecurityRules holds rules (New-AzNetworkSecurityRuleConfig), not ${describe(bad)}`,
      bad.at,
    );
    return false;
  }
  addRules(
    nsg,
    items.map((item) => (item as Extract<PsValue, { kind: "rule" }>).entry),
  );
  pend(nsg, ctx.statementAt);
  return true;
}

function setRules(nsg: NsgObject, value: PsValue, ctx: MemberContext): boolean {
  const items = itemsOf(value);
  const bad = items.find((i) => i.kind !== "rule");
  if (bad) {
    ctx.world.report(
      "invalid-argument-value",
      `.SecurityRules holds rules (New-AzNetworkSecurityRuleConfig), not ${describe(bad)}`,
      bad.at,
    );
    return false;
  }
  nsg.rules = items.map((i) => (i as Extract<PsValue, { kind: "rule" }>).entry);
  nsg.version++;
  pend(nsg, ctx.statementAt);
  return true;
}

/** The methods of an object's own lists: `$nsg.SecurityRules.Add($rule)`, `.Remove($rule)`, `.Clear()`. */
export function callListMethod(
  target: Extract<PsValue, { kind: "array" }>,
  method: string,
  args: PsValue[],
  at: Offsets,
  ctx: MemberContext,
): PsValue | undefined {
  const lower = method.toLowerCase();
  const report = ctx.world.report;
  const live = target.live;
  if (live?.kind !== "rules" || !["add", "remove", "clear"].includes(lower)) {
    report(
      "unsupported-powershell-syntax",
      `NSG Lab does not run .${method}() on ${live ? `$…${live.kind === "subnets" ? ".Subnets" : ".IpConfigurations"}` : describe(target)}; it runs .Add(), .Remove() and .Clear() on an NSG's .SecurityRules, and .Where({ … })`,
      at,
    );
    return undefined;
  }
  const nsg = live.nsg;
  if (lower === "clear") {
    if (args.length > 0) {
      report("invalid-argument-value", ".Clear() takes no argument", at);
      return undefined;
    }
    nsg.rules = [];
  } else {
    const arg = args.length === 1 ? itemsOf(args[0]!) : undefined;
    if (!arg || arg.length > 1) {
      report("invalid-argument-value", `.${method}() takes one rule`, args[0]?.at ?? at);
      return undefined;
    }
    const rule = arg[0];
    if (rule && rule.kind !== "rule") {
      report(
        "invalid-argument-value",
        `.${method}() takes a rule (New-AzNetworkSecurityRuleConfig, or one of $nsg.SecurityRules), not ${describe(rule)}`,
        rule.at,
      );
      return undefined;
    }
    if (lower === "add") {
      if (!rule) {
        report("invalid-argument-value", ".Add() takes a rule, not $null", at);
        return undefined;
      }
      addRules(nsg, [rule.entry]);
      pend(nsg, ctx.statementAt);
      return undefined;
    } else {
      const i = rule ? nsg.rules.indexOf(rule.entry) : -1;
      // List.Remove removes that very object; a rule of another object, or none, removes nothing.
      if (i < 0) {
        report(
          "rule-not-found",
          `.Remove() removes nothing: ${rule ? `${describe(rule)} is not one of NSG "${nsg.name}"'s rules in this object` : "the filter found no rule"}`,
          args[0]!.at,
          "warning",
        );
        return { kind: "bool", value: false, at };
      }
      nsg.rules.splice(i, 1);
    }
  }
  nsg.version++;
  pend(nsg, ctx.statementAt);
  return lower === "remove" ? { kind: "bool", value: true, at } : undefined;
}

/** The subnet of an ID or "vnet/subnet" a NIC cmdlet is given (-SubnetId), for messages and lookups. */
export function subnetOfId(id: string): { vnet: string; subnet: string } | undefined {
  const names = namesInId(id, "virtualNetworks", "subnets");
  return names ? { vnet: names[0]!, subnet: names[1]! } : undefined;
}
