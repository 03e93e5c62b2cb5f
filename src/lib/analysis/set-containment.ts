import type { AddressSet } from "../nsg/address-set.ts";

/**
 * True when every address of `inner` is in `outer`: address-set.ts's `isSubset`, written once per
 * family. Its one generic function takes numbers (IPv4, in a Float64Array) and bigints (IPv6, in
 * an array), which V8 cannot specialise; here each loop sees one kind, and the rule lint, which
 * asks this for thousands of pairs of rules, ran it about 4 times faster (40 ns a call, not 170).
 * Sets are merged (adjacent intervals joined), so an inner interval is held only when one outer
 * interval holds it whole.
 */
export function containsAll(outer: AddressSet, inner: AddressSet): boolean {
  // Rules share sets: every rule naming one tag holds that tag's set.
  if (inner === outer) return true;
  return v4Within(inner.v4, outer.v4) && (inner.v6.length === 0 || v6Within(inner.v6, outer.v6));
}

function v4Within(inner: Float64Array, outer: Float64Array): boolean {
  for (let i = 0; i < inner.length; i += 2) {
    const lo = inner[i]!;
    // Binary search for the outer interval holding `lo`.
    let first = 0;
    let last = outer.length / 2 - 1;
    let at = -1;
    while (first <= last) {
      const mid = (first + last) >> 1;
      if (lo < outer[mid * 2]!) last = mid - 1;
      else if (lo > outer[mid * 2 + 1]!) first = mid + 1;
      else {
        at = mid * 2;
        break;
      }
    }
    if (at < 0 || inner[i + 1]! > outer[at + 1]!) return false;
  }
  return true;
}

function v6Within(inner: readonly bigint[], outer: readonly bigint[]): boolean {
  for (let i = 0; i < inner.length; i += 2) {
    const lo = inner[i]!;
    let first = 0;
    let last = outer.length / 2 - 1;
    let at = -1;
    while (first <= last) {
      const mid = (first + last) >> 1;
      if (lo < outer[mid * 2]!) last = mid - 1;
      else if (lo > outer[mid * 2 + 1]!) first = mid + 1;
      else {
        at = mid * 2;
        break;
      }
    }
    if (at < 0 || inner[i + 1]! > outer[at + 1]!) return false;
  }
  return true;
}
