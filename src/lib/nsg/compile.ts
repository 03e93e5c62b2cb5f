import { ALL_ADDRESSES, EMPTY_SET, NO_V6, union, type AddressSet } from "./address-set.ts";
import { DEFAULT_RULES } from "./default-rules.ts";
import { AddressSetBuilder } from "./address-set-builder.ts";
import { parseCidrOrIp, plainV4Range } from "./ip.ts";
import type { Network, TagSets } from "./network.ts";
import { ANY_PORT, parsePortSpec, type PortInterval } from "./ports.ts";
import type { SecurityRule } from "./rule-schema.ts";
import { builtInTag, isPlatformServiceTag, type PlatformServiceTag } from "./service-tags.ts";
import type { Direction } from "./vocabulary.ts";

/**
 * A rule turned into sets that a packet can be tested against directly. Compiled once per NSG
 * and VNet (tags like VirtualNetwork mean different things from different VNets), never per flow.
 */
export interface CompiledRule {
  rule: SecurityRule;
  isDefault: boolean;
  sourceAddresses: AddressSet;
  destinationAddresses: AddressSet;
  sourcePorts: readonly PortInterval[];
  destinationPorts: readonly PortInterval[];
  /** The platform services this rule's destination names by tag: only such rules filter them. */
  targetsPlatform: readonly PlatformServiceTag[];
}

export interface CompiledNsg {
  name: string;
  inbound: readonly CompiledRule[];
  outbound: readonly CompiledRule[];
}

function resolveAddress(value: string, tags: TagSets, network: Network): AddressSet {
  if (value === "*") return ALL_ADDRESSES;
  // A tag starts with a letter: a prefix starting with a digit (most of them) is an address.
  const first = value.charCodeAt(0);
  if (first >= 48 && first <= 57) return addressOf(value);
  const tag = builtInTag(value);
  if (tag === "VirtualNetwork") return tags.virtualNetwork;
  if (tag === "Internet") return tags.internet;
  if (tag === "AzureLoadBalancer") return tags.azureLoadBalancer;
  // A platform tag names a host service, not an address: only that service's traffic meets the
  // rule (match.ts, firstTargeting), so for everything else it matches nothing.
  if (isPlatformServiceTag(tag)) return EMPTY_SET;
  const custom = network.customTags.get(value.toLowerCase());
  if (custom) return custom;
  return addressOf(value);
}

/** An address or CIDR as a set: a plain IPv4 one read directly, which is quicker than the memo. */
function addressOf(value: string): AddressSet {
  const range = plainV4Range(value);
  if (range) return { v4: Float64Array.of(range[0], range[1]), v6: NO_V6 };
  const parsed = parseCidrOrIp(value);
  return parsed.ok ? parsed.value : EMPTY_SET;
}

/** A side's fields, named once: a key built per call is a new string to look up every time. */
const SIDE_FIELDS = {
  source: { asgs: "sourceApplicationSecurityGroups", prefixes: "sourceAddressPrefixes" },
  destination: { asgs: "destinationApplicationSecurityGroups", prefixes: "destinationAddressPrefixes" },
} as const;

function compileSide(
  rule: SecurityRule,
  side: "source" | "destination",
  tags: TagSets,
  network: Network,
): AddressSet {
  const fields = SIDE_FIELDS[side];
  const asgs = rule[fields.asgs];
  if (asgs.length > 0) return union(...asgs.map((a) => network.asgMembers.get(a) ?? EMPTY_SET));
  const prefixes = rule[fields.prefixes];
  if (prefixes.length === 1) return resolveAddress(prefixes[0]!, tags, network);
  for (const prefix of prefixes) {
    const range = plainV4Range(prefix);
    if (range) sides.addV4(range[0], range[1]);
    else sides.add(resolveAddress(prefix, tags, network));
  }
  return sides.build();
}

/** One builder for every side with several prefixes: compiling is synchronous, one side at a time. */
const sides = new AddressSetBuilder();

/** Shared by every rule that has them (compiled rules are never changed): most rules do. */
const ANY_PORTS: readonly PortInterval[] = [ANY_PORT];
const NO_PLATFORM_TARGETS: readonly PlatformServiceTag[] = [];

const compilePorts = (specs: readonly string[]): readonly PortInterval[] =>
  specs.length === 1 && specs[0] === "*"
    ? ANY_PORTS
    : specs.map((s) => {
        const parsed = parsePortSpec(s);
        return parsed.ok ? parsed.value : ANY_PORT;
      });

function platformTargets(prefixes: readonly string[]): readonly PlatformServiceTag[] {
  let targets: PlatformServiceTag[] | undefined;
  for (const prefix of prefixes) {
    const tag = builtInTag(prefix);
    if (isPlatformServiceTag(tag)) (targets ??= []).push(tag);
  }
  return targets ?? NO_PLATFORM_TARGETS;
}

export function compileRule(
  rule: SecurityRule,
  isDefault: boolean,
  tags: TagSets,
  network: Network,
): CompiledRule {
  return {
    rule,
    isDefault,
    sourceAddresses: compileSide(rule, "source", tags, network),
    destinationAddresses: compileSide(rule, "destination", tags, network),
    sourcePorts: compilePorts(rule.sourcePortRanges),
    destinationPorts: compilePorts(rule.destinationPortRanges),
    targetsPlatform: platformTargets(rule.destinationAddressPrefixes),
  };
}

function compileDirection(
  rules: readonly SecurityRule[],
  direction: Direction,
  tags: TagSets,
  network: Network,
): CompiledRule[] {
  const custom = rules
    .filter((r) => r.direction === direction)
    .map((r) => compileRule(r, false, tags, network));
  const defaults = DEFAULT_RULES.filter((r) => r.direction === direction).map((r) =>
    compileRule(r, true, tags, network),
  );
  // Lowest number first. Priorities are unique per direction, so array order never matters.
  return [...custom, ...defaults].sort((a, b) => a.rule.priority - b.rule.priority);
}

export function compileNsg(
  name: string,
  rules: readonly SecurityRule[],
  tags: TagSets,
  network: Network,
): CompiledNsg {
  return {
    name,
    inbound: compileDirection(rules, "Inbound", tags, network),
    outbound: compileDirection(rules, "Outbound", tags, network),
  };
}
