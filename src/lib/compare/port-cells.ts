import type { CompiledRule } from "../nsg/compile.ts";
import { HOST_SERVICE_PORTS } from "../nsg/host-services.ts";
import type { PortInterval } from "../nsg/ports.ts";
import { PORT_PROTOCOLS, type PortProtocol } from "../nsg/vocabulary.ts";
import { Cuts, stepNumber } from "./cuts.ts";
import { PORT_MAX, PortStarts } from "./port-starts.ts";
import type { PortCellCounts } from "./evaluation-budget.ts";
import type { AddressGroup, FlowSpace } from "./flow-space.ts";

/**
 * The ports a comparison tries: for a protocol with ports, its source and destination ports cut
 * at every boundary of the rules that can match (and the platform's own ports), so that every
 * port of a cell is judged alike. Only TCP and UDP have ports.
 */

export interface PortCells {
  sourcePorts: PortInterval[];
  destinationPorts: PortInterval[];
}

export type PortCellsByProtocol = Record<PortProtocol, PortCells>;

/**
 * Ports the platform treats apart whatever the rules say: outbound TCP 25 is blocked for most
 * subscriptions (platform.ts), and the host services' ports are exempt from NSGs (host-services.ts).
 */
const PLATFORM_PORTS: readonly PortInterval[] = [
  [25, 25],
  ...HOST_SERVICE_PORTS.map((p): PortInterval => [p, p]),
];

/** Where the platform's ports start cells, besides 0 (as `Cuts.interval` puts them). */
const PLATFORM_STARTS: readonly number[] = [
  ...new Set(
    PLATFORM_PORTS.flatMap(([lo, hi]) => [...(lo > 0 ? [lo] : []), ...(hi < PORT_MAX ? [hi + 1] : [])]),
  ),
];

/** How many cells each protocol's ports were cut into. */
export const portCellCounts = (ports: PortCellsByProtocol): PortCellCounts => ({
  Tcp: { sourcePorts: ports.Tcp.sourcePorts.length, destinationPorts: ports.Tcp.destinationPorts.length },
  Udp: { sourcePorts: ports.Udp.sourcePorts.length, destinationPorts: ports.Udp.destinationPorts.length },
});

const appliesTo = (rule: CompiledRule, protocol: PortProtocol): boolean =>
  rule.rule.protocol === "*" || rule.rule.protocol === protocol;

/** Port cells for a protocol, cut only at the boundaries of `rules` (and the platform's ports). */
export function portCells(rules: readonly CompiledRule[], protocol: PortProtocol): PortCells {
  const { source, destination } = portStarts(rules, protocol);
  return { sourcePorts: source.cells(), destinationPorts: destination.cells() };
}

/** How many cells `portCells` would give for these rules, without making them. */
export function portCellCountsOf(rules: readonly CompiledRule[]): PortCellCounts {
  const tcp = portStarts(rules, "Tcp");
  const udp = portStarts(rules, "Udp");
  return {
    Tcp: { sourcePorts: tcp.source.count(), destinationPorts: tcp.destination.count() },
    Udp: { sourcePorts: udp.source.count(), destinationPorts: udp.destination.count() },
  };
}

function portStarts(
  rules: readonly CompiledRule[],
  protocol: PortProtocol,
): { source: PortStarts; destination: PortStarts } {
  const source = new PortStarts();
  const destination = new PortStarts();
  destination.intervals(PLATFORM_PORTS);
  for (let r = 0; r < rules.length; r++) {
    const rule = rules[r]!;
    if (!appliesTo(rule, protocol)) continue;
    source.intervals(rule.sourcePorts);
    destination.intervals(rule.destinationPorts);
  }
  return { source, destination };
}

