import { lintNsg, type RuleLint } from "../analysis/lint-rules.ts";
import { probeBlockingRules } from "../analysis/probe-blocking.ts";
import type { Evaluator } from "../nsg/evaluator.ts";
import { findSubnet } from "../nsg/network.ts";

/**
 * Lints for every NSG of a scenario. Tags such as VirtualNetwork mean what the VNet an NSG is
 * attached in says, so each NSG is linted from every VNet it is associated in (findings
 * merged); an NSG attached nowhere is linted from the first VNet, and said to be unattached.
 */
export interface NsgFindings {
  nsg: string;
  /** "subnet vnet/snet", "NIC vm-nic"; empty when the NSG is associated nowhere. */
  attachedTo: string[];
  lints: RuleLint[];
}

export function lintScenario(evaluator: Evaluator): NsgFindings[] {
  const { topology } = evaluator.network;
  const probes = probeBlockingRules(
    evaluator,
    topology.nsgs.map((n) => n.name),
  );
  return topology.nsgs.map((nsg) => {
    const vnets = new Set<string>();
    const attachedTo: string[] = [];
    for (const vnet of topology.vnets) {
      for (const subnet of vnet.subnets) {
        if (subnet.nsg !== nsg.name) continue;
        vnets.add(vnet.name);
        attachedTo.push(`subnet ${vnet.name}/${subnet.name}`);
      }
    }
    for (const vm of topology.vms) {
      for (const nic of vm.nics) {
        if (nic.nsg !== nsg.name) continue;
        const placed = findSubnet(topology, nic.subnet);
        if (placed) vnets.add(placed.vnet.name);
        attachedTo.push(`NIC ${nic.name}`);
      }
    }
    if (vnets.size === 0 && topology.vnets[0]) vnets.add(topology.vnets[0].name);
    const seen = new Set<string>();
    const lints: RuleLint[] = [];
    for (const vnet of vnets) {
      const compiled = evaluator.cache.get(nsg.name, vnet);
      const tags = evaluator.network.tagsByVnet.get(vnet);
      if (!compiled || !tags) continue;
      for (const lint of lintNsg(compiled, tags)) {
        const key = `${lint.kind}|${lint.rule}|${lint.message}`;
        if (seen.has(key)) continue;
        seen.add(key);
        lints.push(lint);
      }
    }
    lints.push(...probes.filter((p) => p.nsg === nsg.name));
    return { nsg: nsg.name, attachedTo, lints };
  });
}

/** "all ports", "22", "80, 443, 1024-65535", "none". */
export function formatPortRanges(ranges: readonly (readonly [number, number])[]): string {
  if (ranges.length === 0) return "none";
  if (ranges.length === 1 && ranges[0]![0] === 0 && ranges[0]![1] === 65535) return "all ports (0-65535)";
  return ranges.map(([lo, hi]) => (lo === hi ? `${lo}` : `${lo}-${hi}`)).join(", ");
}
