import type { Evaluator } from "../nsg/evaluator.ts";
import type { FlowInput } from "../nsg/flow-schema.ts";
import { formatV4, formatV6 } from "../nsg/ip.ts";
import type { NicPlacement } from "../nsg/network.ts";
import type { PortInterval } from "../nsg/ports.ts";
import type { Verdict } from "../nsg/verdict.ts";
import { FLOW_PROTOCOLS, hasPorts, type FlowProtocol } from "../nsg/vocabulary.ts";
import { flowSpace, type AddressRange } from "./flow-space.ts";
import { mergeCells, type CellIndex } from "./merge-cells.ts";
import { pickAddress, pickPort, pickSourcePort } from "./witness.ts";

/**
 * Compares what two networks let through — a learner's and the reference solution's — over every
 * initiating flow that crosses the NSGs being edited: from and to every address outside the
 * scenario, between every pair of its NICs (by private and by public IP), for every protocol and
 * every source and destination port. Exact: see flow-space.ts. Replies need no comparing, since
 * they follow from the connections (NSGs are stateful).
 */

export type DifferenceKind = "too-open" | "too-closed";
/** From the scenario's point of view: in from outside, out to outside, or between its NICs. */
export type FlowDirection = "inbound" | "outbound" | "internal";

/** One end of a difference: a NIC of the scenario, or a set of addresses outside it. */
export type DifferenceEnd =
  | { kind: "nic"; vm: string; nic: string; viaPublicIp: boolean }
  | { kind: "outside"; addresses: AddressRange[] };

/** A region of flows that one network allows and the other denies, with one concrete example. */
export interface Difference {
  kind: DifferenceKind;
  direction: FlowDirection;
  from: DifferenceEnd;
  to: DifferenceEnd;
  protocol: FlowProtocol;
  /** Empty for protocols without ports. */
  sourcePorts: PortInterval[];
  ports: PortInterval[];
  /** A flow of the region, and both networks' verdicts on it (with their paths). */
  witness: FlowInput;
  learner: Verdict;
  reference: Verdict;
}

/** A region where differences are acceptable (an exercise says so, with its reason). */
export interface AcceptedDifference {
  kind?: DifferenceKind;
  direction?: FlowDirection;
  /** Only differences whose outside end lies wholly in these ranges. */
  outside?: AddressRange[];
}

export interface CompareOptions {
  /** The NSGs being edited: only flows crossing them (in either network) are compared. */
  editable: readonly string[];
  accepted?: readonly AcceptedDifference[];
}

const formatAddress = (family: 4 | 6, value: number | bigint): string =>
  family === 4 ? formatV4(value) : formatV6(BigInt(value));

/** NICs whose path crosses an edited NSG in either network, or whose associations differ. */
function nicsToCompare(learner: Evaluator, reference: Evaluator, editable: ReadonlySet<string>): string[] {
  const edited = (p: NicPlacement | undefined) =>
    p !== undefined &&
    ((p.nicNsg !== undefined && editable.has(p.nicNsg)) ||
      (p.subnetNsg !== undefined && editable.has(p.subnetNsg)));
  const names: string[] = [];
  for (const [name, mine] of learner.network.nicsByName) {
    const theirs = reference.network.nicsByName.get(name);
    if (
      edited(mine) ||
      edited(theirs) ||
      mine.nicNsg !== theirs?.nicNsg ||
      mine.subnetNsg !== theirs?.subnetNsg
    )
      names.push(name);
  }
  return names;
}

interface Cell {
  base: { from: string; to: string };
  family: 4 | 6;
  direction: FlowDirection;
  from: DifferenceEnd | "outside";
  to: DifferenceEnd | "outside";
  /** Index of the outside address cell, for the flows with an outside end. */
  outside: number;
}

/** A VM's name for its primary NIC (as exercises write flows), else the NIC's name. */
const endpointName = (network: Evaluator, p: NicPlacement): string =>
  network.network.primaryNicByVm.get(p.vm) === p ? p.vm : p.nic.name;

const nicEnd = (p: NicPlacement, viaPublicIp = false): DifferenceEnd => ({
  kind: "nic",
  vm: p.vm,
  nic: p.nic.name,
  viaPublicIp,
});

function accepts(
  accepted: readonly AcceptedDifference[],
  kind: DifferenceKind,
  direction: FlowDirection,
  outside: AddressRange | undefined,
): boolean {
  return accepted.some(
    (a) =>
      (a.kind === undefined || a.kind === kind) &&
      (a.direction === undefined || a.direction === direction) &&
      (a.outside === undefined ||
        (outside !== undefined &&
          a.outside.some((r) => r.family === outside.family && r.lo <= outside.lo && outside.hi <= r.hi))),
  );
}

