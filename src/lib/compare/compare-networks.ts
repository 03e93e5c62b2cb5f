import type { Evaluator } from "../nsg/evaluator.ts";
import type { FlowInput } from "../nsg/flow-schema.ts";
import type { NicPlacement } from "../nsg/network.ts";
import { EPHEMERAL_PORT } from "../nsg/flow-schema.ts";
import { ANY_PORT, type PortInterval } from "../nsg/ports.ts";
import type { Verdict } from "../nsg/verdict.ts";
import { FLOW_PROTOCOLS, hasPorts, type FlowProtocol } from "../nsg/vocabulary.ts";
import { flowSpace, formatAddress, portCells, type AddressGroup, type AddressRange } from "./flow-space.ts";
import { mergeCells, type Cell } from "./merge-cells.ts";
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

/** A pair of flow ends to compare; outside ends stand for a group of outside addresses. */
interface Pairing {
  from: DifferenceEnd | "outside";
  to: DifferenceEnd | "outside";
  /** The flow's endpoints as the evaluator takes them (an outside end is filled per group). */
  fromName?: string;
  toName?: string;
  direction: FlowDirection;
  family: 4 | 6;
}

const NO_OUTSIDE: readonly number[] = [-1];

/** More evaluations than this and the comparison gives up, saying so: it never hangs a page. */
export const MAX_EVALUATIONS = 100_000;

