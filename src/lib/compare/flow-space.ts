import type { AddressSet } from "../nsg/address-set.ts";
import type { CompiledRule } from "../nsg/compile.ts";
import type { Evaluator } from "../nsg/evaluator.ts";
import { HOST_SERVICE_ADDRESSES, HOST_SERVICE_PORTS } from "../nsg/host-services.ts";
import { formatV4, formatV6, parseIp, type IpAddress } from "../nsg/ip.ts";
import type { NicPlacement } from "../nsg/network.ts";
import type { PortInterval } from "../nsg/ports.ts";
import type { FlowProtocol } from "../nsg/vocabulary.ts";

/**
 * The space of flows two networks are compared over, cut into cells on which every rule involved
 * gives one answer. A rule matches a packet when each of its fields matches, so a field's value
 * matters only through which side of every rule boundary it falls: cutting each dimension at
 * all the boundaries of all the rules (of both networks, defaults and tags included) yields cells
 * whose every packet is judged alike. Comparing one packet per cell is exact.
 *
 * Two refinements keep it small. Outside addresses that every rule treats alike (the same rules
 * hold them as source and as destination) form one group, evaluated once. And a group's ports
 * are cut only at the boundaries of the rules that hold its addresses: no other rule can match.
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

/** Cuts recorded as "a new cell starts at this value". */
class Cuts<T extends number | bigint> {
  readonly #starts = new Set<T>();
  readonly min: T;
  readonly max: T;
  readonly #step: (value: T, by: -1 | 1) => T;
  constructor(min: T, max: T, step: (value: T, by: -1 | 1) => T) {
    this.min = min;
    this.max = max;
    this.#step = step;
    this.#starts.add(min);
  }
  /** The interval [lo, hi] starts a cell at lo and another right after hi. */
  interval(lo: T, hi: T): void {
    if (lo > this.min) this.#starts.add(lo);
    if (hi < this.max) this.#starts.add(this.#step(hi, 1));
  }
  cells(): [T, T][] {
    const starts = [...this.#starts].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return starts.map((lo, i) => {
      const next = starts[i + 1];
      const hi = next === undefined ? this.max : this.#step(next, -1);
      return [lo, hi];
    });
  }
}

const stepNumber = (value: number, by: -1 | 1): number => value + by;
const stepBigint = (value: bigint, by: -1 | 1): bigint => value + BigInt(by);
const IPV4_MAX = 0xffffffff;
const IPV6_MAX = (1n << 128n) - 1n;
const PORT_MAX = 65535;
/**
 * Ports the platform treats apart whatever the rules say: outbound TCP 25 is blocked for most
 * subscriptions (platform.ts), and the host services' ports are exempt from NSGs (host-services.ts).
 */
const PLATFORM_PORTS: readonly PortInterval[] = [
  [25, 25],
  ...HOST_SERVICE_PORTS.map((p): PortInterval => [p, p]),
];

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
  /** The rules whose source or destination holds these addresses (indices into `rules`). */
  rules: number[];
}

export interface FlowSpace {
  /** Every compiled rule on the compared NICs' NSGs, in both networks. */
  rules: CompiledRule[];
  /** Address cells per family (each NIC address is a cell of its own). */
  addresses: { 4: AddressRange[]; 6: AddressRange[] };
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

/** The index of the cell holding `value` (cells sorted, contiguous). */
function cellOf(cells: readonly AddressRange[], value: number | bigint): number {
  let lo = 0;
  let hi = cells.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (cells[mid]!.lo <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** For each cell, which rules hold it: bit r of word r >> 5, for the source and the destination role. */
function memberships(
  cells: readonly AddressRange[],
  rules: readonly CompiledRule[],
  family: 4 | 6,
): Uint32Array[] {
  const words = Math.ceil((rules.length * 2) / 32) || 1;
  const bits = cells.map(() => new Uint32Array(words));
  rules.forEach((rule, r) => {
    [rule.sourceAddresses, rule.destinationAddresses].forEach((set, role) => {
      const flat = family === 4 ? set.v4 : set.v6;
      const bit = r * 2 + role;
      for (let i = 0; i < flat.length; i += 2) {
        const from = cellOf(cells, flat[i]!);
        const to = cellOf(cells, flat[i + 1]!);
        for (let c = from; c <= to; c++) bits[c]![bit >> 5]! |= 1 << (bit & 31);
      }
    });
  });
  return bits;
}

function groupOutside(
  cells: readonly AddressRange[],
  isNicAddress: (cell: AddressRange) => boolean,
  rules: readonly CompiledRule[],
  family: 4 | 6,
): AddressGroup[] {
  const bits = memberships(cells, rules, family);
  const groups = new Map<string, AddressGroup>();
  cells.forEach((cell, c) => {
    if (isNicAddress(cell)) return;
    const host = family === 4 && cell.lo === cell.hi && HOST_ADDRESSES.some((a) => a.value === cell.lo);
    const key = `${host ? `host ${cell.lo}:` : ""}${bits[c]!.join(",")}`;
    let group = groups.get(key);
    if (!group) {
      const held: number[] = [];
      for (let r = 0; r < rules.length; r++) {
        const word = bits[c]![(r * 2) >> 5]!;
        const pair = (word >>> ((r * 2) & 31)) & 3;
        if (pair !== 0) held.push(r);
      }
      groups.set(key, (group = { family, cells: [], rules: held }));
    }
    group.cells.push(c);
  });
  return [...groups.values()];
}

/** The cells for comparing two networks on the flows that cross these NICs' NSGs. */
export function flowSpace(networks: readonly Evaluator[], nics: readonly NicPlacement[]): FlowSpace {
  const cuts4 = new Cuts(0, IPV4_MAX, stepNumber);
  const cuts6 = new Cuts(0n, IPV6_MAX, stepBigint);
  const nicAddresses = new Set<string>();
  const rules = [...new Set(networks.flatMap((n) => rulesOn(n, nics)))];
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
  return {
    rules,
    addresses,
    outsideGroups: [
      ...groupOutside(addresses[4], isNicAddress, rules, 4),
      ...groupOutside(addresses[6], isNicAddress, rules, 6),
    ],
  };
}

/** Port cells for a protocol, cut only at the boundaries of `rules` (and the platform's port 25). */
export function portCells(
  rules: readonly CompiledRule[],
  protocol: FlowProtocol,
): { sourcePorts: PortInterval[]; destinationPorts: PortInterval[] } {
  const sourcePorts = new Cuts(0, PORT_MAX, stepNumber);
  const destinationPorts = new Cuts(0, PORT_MAX, stepNumber);
  for (const [lo, hi] of PLATFORM_PORTS) destinationPorts.interval(lo, hi);
  for (const rule of rules) {
    if (rule.rule.protocol !== "*" && rule.rule.protocol !== protocol) continue;
    for (const [lo, hi] of rule.sourcePorts) sourcePorts.interval(lo, hi);
    for (const [lo, hi] of rule.destinationPorts) destinationPorts.interval(lo, hi);
  }
  return { sourcePorts: sourcePorts.cells(), destinationPorts: destinationPorts.cells() };
}
