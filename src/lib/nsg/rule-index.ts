import type { CompiledRule } from "./compile.ts";

/**
 * An index over one NSG direction's rules (already in priority order) by destination port, in
 * space linear in the rules (times the depth of a tree): the port space is cut at every rule's
 * range boundaries into segments, and a segment tree over them keeps each rule in the few nodes
 * that exactly cover its ranges (each node's rules in priority order). A packet's port is a leaf;
 * the rules that can match it are those on the nodes from that leaf to the root, and merging
 * those short sorted lists yields them in priority order, so the first of them that matches is
 * still the first rule overall. (A list per segment, as before, held every wide rule in every
 * segment: 3.3 million entries for 4,000 rules.) Built once per rule list, on first use.
 */
export interface PortIndex {
  /** Segment k covers ports starts[k] .. starts[k + 1] - 1 (the last one up to 65535). */
  starts: Int32Array;
  /** Leaves of the tree: a power of two, at least the number of segments. */
  size: number;
  /** Node n's rules are members[from[n]] .. members[from[n + 1]] - 1, ascending (priority order). */
  from: Int32Array;
  members: Int32Array;
  /**
   * Segments already queried, their candidates merged once into one list (the common case: a
   * grade asks about a handful of ports many times), while the space they take stays within
   * `budget` entries: linear in the rules, however they overlap.
   */
  merged: (Int32Array | undefined)[];
  budget: number;
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

/**
 * How many queries a rule list answers by a plain scan before it is indexed: building the index
 * costs about as much as 60 scans, and a grade asks a large NSG only a few times (its checks'
 * flows, 8 for a 7,994-rule paste), while a batch of flows or the lint asks thousands.
 */
const SCANS_BEFORE_INDEX = 32;
const scans = new WeakMap<readonly CompiledRule[], number>();

/** The list's index once it has been asked often enough to repay building one; else undefined. */
export function portIndexOnceWorthIt(rules: readonly CompiledRule[]): PortIndex | undefined {
  const index = indexes.get(rules);
  if (index) return index;
  const scanned = scans.get(rules) ?? 0;
  if (scanned < SCANS_BEFORE_INDEX) {
    scans.set(rules, scanned + 1);
    return undefined;
  }
  return portIndex(rules);
}

/**
 * Every rule's port ranges as sorted, disjoint spans of segments: rule r's are
 * firsts/lasts[at[r]] .. [at[r + 1] - 1]. Flat typed arrays, not a pair per range: a large NSG
 * has thousands of rules, nearly all with a single range.
 */
function segmentSpans(rules: readonly CompiledRule[], starts: Int32Array) {
  let total = 0;
  for (const rule of rules) total += rule.destinationPorts.length;
  const firsts = new Int32Array(total);
  const lasts = new Int32Array(total);
  const at = new Int32Array(rules.length + 1);
  let count = 0;
  rules.forEach((rule, r) => {
    at[r] = count;
    const ports = rule.destinationPorts;
    const ranges = ports.length === 1 ? ports : [...ports].sort((a, b) => a[0] - b[0]);
    let lastHi = -2;
    for (const [lo, hi] of ranges) {
      // Overlapping or adjacent ranges join, so no rule is listed twice on one path.
      if (count > at[r] && lo <= lastHi + 1) {
        if (hi > lastHi) {
          lastHi = hi;
          lasts[count - 1] = segmentOf(starts, hi);
        }
        continue;
      }
      firsts[count] = segmentOf(starts, lo);
      lasts[count++] = segmentOf(starts, hi);
      lastHi = hi;
    }
  });
  at[rules.length] = count;
  return { firsts, lasts, at };
}

/** The sorted, distinct ports where some rule's ranges start or stop: each segment's start. */
function segmentStarts(rules: readonly CompiledRule[]): Int32Array {
  let total = 1;
  for (const rule of rules) total += 2 * rule.destinationPorts.length;
  const cuts = new Int32Array(total);
  let count = 1; // cuts[0] = 0: the first segment starts at port 0
  for (const rule of rules) {
    for (const [lo, hi] of rule.destinationPorts) {
      cuts[count++] = lo;
      if (hi < 65535) cuts[count++] = hi + 1;
    }
  }
  const sorted = cuts.subarray(0, count).sort();
  let distinct = 0;
  for (let i = 0; i < sorted.length; i++)
    if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[distinct++] = sorted[i]!;
  return sorted.slice(0, distinct);
}

function buildPortIndex(rules: readonly CompiledRule[]): PortIndex {
  const starts = segmentStarts(rules);
  let size = 1;
  while (size < starts.length) size <<= 1;
  const { firsts, lasts, at } = segmentSpans(rules, starts);
  // Two passes over the tree nodes that exactly cover each span (the classic bottom-up walk):
  // count each node's rules, then place them; rules go in order, so each node's list is sorted.
  const from = new Int32Array(2 * size + 1);
  for (let k = 0; k < at[rules.length]!; k++) {
    for (let l = firsts[k]! + size, r = lasts[k]! + size + 1; l < r; l >>= 1, r >>= 1) {
      if (l & 1) from[l++ + 1]!++;
      if (r & 1) from[--r + 1]!++;
    }
  }
  for (let n = 1; n < from.length; n++) from[n]! += from[n - 1]!;
  const members = new Int32Array(from[from.length - 1]!);
  const fill = from.slice(0, -1);
  for (let rule = 0; rule < rules.length; rule++) {
    for (let k = at[rule]!; k < at[rule + 1]!; k++) {
      for (let l = firsts[k]! + size, r = lasts[k]! + size + 1; l < r; l >>= 1, r >>= 1) {
        if (l & 1) members[fill[l++]!++] = rule;
        if (r & 1) members[fill[--r]!++] = rule;
      }
    }
  }
  return { starts, size, from, members, merged: [], budget: 4 * members.length + 4096 };
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

/**
 * One query at a time (evaluation is synchronous and never nests a query inside another), so its
 * state lives here and a query allocates nothing once its segment is merged: a tree is at most
 * 18 levels deep.
 */
const position = new Int32Array(32);
const end = new Int32Array(32);
let lists = 0;
let queried: Int32Array = new Int32Array(0);
/** A merged segment being read: its list and the next place in it. */
let flat: Int32Array | undefined;
let flatAt = 0;

/** The rules on the path from segment k's leaf to the root, as sorted lists to merge. */
function openPath(index: PortIndex, segment: number): void {
  const { from } = index;
  queried = index.members;
  lists = 0;
  for (let n = segment + index.size; n >= 1; n >>= 1) {
    if (from[n + 1]! > from[n]!) {
      position[lists] = from[n]!;
      end[lists] = from[n + 1]!;
      lists++;
    }
  }
}

function mergeNext(): number {
  if (lists === 0) return -1;
  const members = queried;
  let best = 0;
  for (let j = 1; j < lists; j++) if (members[position[j]!]! < members[position[best]!]!) best = j;
  const rule = members[position[best]!]!;
  if (++position[best]! === end[best]) {
    lists--;
    position[best] = position[lists]!;
    end[best] = end[lists]!;
  }
  return rule;
}

/** Starts listing the rules whose destination ports cover `port`; `nextCandidate` yields them. */
export function startCandidates(index: PortIndex, port: number): void {
  const segment = segmentOf(index.starts, port);
  flat = index.merged[segment];
  flatAt = 0;
  if (flat) return;
  openPath(index, segment);
  let count = 0;
  for (let j = 0; j < lists; j++) count += end[j]! - position[j]!;
  if (count > index.budget) return; // merge on the fly instead
  const list = new Int32Array(count);
  for (let i = 0; i < count; i++) list[i] = mergeNext();
  index.merged[segment] = flat = list;
  index.budget -= count;
}

/** The next candidate rule's index in priority order, or -1. */
export function nextCandidate(): number {
  if (flat) return flatAt < flat.length ? flat[flatAt++]! : -1;
  return mergeNext();
}
