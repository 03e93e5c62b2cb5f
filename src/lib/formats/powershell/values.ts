import type { Offsets } from "../azcli/arg-parser.ts";
import type { RuleEntry } from "../azcli/script-state.ts";
import type { Expr } from "./ast.ts";

/**
 * The values a script holds. Az.Network's cmdlets return objects that live in the session's
 * memory (PSNetworkSecurityGroup, PSVirtualNetwork, PSNetworkInterface …): changing one changes
 * nothing in Azure until it is saved with its Set- cmdlet, and two variables can hold the same
 * object, so these are shared references here too.
 */

/** What every object read from (or made for) Azure tracks, for the end-of-script notes. */
export interface Tracked {
  name: string;
  /** Where the script names it (its -Name), for errors about it. */
  nameAt: Offsets;
  resourceGroup?: string;
  /** Changes made since it was last read or saved: each is warned about unless it is saved. */
  pending: Offsets[];
  /** Where it was read (Get-Az…), for the "only reads" note. */
  readAt?: Offsets;
  /** Changed or saved at least once. */
  changed: boolean;
  /** Given to a cmdlet or a property: a read that is used is not noted. */
  used: boolean;
  /** Made by a cmdlet that was not run (an exercise's network is fixed): its saves are not run either. */
  phantom?: boolean;
}

/** An NSG object (what Get-AzNetworkSecurityGroup returns). */
export interface NsgObject extends Tracked {
  rules: RuleEntry[];
  /** Bumped on every change of `rules`, to notice a list changed while the pipeline reads it. */
  version: number;
}

/**
 * Each NSG object's rules by lower-case name (the first of a name), kept while the list is
 * unchanged (its version), so adding 1,000 rules one by one does not compare each with all the
 * others.
 */
const indexes = new WeakMap<NsgObject, { version: number; byName: Map<string, number> }>();

export function ruleIndex(nsg: NsgObject): Map<string, number> {
  const cached = indexes.get(nsg);
  if (cached?.version === nsg.version) return cached.byName;
  const byName = new Map<string, number>();
  nsg.rules.forEach((e, i) => {
    const name = typeof e.rule.name === "string" ? e.rule.name.toLowerCase() : undefined;
    if (name !== undefined && !byName.has(name)) byName.set(name, i);
  });
  indexes.set(nsg, { version: nsg.version, byName });
  return byName;
}

/** Adds rules to the end of an NSG object's list, its index following them. */
export function addRules(nsg: NsgObject, entries: readonly RuleEntry[]): void {
  const byName = ruleIndex(nsg);
  for (const entry of entries) {
    nsg.rules.push(entry);
    const name = typeof entry.rule.name === "string" ? entry.rule.name.toLowerCase() : undefined;
    if (name !== undefined && !byName.has(name)) byName.set(name, nsg.rules.length - 1);
  }
  nsg.version++;
  indexes.set(nsg, { version: nsg.version, byName });
}

/** A subnet as its VNet object holds it (PSSubnet). */
export interface SubnetConfig {
  name: string;
  addressPrefixes: string[];
  /** The NSG's name, or null for none. */
  nsg: string | null;
  /** Where its NSG was last set (or cleared), for the association's place in the text. */
  nsgAt?: Offsets;
  /** Where its address prefixes were last set. */
  prefixAt?: Offsets;
  /** Where a script added it to the VNet (Add-AzVirtualNetworkSubnetConfig). */
  addedAt?: Offsets;
}

export interface VnetObject extends Tracked {
  addressSpace: string[];
  subnets: SubnetConfig[];
}

/** One IP configuration of a NIC (PSNetworkInterfaceIPConfiguration). */
export interface IpConfigObject {
  name: string;
  /** "vnet/subnet". */
  subnet?: string;
  privateIp?: string;
  /** Where its private IP was last set. */
  privateIpAt?: Offsets;
  /** ASG names. */
  asgs: string[];
  /** Where its ASGs were last set. */
  asgsAt?: Offsets;
}

export interface NicObject extends Tracked {
  nsg: string | null;
  nsgAt?: Offsets;
  ipConfigurations: IpConfigObject[];
}

/** A VM being configured (New-AzVMConfig, Add-AzVMNetworkInterface) before New-AzVM creates it. */
export interface VmConfig {
  name: string;
  nameAt: Offsets;
  /** NIC names, the primary first. */
  nics: string[];
  nicsAt?: Offsets;
}

/** A reference Azure returns inside another object: `$subnet.NetworkSecurityGroup` holds only an Id. */
export interface ResourceRef {
  id: string;
}

