import { isSubset } from "../nsg/address-set.ts";
import type { CompiledRule } from "../nsg/compile.ts";
import type { PortInterval } from "../nsg/ports.ts";

/** True when every port of `inner` lies in `outer`. */
export function portsCover(outer: readonly PortInterval[], inner: readonly PortInterval[]): boolean {
  if (outer.length === 1) {
    const [mlo, mhi] = outer[0]!;
    for (const [lo, hi] of inner) if (lo < mlo || hi > mhi) return false;
    return true;
  }
  const merged = [...outer]
    .sort((a, b) => a[0] - b[0])
    .reduce<[number, number][]>((acc, [lo, hi]) => {
      const last = acc[acc.length - 1];
      if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
      else acc.push([lo, hi]);
      return acc;
    }, []);
  return inner.every(([lo, hi]) => merged.some(([mlo, mhi]) => lo >= mlo && hi <= mhi));
}

/**
 * True when every packet `later` could match is already matched by `earlier`, so `later` can
 * never decide anything. Ports only count for TCP/UDP packets (Azure ignores them otherwise),
 * so an ICMP-only rule is covered by any earlier rule with matching protocol and addresses.
 */
export function covers(earlier: CompiledRule, later: CompiledRule): boolean {
  const a = earlier.rule;
  const b = later.rule;
  if (a.direction !== b.direction) return false;
  if (a.protocol !== "*" && a.protocol !== b.protocol) return false;
  // Cheapest tests first: this runs for every pair of rules in an NSG.
  const laterCarriesPorts = b.protocol === "*" || b.protocol === "Tcp" || b.protocol === "Udp";
  if (
    laterCarriesPorts &&
    !(
      portsCover(earlier.destinationPorts, later.destinationPorts) &&
      portsCover(earlier.sourcePorts, later.sourcePorts)
    )
  )
    return false;
  return (
    isSubset(later.sourceAddresses, earlier.sourceAddresses) &&
    isSubset(later.destinationAddresses, earlier.destinationAddresses)
  );
}
