import type { CompiledRule } from "../nsg/compile.ts";
import type { Evaluator } from "../nsg/evaluator.ts";
import type { Level } from "../nsg/verdict.ts";
import type { Direction } from "../nsg/vocabulary.ts";
import { toCidrs } from "./cidr-list.ts";

/**
 * The rules that apply to one NIC, level by level in evaluation order, like Azure's
 * "effective security rules" view: inbound subnet then NIC, outbound NIC then subnet,
 * each NSG's rules by priority with the default rules marked and tags expanded to prefixes.
 */
export interface EffectiveRule {
  name: string;
  priority: number;
  access: "Allow" | "Deny";
  protocol: string;
  isDefault: boolean;
  source: string[];
  sourcePorts: string[];
  destination: string[];
  destinationPorts: string[];
  /** Tags and ASGs written as the prefixes they stand for (empty when nothing to expand). */
  expandedSource: string[];
  expandedDestination: string[];
}

export interface EffectiveLevel {
  level: Level;
  nsg: string | null;
  rules: EffectiveRule[];
}

export interface EffectiveRules {
  nic: string;
  vm: string;
  inbound: EffectiveLevel[];
  outbound: EffectiveLevel[];
}

const needsExpansion = (values: readonly string[], asgs: readonly string[]) =>
  asgs.length > 0 || values.some((v) => v !== "*" && !/^[\d.:a-fA-F]+(\/\d+)?$/.test(v));

function effective(c: CompiledRule): EffectiveRule {
  const r = c.rule;
  const side = (s: "source" | "destination") =>
    r[`${s}ApplicationSecurityGroups`].length > 0
      ? r[`${s}ApplicationSecurityGroups`].map((a) => `ASG ${a}`)
      : r[`${s}AddressPrefixes`];
  return {
    name: r.name,
    priority: r.priority,
    access: r.access,
    protocol: r.protocol,
    isDefault: c.isDefault,
    source: side("source"),
    sourcePorts: r.sourcePortRanges,
    destination: side("destination"),
    destinationPorts: r.destinationPortRanges,
    expandedSource: needsExpansion(r.sourceAddressPrefixes, r.sourceApplicationSecurityGroups)
      ? toCidrs(c.sourceAddresses)
      : [],
    expandedDestination: needsExpansion(r.destinationAddressPrefixes, r.destinationApplicationSecurityGroups)
      ? toCidrs(c.destinationAddresses)
      : [],
  };
}

export function effectiveRules(evaluator: Evaluator, nicName: string): EffectiveRules | undefined {
  const placement = evaluator.network.nicsByName.get(nicName);
  if (!placement) return undefined;
  const level = (lvl: Level, direction: Direction): EffectiveLevel => {
    const nsg = (lvl === "subnet" ? placement.subnetNsg : placement.nicNsg) ?? null;
    const compiled = nsg ? evaluator.cache.get(nsg, placement.vnet.name) : undefined;
    const rules = compiled ? (direction === "Inbound" ? compiled.inbound : compiled.outbound) : [];
    return { level: lvl, nsg, rules: rules.map(effective) };
  };
  return {
    nic: nicName,
    vm: placement.vm,
    inbound: [level("subnet", "Inbound"), level("nic", "Inbound")],
    outbound: [level("nic", "Outbound"), level("subnet", "Outbound")],
  };
}
