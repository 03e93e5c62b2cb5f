import type { AddressSet } from "../nsg/address-set.ts";
import type { CompiledRule } from "../nsg/compile.ts";
import type { Evaluator } from "../nsg/evaluator.ts";
import type { IpAddress } from "../nsg/ip.ts";
import type { NicPlacement } from "../nsg/network.ts";
import type { PortInterval } from "../nsg/ports.ts";

/**
 * The space of flows two networks are compared over, cut into cells on which every rule involved
 * gives one answer. A rule matches a packet when each of its fields matches, so a field's value
 * matters only through which side of every rule boundary it falls: cutting each dimension at
 * all the boundaries of all the rules (of both networks, defaults and tags included) yields cells
 * whose every packet is judged alike. Comparing one packet per cell is exact.
 */

/** A run of addresses of one family, inclusive. */
export interface AddressRange {
  family: 4 | 6;
  lo: number | bigint;
  hi: number | bigint;
}

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
/** Outbound TCP 25 is blocked by the platform for most subscriptions (platform.ts). */
const PLATFORM_PORTS: readonly PortInterval[] = [[25, 25]];

export interface FlowSpace {
  /** Address cells per family (each NIC address is a cell of its own). */
  addresses: { 4: AddressRange[]; 6: AddressRange[] };
  sourcePorts: PortInterval[];
  destinationPorts: PortInterval[];
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
  const rules: CompiledRule[] = [];
  for (const nic of nics) {
    for (const nsg of [nic.nicNsg, nic.subnetNsg]) {
      const compiled = nsg !== undefined ? evaluator.cache.get(nsg, nic.vnet.name) : undefined;
      if (compiled) rules.push(...compiled.inbound, ...compiled.outbound);
    }
  }
  return rules;
}

/** The cells for comparing two networks on the flows that cross these NICs' NSGs. */
export function flowSpace(networks: readonly Evaluator[], nics: readonly NicPlacement[]): FlowSpace {
  const cuts4 = new Cuts(0, IPV4_MAX, stepNumber);
  const cuts6 = new Cuts(0n, IPV6_MAX, stepBigint);
  const sourcePorts = new Cuts(0, PORT_MAX, stepNumber);
  const destinationPorts = new Cuts(0, PORT_MAX, stepNumber);
  for (const [lo, hi] of PLATFORM_PORTS) destinationPorts.interval(lo, hi);
  for (const evaluator of networks) {
    for (const tags of evaluator.network.tagsByVnet.values())
      for (const set of [tags.virtualNetwork, tags.internet, tags.azureLoadBalancer])
        addSet(cuts4, cuts6, set);
    for (const nic of evaluator.network.nicsByName.values()) {
      addIp(cuts4, cuts6, nic.privateIp);
      addIp(cuts4, cuts6, nic.publicIp);
    }
    for (const rule of rulesOn(evaluator, nics)) {
      addSet(cuts4, cuts6, rule.sourceAddresses);
      addSet(cuts4, cuts6, rule.destinationAddresses);
      for (const [lo, hi] of rule.sourcePorts) sourcePorts.interval(lo, hi);
      for (const [lo, hi] of rule.destinationPorts) destinationPorts.interval(lo, hi);
    }
  }
  return {
    addresses: {
      4: cuts4.cells().map(([lo, hi]) => ({ family: 4, lo, hi })),
      6: cuts6.cells().map(([lo, hi]) => ({ family: 6, lo, hi })),
    },
    sourcePorts: sourcePorts.cells(),
    destinationPorts: destinationPorts.cells(),
  };
}