export function compareNetworks(
  learner: Evaluator,
  reference: Evaluator,
  options: CompareOptions,
): Difference[] {
  const editable = new Set(options.editable);
  const names = nicsToCompare(learner, reference, editable);
  const placements = names.map((n) => learner.network.nicsByName.get(n)!);
  const space = flowSpace(
    [learner, reference],
    [...placements, ...names.flatMap((n) => reference.network.nicsByName.get(n) ?? [])],
  );
  const outsideCells = {
    4: space.addresses[4].filter((a) => !(a.lo === a.hi && learner.network.nicsByAddress.has(`4:${a.lo}`))),
    6: space.addresses[6].filter((a) => !(a.lo === a.hi && learner.network.nicsByAddress.has(`6:${a.lo}`))),
  };

  const cells: Cell[] = [];
  const paired = new Set<string>();
  const relevant = new Set(names);
  for (const nic of placements) {
    const family = nic.privateIp.family;
    outsideCells[family].forEach((range, outside) => {
      const address = formatAddress(family, range.lo);
      cells.push({
        base: { from: address, to: endpointName(learner, nic) },
        family,
        direction: "inbound",
        from: "outside",
        to: nicEnd(nic),
        outside,
      });
      cells.push({
        base: { from: endpointName(learner, nic), to: address },
        family,
        direction: "outbound",
        from: nicEnd(nic),
        to: "outside",
        outside,
      });
    });
    for (const other of learner.network.nicsByName.values()) {
      if (other === nic || other.privateIp.family !== family) continue;
      for (const [sender, receiver] of [
        [nic, other],
        [other, nic],
      ] as const) {
        const key = `${sender.nic.name}>${receiver.nic.name}`;
        if (paired.has(key) || (!relevant.has(sender.nic.name) && !relevant.has(receiver.nic.name))) continue;
        paired.add(key);
        cells.push({
          base: { from: endpointName(learner, sender), to: endpointName(learner, receiver) },
          family,
          direction: "internal",
          from: nicEnd(sender),
          to: nicEnd(receiver),
          outside: -1,
        });
        if (receiver.publicIp && sender.publicIp)
          cells.push({
            base: { from: endpointName(learner, sender), to: receiver.publicIp.text },
            family,
            direction: "internal",
            from: nicEnd(sender),
            to: nicEnd(receiver, true),
            outside: -1,
          });
      }
    }
  }

  const accepted = options.accepted ?? [];
  const found = new Map<
    string,
    { cell: Cell; kind: DifferenceKind; protocol: FlowProtocol; family: 4 | 6; indices: CellIndex[] }
  >();
  cells.forEach((cell, cellNumber) => {
    const family = cell.family;
    const outsideRange = cell.outside >= 0 ? outsideCells[family][cell.outside] : undefined;
    for (const protocol of FLOW_PROTOCOLS) {
      const sourcePorts = hasPorts(protocol) ? space.sourcePorts : [undefined];
      const ports = hasPorts(protocol) ? space.destinationPorts : [undefined];
      sourcePorts.forEach((sp, s) => {
        ports.forEach((dp, d) => {
          const flow: FlowInput = {
            ...cell.base,
            protocol,
            ...(sp ? { sourcePort: sp[0] } : {}),
            ...(dp ? { port: dp[0] } : {}),
          };
          const mine = learner.evaluate(flow);
          const theirs = reference.evaluate(flow);
          if (!mine.ok || !theirs.ok || mine.value.access === theirs.value.access) return;
          const kind: DifferenceKind = mine.value.access === "Allow" ? "too-open" : "too-closed";
          if (accepts(accepted, kind, cell.direction, outsideRange)) return;
          // One region per pair of ends, kind and protocol; outside addresses and ports merge within it.
          const key = `${kind}|${cell.direction}|${cell.from === "outside" ? "*" : cell.base.from}|${cell.to === "outside" ? "*" : cell.base.to}|${protocol}|${cell.outside >= 0 ? "" : cellNumber}`;
          let group = found.get(key);
          if (!group) found.set(key, (group = { cell, kind, protocol, family, indices: [] }));
          group.indices.push({ outside: Math.max(cell.outside, 0), sourcePort: s, port: d });
        });
      });
    }
  });

  const differences: Difference[] = [];
  for (const { cell, kind, protocol, family, indices } of found.values()) {
    for (const region of mergeCells(indices)) {
      const addresses =
        cell.outside >= 0
          ? region.outside.map(([a, b]) => ({
              family,
              lo: outsideCells[family][a]!.lo,
              hi: outsideCells[family][b]!.hi,
            }))
          : [];
      const sourcePorts = hasPorts(protocol)
        ? region.sourcePorts.map(([a, b]): PortInterval => [
            space.sourcePorts[a]![0],
            space.sourcePorts[b]![1],
          ])
        : [];
      const ports = hasPorts(protocol)
        ? region.ports.map(([a, b]): PortInterval => [
            space.destinationPorts[a]![0],
            space.destinationPorts[b]![1],
          ])
        : [];
      const outsideEnd: DifferenceEnd = { kind: "outside", addresses };
      const outsideAddress = addresses.length > 0 ? formatAddress(family, pickAddress(addresses)) : undefined;
      const witness: FlowInput = {
        from: cell.from === "outside" ? outsideAddress! : cell.base.from,
        to: cell.to === "outside" ? outsideAddress! : cell.base.to,
        protocol,
        ...(hasPorts(protocol) ? { sourcePort: pickSourcePort(sourcePorts), port: pickPort(ports) } : {}),
      };
      const mine = learner.evaluate(witness);
      const theirs = reference.evaluate(witness);
      if (!mine.ok || !theirs.ok) continue;
      differences.push({
        kind,
        direction: cell.direction,
        from: cell.from === "outside" ? outsideEnd : cell.from,
        to: cell.to === "outside" ? outsideEnd : cell.to,
        protocol,
        sourcePorts,
        ports,
        witness,
        learner: mine.value,
        reference: theirs.value,
      });
    }
  }
  // Too open first: those are security holes.
  return differences.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === "too-open" ? -1 : 1));
}
