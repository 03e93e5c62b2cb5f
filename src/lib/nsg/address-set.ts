/**
 * A set of IP addresses as sorted, disjoint, inclusive intervals, one list per family.
 * Every address form a rule can hold (CIDR, single IP, service tag, ASG) compiles to one of
 * these, so matching is a binary search no matter where the addresses came from.
 * IPv4 uses plain numbers (fast path); IPv6 uses bigint.
 */
export interface AddressSet {
  readonly v4: Float64Array; // [lo0, hi0, lo1, hi1, ...]
  readonly v6: readonly bigint[]; // same layout
}

export const IPV4_MAX = 0xffffffff;

/** The IPv6 part of a set with none: shared, since sets are never changed once made. */
export const NO_V6: readonly bigint[] = Object.freeze([]);
export const IPV6_MAX = (1n << 128n) - 1n;

type Interval<T> = [T, T];

function normalize<T extends number | bigint>(intervals: Interval<T>[], one: T): Interval<T>[] {
  const sorted = [...intervals].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const merged: Interval<T>[] = [];
  for (const [lo, hi] of sorted) {
    const last = merged[merged.length - 1];
    // Merge overlapping and adjacent intervals (hi + 1 === lo).
    if (last && (lo as bigint) <= (last[1] as bigint) + (one as bigint)) {
      if (hi > last[1]) last[1] = hi;
    } else {
      merged.push([lo, hi]);
    }
  }
  return merged;
}

export function addressSet(v4: Interval<number>[] = [], v6: Interval<bigint>[] = []): AddressSet {
  return {
    v4: Float64Array.from(normalize(v4, 1).flat()),
    v6: normalize(v6, 1n).flat(),
  };
}

export const EMPTY_SET: AddressSet = addressSet();
export const ALL_ADDRESSES: AddressSet = addressSet([[0, IPV4_MAX]], [[0n, IPV6_MAX]]);

function pairs<T>(flat: ArrayLike<T>): Interval<T>[] {
  const out: Interval<T>[] = [];
  for (let i = 0; i < flat.length; i += 2) out.push([flat[i] as T, flat[i + 1] as T]);
  return out;
}

export function union(...sets: AddressSet[]): AddressSet {
  // Sets are built normalized and never mutated, so one set is its own union (the common case:
  // a rule side with one prefix).
  if (sets.length === 1) return sets[0]!;
  // Most rules hold no IPv6 address: no pairs to build and sort for them.
  const v6 = sets.some((s) => s.v6.length > 0)
    ? normalize(
        sets.flatMap((s) => pairs(s.v6)),
        1n,
      ).flat()
    : [];
  return { v4: unionV4(sets), v6 };
}

/**
 * The IPv4 intervals of `sets`, merged as `normalize` merges them, but in typed arrays: compiling
 * a rule with a list of prefixes would otherwise make a pair array per prefix.
 */
function unionV4(sets: readonly AddressSet[]): Float64Array {
  let count = 0;
  for (const set of sets) count += set.v4.length / 2;
  const los = new Float64Array(count);
  const his = new Float64Array(count);
  let at = 0;
  for (const set of sets) {
    for (let i = 0; i < set.v4.length; i += 2, at++) {
      los[at] = set.v4[i]!;
      his[at] = set.v4[i + 1]!;
    }
  }
  const order = new Uint32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  order.sort((a, b) => los[a]! - los[b]!);
  const merged: number[] = [];
  for (const i of order) {
    const hi = merged.length - 1; // the last interval's end, when there is one
    // Overlapping and adjacent intervals (hi + 1 === lo) merge.
    if (merged.length > 0 && los[i]! <= merged[hi]! + 1) merged[hi] = Math.max(merged[hi]!, his[i]!);
    else merged.push(los[i]!, his[i]!);
  }
  return Float64Array.from(merged);
}

function subtractFamily<T extends number | bigint>(
  from: Interval<T>[],
  remove: Interval<T>[],
  one: T,
): Interval<T>[] {
  let current = from;
  for (const [rlo, rhi] of remove) {
    const next: Interval<T>[] = [];
    for (const [lo, hi] of current) {
      if (rhi < lo || rlo > hi) {
        next.push([lo, hi]);
        continue;
      }
      if (rlo > lo) next.push([lo, ((rlo as bigint) - (one as bigint)) as T]);
      if (rhi < hi) next.push([((rhi as bigint) + (one as bigint)) as T, hi]);
    }
    current = next;
  }
  return current;
}

export function subtract(from: AddressSet, remove: AddressSet): AddressSet {
  return addressSet(
    subtractFamily(pairs(from.v4), pairs(remove.v4), 1),
    subtractFamily(pairs(from.v6), pairs(remove.v6), 1n),
  );
}

function containsSorted<T>(flat: ArrayLike<T>, value: T): boolean {
  return intervalHolding(flat, value) >= 0;
}

export function containsV4(set: AddressSet, ip: number): boolean {
  return containsSorted(set.v4, ip);
}

export function containsV6(set: AddressSet, ip: bigint): boolean {
  return containsSorted(set.v6, ip);
}

export const isEmpty = (set: AddressSet): boolean => set.v4.length === 0 && set.v6.length === 0;

/** True when every address of `inner` is in `outer`. */
export function isSubset(inner: AddressSet, outer: AddressSet): boolean {
  return familySubset(inner.v4, outer.v4) && familySubset(inner.v6, outer.v6);
}

/**
 * Sets are merged (adjacent intervals joined), so an inner interval is covered only when one
 * outer interval holds it whole: find the outer interval holding its start, compare the ends.
 * No allocation: rule analysis calls this for every pair of rules.
 */
function familySubset<T extends number | bigint>(inner: ArrayLike<T>, outer: ArrayLike<T>): boolean {
  for (let i = 0; i < inner.length; i += 2) {
    const at = intervalHolding(outer, inner[i]!);
    if (at < 0 || (inner[i + 1] as T) > (outer[at + 1] as T)) return false;
  }
  return true;
}

/** Index (even) of the interval of `flat` that holds `value`, or -1. */
function intervalHolding<T>(flat: ArrayLike<T>, value: T): number {
  let lo = 0;
  let hi = flat.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (value < (flat[mid * 2] as T)) hi = mid - 1;
    else if (value > (flat[mid * 2 + 1] as T)) lo = mid + 1;
    else return mid * 2;
  }
  return -1;
}
