import type { AddressSet } from "../nsg/address-set.ts";
import type { CompiledRule } from "../nsg/compile.ts";
import type { Evaluator } from "../nsg/evaluator.ts";
import { HOST_SERVICE_ADDRESSES } from "../nsg/host-services.ts";
import { formatV4, formatV6, parseIp, type IpAddress } from "../nsg/ip.ts";
import type { NicPlacement } from "../nsg/network.ts";
import { Cuts, stepBigint, stepNumber } from "./cuts.ts";

/**
 * The space of flows two networks are compared over, cut into cells on which every rule involved
 * gives one answer. A rule matches a packet when each of its fields matches, so a field's value
 * matters only through which side of every rule boundary it falls: cutting each dimension at
 * all the boundaries of all the rules (of both networks, defaults and tags included) yields cells
 * whose every packet is judged alike. Comparing one packet per cell is exact.
 *
 * Two refinements keep it small. Outside addresses that every rule treats alike (the same rules
 * hold them as source and as destination) form one group, evaluated once. And a group's ports
 * are cut only at the boundaries of the rules that hold its addresses: no other rule can match
 * (port-cells.ts).
 */

/** A run of addresses of one family, inclusive. */
export interface AddressRange {
  family: 4 | 6;
  lo: number | bigint;
  hi: number | bigint;
}

/** One address of a range, as text. */
export const formatAddress = (family: 4 | 6, value: number | bigint): string =>
  family === 4 ? formatV4(value) : formatV6(BigInt(value));

/** An address set as ranges, IPv4 first. */
export const rangesOfSet = (set: AddressSet): AddressRange[] => [
  ...Array.from({ length: set.v4.length / 2 }, (_, i): AddressRange => ({
    family: 4,
    lo: set.v4[2 * i]!,
    hi: set.v4[2 * i + 1]!,
  })),
  ...Array.from({ length: set.v6.length / 2 }, (_, i): AddressRange => ({
    family: 6,
    lo: set.v6[2 * i]!,
    hi: set.v6[2 * i + 1]!,
  })),
];

const IPV4_MAX = 0xffffffff;
const IPV6_MAX = (1n << 128n) - 1n;

/** Host service addresses: cells and groups of their own, since NSGs treat their traffic apart. */
const HOST_ADDRESSES: readonly IpAddress[] = HOST_SERVICE_ADDRESSES.flatMap((text) => {
  const parsed = parseIp(text);
  return parsed.ok ? [parsed.value] : [];
});

/** Outside addresses that every rule treats alike: one is evaluated for all. */
export interface AddressGroup {
  family: 4 | 6;
  /** Indices into the family's cells, ascending. */
  cells: number[];
}

export interface FlowSpace {
  /** Every compiled rule on the compared NICs' NSGs, in both networks. */
  rules: CompiledRule[];
  /** Address cells per family (each NIC address is a cell of its own). */
  addresses: { 4: AddressRange[]; 6: AddressRange[] };
  /** The cells each address set of the rules holds, per family. */
  cellRuns: { 4: ReadonlyMap<AddressSet, CellRuns>; 6: ReadonlyMap<AddressSet, CellRuns> };
  /** Groups of the cells outside the scenario (NIC addresses left out). */
  outsideGroups: AddressGroup[];
}

function addSet(cuts4: Cuts<number>, cuts6: Cuts<bigint>, set: AddressSet): void {
  for (let i = 0; i < set.v4.length; i += 2) cuts4.interval(set.v4[i]!, set.v4[i + 1]!);
  for (let i = 0; i < set.v6.length; i += 2) cuts6.interval(set.v6[i]!, set.v6[i + 1]!);
}

function addIp(cuts4: Cuts<number>, cuts6: Cuts<bigint>, ip: IpAddress | undefined): void {
  if (ip?.family === 4) cuts4.interval(ip.value, ip.value);
  else if (ip?.family === 6) cuts6.interval(ip.value, ip.value);
}

/** Every compiled rule of every NSG on these NICs, from each NIC's own VNet (tags resolve per VNet). */
function rulesOn(evaluator: Evaluator, nics: readonly NicPlacement[]): CompiledRule[] {
  const rules = new Set<CompiledRule>();
  for (const nic of nics) {
    for (const nsg of [nic.nicNsg, nic.subnetNsg]) {
      const compiled = nsg !== undefined ? evaluator.cache.get(nsg, nic.vnet.name) : undefined;
      if (compiled) for (const rule of [...compiled.inbound, ...compiled.outbound]) rules.add(rule);
    }
  }
  return [...rules];
}

/** Every compiled rule on these NICs' NSGs, in any of the networks, each once: what a flow space cuts at. */
export const comparedRules = (
  networks: readonly Evaluator[],
  nics: readonly NicPlacement[],
): CompiledRule[] => [...new Set(networks.flatMap((n) => rulesOn(n, nics)))];