/** The port cuts of the rules present, counted, so that a rule leaving takes away only its own. */
class CutCounts {
  readonly #count = new Map<number, number>();
  add(ranges: readonly PortInterval[], by: 1 | -1): void {
    for (const [lo, hi] of ranges) {
      if (lo > 0) this.#bump(lo, by);
      if (hi < PORT_MAX) this.#bump(hi + 1, by);
    }
  }
  #bump(value: number, by: 1 | -1): void {
    const count = (this.#count.get(value) ?? 0) + by;
    if (count === 0) this.#count.delete(value);
    else this.#count.set(value, count);
  }
  /**
   * How many cells `cells` would give, without making them: 0 and every counted cut start one
   * (counted cuts lie in 1..PORT_MAX), and each platform start not among them one more.
   */
  cellCount(platformStarts: readonly number[]): number {
    let count = 1 + this.#count.size;
    for (const start of platformStarts) if (!this.#count.has(start)) count++;
    return count;
  }
  cells(platform: readonly PortInterval[]): PortInterval[] {
    const cuts = new Cuts(0, PORT_MAX, stepNumber);
    for (const value of this.#count.keys()) cuts.start(value);
    for (const [lo, hi] of platform) cuts.interval(lo, hi);
    return cuts.cells();
  }
}

/** `items` listed by their cells: cell c's are items[from[c]] .. items[from[c + 1] - 1]. */
function byCell(
  cellCount: number,
  cellOfItem: readonly number[],
  item: readonly number[],
): { from: Int32Array; items: Int32Array } {
  const from = new Int32Array(cellCount + 1);
  for (const c of cellOfItem) from[c + 1]!++;
  for (let c = 0; c < cellCount; c++) from[c + 1]! += from[c]!;
  const items = new Int32Array(item.length);
  const next = from.slice(0, -1);
  cellOfItem.forEach((c, i) => (items[next[c]!++] = item[i]!));
  return { from, items };
}

/**
 * A group's ports as the sweep reaches it: how many cells first, and the cells themselves only
 * if asked (while the visit runs: the sweep moves on after it). A comparison too large to make
 * learns so from the counts, without building the cells.
 */
export interface SweptPorts {
  counts: PortCellCounts;
  cells(): PortCellsByProtocol;
}

/**
 * Each outside group's port cells: what `portCells` gives for the rules that hold the group's
 * addresses. Asking every group for its rules costs groups × rules (most rules hold most
 * addresses: `*`, Internet); instead one sweep along the family's address cells keeps the port
 * cuts of the rules holding the current cell (a rule enters where one of its address intervals
 * starts and leaves after it ends) and reads them off at each group's first cell. `visit` sees
 * the groups in the order of their first cells, and may throw to end the sweep.
 */
export function sweepGroupPorts(
  space: FlowSpace,
  family: 4 | 6,
  visit: (group: AddressGroup, ports: SweptPorts) => void,
): void {
  const cells = space.addresses[family];
  const startingAt = new Map<number, AddressGroup>();
  for (const group of space.outsideGroups)
    if (group.family === family) startingAt.set(group.cells[0]!, group);
  if (startingAt.size === 0) return;
  // Where each rule's address runs start and end, as lists per cell in one array each (counted,
  // then placed): a list object per cell would be tens of thousands of allocations.
  const rules: number[] = [];
  const firsts: number[] = [];
  const ends: number[] = [];
  space.rules.forEach((rule, r) => {
    if (!PORT_PROTOCOLS.some((p) => appliesTo(rule, p))) return;
    for (const set of [rule.sourceAddresses, rule.destinationAddresses]) {
      const runs = space.cellRuns[family].get(set)!;
      for (let i = 0; i < runs.length; i += 2) {
        rules.push(r);
        firsts.push(runs[i]!);
        ends.push(runs[i + 1]! + 1);
      }
    }
  });
  const entering = byCell(cells.length + 1, firsts, rules);
  const leaving = byCell(cells.length + 1, ends, rules);
  const counts = {
    Tcp: { source: new CutCounts(), destination: new CutCounts() },
    Udp: { source: new CutCounts(), destination: new CutCounts() },
  };
  const move = (r: number, by: 1 | -1) => {
    const rule = space.rules[r]!;
    for (const protocol of PORT_PROTOCOLS) {
      if (!appliesTo(rule, protocol)) continue;
      counts[protocol].source.add(rule.sourcePorts, by);
      counts[protocol].destination.add(rule.destinationPorts, by);
    }
  };
  const cellsOf = (protocol: PortProtocol): PortCells => ({
    sourcePorts: counts[protocol].source.cells([]),
    destinationPorts: counts[protocol].destination.cells(PLATFORM_PORTS),
  });
  const countsOf = (protocol: PortProtocol) => ({
    sourcePorts: counts[protocol].source.cellCount([]),
    destinationPorts: counts[protocol].destination.cellCount(PLATFORM_STARTS),
  });
  const cellsNow = (): PortCellsByProtocol => ({ Tcp: cellsOf("Tcp"), Udp: cellsOf("Udp") });
  for (let c = 0; c < cells.length; c++) {
    for (let i = leaving.from[c]!; i < leaving.from[c + 1]!; i++) move(leaving.items[i]!, -1);
    for (let i = entering.from[c]!; i < entering.from[c + 1]!; i++) move(entering.items[i]!, 1);
    const group = startingAt.get(c);
    if (group) visit(group, { counts: { Tcp: countsOf("Tcp"), Udp: countsOf("Udp") }, cells: cellsNow });
  }
}
