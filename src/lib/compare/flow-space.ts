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

/** Inclusive runs of cell indices, ascending. */
export type CellRuns = [number, number][];

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
  cells: readonly AddressRange[],
  rules: readonly CompiledRule[],
  family: 4 | 6,
): Map<AddressSet, CellRuns> {
  // A loop, not Float64Array.from(cells, mapping): that takes the iterator's slow path.
  let starts4: Float64Array | undefined;
  if (family === 4) {
    starts4 = new Float64Array(cells.length);
    for (let c = 0; c < cells.length; c++) starts4[c] = Number(cells[c]!.lo);
  }
  const starts6 = family === 6 ? cells.map((c) => BigInt(c.lo)) : undefined;
  const bySet = new Map<AddressSet, CellRuns>();
  const add = (set: AddressSet) => {
    if (bySet.has(set)) return;
    const runs: CellRuns = [];
    if (starts4) {
      const flat = set.v4;
      for (let i = 0; i < flat.length; i += 2)
        runs.push([cellAtV4(starts4, flat[i]!), cellAtV4(starts4, flat[i + 1]!)]);
    } else if (starts6) {
      const flat = set.v6;
      for (let i = 0; i < flat.length; i += 2)
        runs.push([cellAtV6(starts6, flat[i]!), cellAtV6(starts6, flat[i + 1]!)]);
    }
    bySet.set(set, runs);
  };
  for (const rule of rules) {
    add(rule.sourceAddresses);
    add(rule.destinationAddresses);
  }
  return bySet;
}

/** The runs of 0..count-1 outside `runs` (sorted, disjoint). */
function complementRuns(runs: CellRuns, count: number): CellRuns {
  const out: CellRuns = [];
  let next = 0;
  for (const [first, last] of runs) {
    if (first > next) out.push([next, first - 1]);
    next = last + 1;
  }
  if (next < count) out.push([next, count - 1]);
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
  cells: readonly AddressRange[],
  isNicAddress: (cell: AddressRange) => boolean,
  runs: ReadonlyMap<AddressSet, CellRuns>,
  family: 4 | 6,
): AddressGroup[] {
  const classOf = new Int32Array(cells.length);
  let classes = 1;
  cells.forEach((cell, c) => {
    if (family === 4 && cell.lo === cell.hi && HOST_ADDRESSES.some((a) => a.value === cell.lo))
      classOf[c] = classes++;
  });
  // The class each class was split into by the current set (valid where `splitBy` is that set).
  // Typed arrays, grown by doubling: plain arrays written at scattered indices go holey and slow.
  let splitInto: Int32Array = new Int32Array(2 * cells.length + 16);
  let splitBy: Int32Array = new Int32Array(splitInto.length);
  let setNumber = 0;
  for (const held of runs.values()) {
    setNumber++;
    let count = 0;
    for (const [first, last] of held) count += last - first + 1;
    const splitter = 2 * count > cells.length ? complementRuns(held, cells.length) : held;
    for (const [first, last] of splitter) {
      for (let c = first; c <= last; c++) {
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
  const groups = new Map<number, AddressGroup>();
  cells.forEach((cell, c) => {
    if (isNicAddress(cell)) return;
    let group = groups.get(classOf[c]!);
    if (!group) groups.set(classOf[c]!, (group = { family, cells: [] }));
    group.cells.push(c);
  });
  return [...groups.values()];
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
  const nicAddresses = new Set<string>();
  for (const evaluator of networks) {
    for (const tags of evaluator.network.tagsByVnet.values())
      for (const set of [tags.virtualNetwork, tags.internet, tags.azureLoadBalancer])
        addSet(cuts4, cuts6, set);
    for (const nic of evaluator.network.nicsByName.values()) {
      for (const ip of [nic.privateIp, nic.publicIp]) {
        addIp(cuts4, cuts6, ip);
        if (ip) nicAddresses.add(`${ip.family}:${ip.value}`);
      }
    }
  }
  for (const ip of HOST_ADDRESSES) addIp(cuts4, cuts6, ip);
  for (const rule of rules) {
    addSet(cuts4, cuts6, rule.sourceAddresses);
    addSet(cuts4, cuts6, rule.destinationAddresses);
  }
  const addresses = {
    4: cuts4.cells().map(([lo, hi]): AddressRange => ({ family: 4, lo, hi })),
    6: cuts6.cells().map(([lo, hi]): AddressRange => ({ family: 6, lo, hi })),
  };
  const isNicAddress = (cell: AddressRange) =>
    cell.lo === cell.hi && nicAddresses.has(`${cell.family}:${cell.lo}`);
  const cellRuns = { 4: runsBySet(addresses[4], rules, 4), 6: runsBySet(addresses[6], rules, 6) };
  return {
    rules,
    addresses,
    cellRuns,
    outsideGroups: [
      ...groupOutside(addresses[4], isNicAddress, cellRuns[4], 4),
      ...groupOutside(addresses[6], isNicAddress, cellRuns[6], 6),
    ],
  };
}