/** Whether an address set holds every address of a family (`*`, or a union that adds up to it). */
export function holdsEveryAddress(set: AddressSet, family: 4 | 6): boolean {
  const flat: ArrayLike<number | bigint> = family === 4 ? set.v4 : set.v6;
  return (
    flat.length === 2 &&
    flat[0] === (family === 4 ? 0 : 0n) &&
    flat[1] === (family === 4 ? IPV4_MAX : IPV6_MAX)
  );
}

/**
 * The lowest address of a family that is no NIC's in any of the networks: the first address of
 * the flow space's first outside group (cells start at 0, and each NIC address is a cell of its
 * own), known without building the cells.
 */
export function lowestOutsideAddress(networks: readonly Evaluator[], family: 4 | 6): number | bigint {
  const taken = new Set<number | bigint>();
  for (const evaluator of networks)
    for (const nic of evaluator.network.nicsByName.values())
      for (const ip of [nic.privateIp, nic.publicIp]) if (ip?.family === family) taken.add(ip.value);
  let value: number | bigint = family === 4 ? 0 : 0n;
  while (taken.has(value)) value = typeof value === "number" ? value + 1 : value + 1n;
  return value;
}

/**
 * Inclusive runs of cell indices, ascending, flat: [first0, last0, first1, last1, …]. A plain
 * array: thousands of small typed arrays cost more to allocate than they save.
 */
export type CellRuns = readonly number[];

const NO_RUNS: CellRuns = [];

/**
 * The index of the last cell starting at or before `value` (`starts` ascending, from 0). One
 * search per family: one shared by numbers and bigints compares generically, and slower.
 * IPv4's steps down by halving strides from the largest power of two within the cells.
 */
function cellAtV4(starts: Float64Array, value: number): number {
  let at = 0;
  for (let stride = 1 << (31 - Math.clz32(starts.length)); stride >= 1; stride >>= 1)
    if (at + stride < starts.length && starts[at + stride]! <= value) at += stride;
  return at;
}

function cellAtV6(starts: readonly bigint[], value: bigint): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The runs of cells each of the rules' address sets holds, each set once: rules share sets (a
 * tag's, `*`, a prefix's from the memo), and grouping and the port sweep both read them.
 */
function runsBySet(
  starts: Float64Array | readonly bigint[],
  sets: ReadonlySet<AddressSet>,
): Map<AddressSet, CellRuns> {
  const bySet = new Map<AddressSet, CellRuns>();
  for (const set of sets)
    bySet.set(set, starts instanceof Float64Array ? runsV4(starts, set.v4) : runsV6(starts, set.v6));
  return bySet;
}

// One function per family: one element kind each, so the searches they inline stay monomorphic.
function runsV4(starts: Float64Array, flat: Float64Array): CellRuns {
  if (flat.length === 0) return NO_RUNS;
  const runs = [cellAtV4(starts, flat[0]!)];
  // A set's bounds ascend and mostly lie a few cells apart (a prefix's end near its start): each
  // is found by galloping on from the last, over memory just read, not by a search from the top.
  for (let i = 1; i < flat.length; i++) runs.push(cellAtV4From(starts, flat[i]!, runs[i - 1]!));
  return runs;
}

/** `cellAtV4` for a value whose cell is `from` or later: strides doubling from `from`, then halving. */
function cellAtV4From(starts: Float64Array, value: number, from: number): number {
  let at = from;
  let stride = 1;
  while (at + stride < starts.length && starts[at + stride]! <= value) {
    at += stride;
    stride *= 2;
  }
  for (stride >>= 1; stride >= 1; stride >>= 1)
    if (at + stride < starts.length && starts[at + stride]! <= value) at += stride;
  return at;
}

function runsV6(starts: readonly bigint[], flat: readonly bigint[]): CellRuns {
  if (flat.length === 0) return NO_RUNS;
  const runs: number[] = [];
  for (let i = 0; i < flat.length; i++) runs.push(cellAtV6(starts, flat[i]!));
  return runs;
}

/** The runs of 0..count-1 outside `runs` (sorted, disjoint). */
function complementRuns(runs: CellRuns, count: number): CellRuns {
  const out: number[] = [];
  let next = 0;
  for (let i = 0; i < runs.length; i += 2) {
    if (runs[i]! > next) out.push(next, runs[i]! - 1);
    next = runs[i + 1]! + 1;
  }
  if (next < count) out.push(next, count - 1);
  return out;
}

/**
 * The cells grouped by which of the rules' address sets hold them (cells held by the same sets
 * are held by the same rules, as source and as destination), each host service address apart.
 * By partition refinement: each set splits every class into its cells inside and outside. A set
 * and its complement split alike, so each set walks whichever of the two has fewer cells: `*`
 * and Internet hold nearly every cell and cost almost nothing. (One bit per rule per cell, as
 * before, was cells × rules: seconds for an NSG of 8,000 rules.)
 */
