import type { CompiledRule } from "./compile.ts";

/**
 * An index over one NSG direction's rules (already in priority order) by destination port.
 * The port space is cut at every rule's range boundaries into segments; each segment lists, in
 * priority order, the rules whose destination ports cover it. A TCP or UDP packet then only tries
 * the rules that can match its port, and the first of those that matches is still the first rule
 * overall — rules left out could never have matched. Built once per rule list, on first use.
 */
export interface PortIndex {
  /** Segment k covers ports starts[k] .. starts[k + 1] - 1 (the last one up to 65535). */
  starts: Int32Array;
  rulesBySegment: Int32Array[];
}

const indexes = new WeakMap<readonly CompiledRule[], PortIndex>();

export function portIndex(rules: readonly CompiledRule[]): PortIndex {
  let index = indexes.get(rules);
  if (!index) {
    index = buildPortIndex(rules);
    indexes.set(rules, index);
  }
  return index;
}

function buildPortIndex(rules: readonly CompiledRule[]): PortIndex {
  const cuts = new Set<number>([0]);
  for (const rule of rules) {
    for (const [lo, hi] of rule.destinationPorts) {
      cuts.add(lo);
      if (hi < 65535) cuts.add(hi + 1);
    }
  }
  const starts = Int32Array.from([...cuts].sort((a, b) => a - b));
  const lists: number[][] = Array.from({ length: starts.length }, () => []);
  rules.forEach((rule, r) => {
    for (const [lo, hi] of rule.destinationPorts) {
      for (let k = segmentOf(starts, lo); k < starts.length && starts[k]! <= hi; k++) {
        const list = lists[k]!;
        // A rule's own ranges may overlap ("80" and "70-90"): list it once per segment.
        if (list[list.length - 1] !== r) list.push(r);
      }
    }
  });
  return { starts, rulesBySegment: lists.map((l) => Int32Array.from(l)) };
}

/** The segment holding `port`: the last start that is <= port. */
export function segmentOf(starts: Int32Array, port: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= port) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