export type PsValue =
  | { kind: "string"; text: string; at: Offsets }
  | { kind: "bool"; value: boolean; at: Offsets }
  | { kind: "null"; at: Offsets }
  | { kind: "rule"; entry: RuleEntry; at: Offsets }
  | { kind: "nsg"; nsg: NsgObject; at: Offsets }
  | { kind: "asg"; id: string; at: Offsets }
  | { kind: "vnet"; vnet: VnetObject; at: Offsets }
  | { kind: "subnet"; subnet: SubnetConfig; vnet?: VnetObject; at: Offsets }
  | { kind: "nic"; nic: NicObject; at: Offsets }
  | { kind: "ipconfig"; ipconfig: IpConfigObject; nic: NicObject; at: Offsets }
  | { kind: "ref"; ref: ResourceRef; at: Offsets }
  | { kind: "publicip"; name: string; resourceGroup?: string; at: Offsets }
  | { kind: "vmconfig"; vm: VmConfig; at: Offsets }
  /** What Test-AzNetworkWatcherIPFlow returns: Azure's answer, known only when it runs. */
  | { kind: "ipflow"; at: Offsets }
  | { kind: "hashtable"; entries: Map<string, HashValue>; at: Offsets }
  | { kind: "block"; block: Extract<Expr, { kind: "block" }>; at: Offsets }
  /**
   * A list; `live` says whose list it is when it is an object's own (`$nsg.SecurityRules`), so
   * `.Add()`, `.Remove()` and `+=` change that object.
   */
  | { kind: "array"; items: PsValue[]; at: Offsets; live?: LiveList };

export type LiveList =
  | { kind: "rules"; nsg: NsgObject }
  | { kind: "subnets"; vnet: VnetObject }
  | { kind: "ipconfigs"; nic: NicObject };

export interface HashValue {
  key: string;
  keyAt: Offsets;
  value: PsValue;
}

export type Variables = Map<string, PsValue>;

/**
 * A value's items (a lone value is a list of one, $null none). Lists are kept flat and without
 * $null: arrayOf joins lists of lists when they are made, as PowerShell does when it passes them
 * to a parameter, so no value nests and this costs nothing.
 */
export function itemsOf(value: PsValue): PsValue[] {
  if (value.kind !== "array") return value.kind === "null" ? [] : [value];
  return value.items;
}

/** Adds `items` to the end of `out` (one by one: spreading a long list into push() overflows the stack). */
export function append(out: PsValue[], items: readonly PsValue[]): void {
  for (const item of items) out.push(item);
}

/** A list of values, lists among them joined into it and $null left out. */
export function arrayOf(values: readonly PsValue[], at: Offsets): PsValue {
  return { kind: "array", items: values.flatMap(itemsOf), at };
}

/** The value of a list of outputs: nothing is $null, one is itself, more an array. */
export function collect(items: PsValue[], at: Offsets): PsValue {
  if (items.length === 0) return { kind: "null", at };
  if (items.length === 1) return items[0]!;
  return { kind: "array", items, at };
}

/** PowerShell's truth: $null, $false, "" and an empty list are false; a list of one is its item's truth. */
export function isTrue(value: PsValue): boolean {
  switch (value.kind) {
    case "null":
      return false;
    case "bool":
      return value.value;
    case "string":
      return value.text !== "";
    case "array":
      return value.items.length === 1 ? isTrue(value.items[0]!) : value.items.length > 0;
    default:
      return true;
  }
}

export const withAt = (value: PsValue, at: Offsets): PsValue => ({ ...value, at });

/** What a value is, in words, for messages. */
export function describe(value: PsValue): string {
  switch (value.kind) {
    case "string":
      return `"${value.text.length > 40 ? `${value.text.slice(0, 40)}…` : value.text}"`;
    case "bool":
      return value.value ? "$true" : "$false";
    case "null":
      return "$null";
    case "rule":
      return `rule "${String(value.entry.rule.name)}"`;
    case "nsg":
      return `NSG "${value.nsg.name}"`;
    case "asg":
      return "an application security group";
    case "vnet":
      return `VNet "${value.vnet.name}"`;
    case "subnet":
      return `subnet "${value.subnet.name}"`;
    case "nic":
      return `NIC "${value.nic.name}"`;
    case "ipconfig":
      return `IP configuration "${value.ipconfig.name}"`;
    case "ref":
      return "a resource reference";
    case "publicip":
      return `public IP "${value.name}"`;
    case "vmconfig":
      return `VM configuration "${value.vm.name}"`;
    case "ipflow":
      return "an IP flow verify result";
    case "hashtable":
      return "a hashtable";
    case "block":
      return "a script block";
    case "array":
      return `a list of ${value.items.length}`;
  }
}