function groupOutside(
  starts: Float64Array | readonly bigint[],
  isNicAddress: (c: number) => boolean,
  runs: ReadonlyMap<AddressSet, CellRuns>,
  family: 4 | 6,
): AddressGroup[] {
  const cellCount = starts.length;
  const classOf = new Int32Array(cellCount);
  let classes = 1;
  // Each host address is a cell of its own (flowSpace cuts them): found by search, not per cell.
  if (family === 4)
    for (const ip of HOST_ADDRESSES) {
      const c = cellAtV4(starts as Float64Array, ip.value as number);
      if (classOf[c] === 0) classOf[c] = classes++;
    }
  // The class each class was split into by the current set (valid where `splitBy` is that set).
  // Typed arrays, grown by doubling: plain arrays written at scattered indices go holey and slow.
  let splitInto: Int32Array = new Int32Array(2 * cellCount + 16);
  let splitBy: Int32Array = new Int32Array(splitInto.length);
  let setNumber = 0;
  for (const held of runs.values()) {
    setNumber++;
    let count = 0;
    for (let i = 0; i < held.length; i += 2) count += held[i + 1]! - held[i]! + 1;
    const splitter = 2 * count > cellCount ? complementRuns(held, cellCount) : held;
    for (let i = 0; i < splitter.length; i += 2) {
      for (let c = splitter[i]!, last = splitter[i + 1]!; c <= last; c++) {
        const old = classOf[c]!;
        if (splitBy[old] !== setNumber) {
          if (classes === splitInto.length) [splitInto, splitBy] = [grown(splitInto), grown(splitBy)];
          splitBy[old] = setNumber;
          splitInto[old] = classes++;
        }
        classOf[c] = splitInto[old]!;
      }
    }
  }
  // Groups in the order of their first cells.
  const groupOf = new Int32Array(classes).fill(-1);
  const groups: AddressGroup[] = [];
  for (let c = 0; c < cellCount; c++) {
    if (isNicAddress(c)) continue;
    const k = classOf[c]!;
    if (groupOf[k]! < 0) {
      groupOf[k] = groups.length;
      groups.push({ family, cells: [] });
    }
    groups[groupOf[k]!]!.cells.push(c);
  }
  return groups;
}

/** The same numbers in twice the room. */
function grown(numbers: Int32Array): Int32Array {
  const more = new Int32Array(2 * numbers.length);
  more.set(numbers);
  return more;
}

/** The cells for comparing two networks on the flows that cross these NICs' NSGs. */
export function flowSpace(
  networks: readonly Evaluator[],
  nics: readonly NicPlacement[],
  rules: CompiledRule[] = comparedRules(networks, nics),
): FlowSpace {
  const cuts4 = new Cuts(0, IPV4_MAX, stepNumber);
  const cuts6 = new Cuts(0n, IPV6_MAX, stepBigint);
  const nicAddresses = { 4: new Set<number | bigint>(), 6: new Set<number | bigint>() };
  for (const evaluator of networks) {
    for (const tags of evaluator.network.tagsByVnet.values())
      for (const set of [tags.virtualNetwork, tags.internet, tags.azureLoadBalancer])
        addSet(cuts4, cuts6, set);
    for (const nic of evaluator.network.nicsByName.values()) {
      for (const ip of [nic.privateIp, nic.publicIp]) {
        addIp(cuts4, cuts6, ip);
        if (ip) nicAddresses[ip.family].add(ip.value);
      }
    }
  }
  for (const ip of HOST_ADDRESSES) addIp(cuts4, cuts6, ip);
  // Rules share sets (a tag's, `*`, a prefix's from the memo): each cuts once.
  const sets = new Set<AddressSet>();
  for (const rule of rules) sets.add(rule.sourceAddresses).add(rule.destinationAddresses);
  for (const set of sets) addSet(cuts4, cuts6, set);
  const starts = { 4: cuts4.starts() as Float64Array, 6: cuts6.starts() as readonly bigint[] };
  const addresses = {
    4: cellsOf(starts[4], IPV4_MAX, 4, (v) => v - 1),
    6: cellsOf(starts[6], IPV6_MAX, 6, (v) => v - 1n),
  };
  // A NIC address is a cell of its own (cut above): a one-address cell in the NICs' set.
  const nicCell = (family: 4 | 6) => (c: number) => {
    const cell = addresses[family][c]!;
    return cell.lo === cell.hi && nicAddresses[family].has(cell.lo);
  };
  const cellRuns = { 4: runsBySet(starts[4], sets), 6: runsBySet(starts[6], sets) };
  return {
    rules,
    addresses,
    cellRuns,
    outsideGroups: [
      ...groupOutside(starts[4], nicCell(4), cellRuns[4], 4),
      ...groupOutside(starts[6], nicCell(6), cellRuns[6], 6),
    ],
  };
}

/** The cells from where they start: each ends right before the next starts, the last at `max`. */
function cellsOf<T extends number | bigint>(
  starts: ArrayLike<T>,
  max: T,
  family: 4 | 6,
  before: (value: T) => T,
): AddressRange[] {
  const cells: AddressRange[] = [];
  for (let i = 0; i < starts.length; i++)
    cells.push({ family, lo: starts[i]!, hi: i + 1 < starts.length ? before(starts[i + 1]!) : max });
  return cells;
}