/** The comparison could not run to the end within MAX_EVALUATIONS. */
export class ComparisonTooLarge extends Error {}

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

  const pairings: Pairing[] = [];
  const paired = new Set<string>();
  const relevant = new Set(names);
  for (const nic of placements) {
    const family = nic.privateIp.family;
    const name = endpointName(learner, nic);
    pairings.push({ from: "outside", to: nicEnd(nic), toName: name, direction: "inbound", family });
    pairings.push({ from: nicEnd(nic), fromName: name, to: "outside", direction: "outbound", family });
    for (const other of learner.network.nicsByName.values()) {
      if (other === nic || other.privateIp.family !== family) continue;
      for (const [sender, receiver] of [
        [nic, other],
        [other, nic],
      ] as const) {
        const key = `${sender.nic.name}>${receiver.nic.name}`;
        if (paired.has(key) || (!relevant.has(sender.nic.name) && !relevant.has(receiver.nic.name))) continue;
        paired.add(key);
        const fromName = endpointName(learner, sender);
        pairings.push({
          from: nicEnd(sender),
          fromName,
          to: nicEnd(receiver),
          toName: endpointName(learner, receiver),
          direction: "internal",
          family,
        });
        if (receiver.publicIp && sender.publicIp)
          pairings.push({
            from: nicEnd(sender),
            fromName,
            to: nicEnd(receiver, true),
            toName: receiver.publicIp.text,
            direction: "internal",
            family,
          });
      }
    }
  }

  // Outside cells numbered without the NIC addresses between them, so that a region around a
  // NIC's address reads as one range (the NIC itself is compared as a NIC, not as outside).
  const compact = { 4: new Map<number, number>(), 6: new Map<number, number>() };
  const outsideCells: { 4: AddressRange[]; 6: AddressRange[] } = { 4: [], 6: [] };
  for (const group of space.outsideGroups) for (const c of group.cells) compact[group.family].set(c, -1);
  for (const family of [4, 6] as const) {
    const cells = space.addresses[family];
    [...compact[family].keys()]
      .sort((a, b) => a - b)
      .forEach((c, i) => {
        compact[family].set(c, i);
        outsideCells[family].push(cells[c]!);
      });
  }

  const accepted = options.accepted ?? [];
  interface Found {
    pairing: Pairing;
    kind: DifferenceKind;
    protocol: FlowProtocol;
    cells: Cell[];
  }
  const found = new Map<string, Found>();
  /** A group's outside cells (compact numbering) whose difference of `kind` is not accepted, once per group and kind. */
  const outsideMemo = new Map<AddressGroup, Map<string, readonly number[]>>();
  const outsideOf = (
    group: AddressGroup | undefined,
    kind: DifferenceKind,
    pairing: Pairing,
  ): readonly number[] => {
    if (!group) return NO_OUTSIDE;
    let byKind = outsideMemo.get(group);
    if (!byKind) outsideMemo.set(group, (byKind = new Map<string, readonly number[]>()));
    const key = `${kind}|${pairing.direction}`;
    let cells = byKind.get(key);
    if (!cells) {
      const all = space.addresses[pairing.family];
      cells = group.cells
        .filter((c) => !accepts(accepted, kind, pairing.direction, all[c]))
        .map((c) => compact[pairing.family].get(c)!);
      byKind.set(key, cells);
    }
    return cells;
  };
  /** Port cells per outside group (or for NIC-to-NIC pairings, all rules) and protocol: the same for every pairing. */
  const portMemo = new Map<AddressGroup | undefined, Map<FlowProtocol, ReturnType<typeof portCells>>>();
  const portsOf = (group: AddressGroup | undefined, protocol: FlowProtocol) => {
    let byProtocol = portMemo.get(group);
    if (!byProtocol)
      portMemo.set(group, (byProtocol = new Map<FlowProtocol, ReturnType<typeof portCells>>()));
    let ports = byProtocol.get(protocol);
    if (!ports) {
      const rules = group ? group.rules.map((r) => space.rules[r]!) : space.rules;
      byProtocol.set(protocol, (ports = portCells(rules, protocol)));
    }
    return ports;
  };
  let evaluations = 0;
  pairings.forEach((pairing, pairingNumber) => {
    const groups =
      pairing.from === "outside" || pairing.to === "outside"
        ? space.outsideGroups.filter((g) => g.family === pairing.family)
        : [undefined];
    for (const group of groups) {
      const cells = group ? space.addresses[pairing.family] : [];
      const address = group ? formatAddress(pairing.family, cells[group.cells[0]!]!.lo) : "";
      const mine = learner.path(pairing.fromName ?? address, pairing.toName ?? address);
      const theirs = reference.path(pairing.fromName ?? address, pairing.toName ?? address);
      // Ends that make no flow (no public IP to be seen by) are alike in both networks: nothing to compare.
      if (!mine.ok || !theirs.ok) continue;
      for (const protocol of FLOW_PROTOCOLS) {
        const ports = hasPorts(protocol) ? portsOf(group, protocol) : undefined;
        const sourcePorts = ports?.sourcePorts ?? [undefined];
        const destinationPorts = ports?.destinationPorts ?? [undefined];
        evaluations += 2 * sourcePorts.length * destinationPorts.length;
        if (evaluations > MAX_EVALUATIONS) throw new ComparisonTooLarge("too many distinct flows to compare");
        for (const sp of sourcePorts) {
          for (const dp of destinationPorts) {
            const sourcePort = sp ? sp[0] : EPHEMERAL_PORT;
            const port = dp ? dp[0] : 0;
            const access = mine.value.access(protocol, sourcePort, port);
            if (access === theirs.value.access(protocol, sourcePort, port)) continue;
            const kind: DifferenceKind = access === "Allow" ? "too-open" : "too-closed";
            // One region per pair of ends, kind and protocol; outside addresses and ports merge within it.
            const key = `${kind}|${pairingNumber}|${protocol}`;
            let entry = found.get(key);
            if (!entry) found.set(key, (entry = { pairing, kind, protocol, cells: [] }));
            entry.cells.push({
              outside: outsideOf(group, kind, pairing),
              sourcePort: sp ?? ANY_PORT,
              port: dp ?? ANY_PORT,
            });
          }
        }
      }
    }
  });

  const differences: Difference[] = [];
  for (const { pairing, kind, protocol, cells } of found.values()) {
    const family = pairing.family;
    for (const region of mergeCells(cells)) {
      const outsideEnd = pairing.from === "outside" || pairing.to === "outside";
      const addresses = outsideEnd
        ? region.outside.map(([a, b]): AddressRange => ({
            family,
            lo: outsideCells[family][a]!.lo,
            hi: outsideCells[family][b]!.hi,
          }))
        : [];
      const sourcePorts = hasPorts(protocol) ? region.sourcePorts : [];
      const ports = hasPorts(protocol) ? region.ports : [];
      const outsideAddress = addresses.length > 0 ? formatAddress(family, pickAddress(addresses)) : "";
      const witness: FlowInput = {
        from: pairing.fromName ?? outsideAddress,
        to: pairing.toName ?? outsideAddress,
        protocol,
        ...(hasPorts(protocol) ? { sourcePort: pickSourcePort(sourcePorts), port: pickPort(ports) } : {}),
      };
      const mine = learner.evaluate(witness);
      const theirs = reference.evaluate(witness);
      if (!mine.ok || !theirs.ok) continue;
      const end = (e: DifferenceEnd | "outside"): DifferenceEnd =>
        e === "outside" ? { kind: "outside", addresses } : e;
      differences.push({
        kind,
        direction: pairing.direction,
        from: end(pairing.from),
        to: end(pairing.to),
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
