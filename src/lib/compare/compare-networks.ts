import type { Evaluator } from "../nsg/evaluator.ts";
import type { FlowInput } from "../nsg/flow-schema.ts";
import { EPHEMERAL_PORT } from "../nsg/flow-schema.ts";
import { ANY_PORT, type PortInterval } from "../nsg/ports.ts";
import type { Verdict } from "../nsg/verdict.ts";
import { FLOW_PROTOCOLS, hasPorts, type FlowProtocol } from "../nsg/vocabulary.ts";
import { formatAddress, type AddressGroup, type AddressRange, type FlowSpace } from "./flow-space.ts";
import { mergeCells, type Cell } from "./merge-cells.ts";
import {
  hasOutsideEnd,
  nicsToCompare,
  pairingsOf,
  type DifferenceEnd,
  type FlowDirection,
  type Pairing,
} from "./pairings.ts";
import { planComparison } from "./plan.ts";
import { pickAddress, pickPort, pickSourcePort } from "./witness.ts";

/**
 * Compares what two networks let through — a learner's and the reference solution's — over every
 * initiating flow that crosses the NSGs being edited: from and to every address outside the
 * scenario, between every pair of its NICs (by private and by public IP), for every protocol and
 * every source and destination port. Exact: see flow-space.ts. Replies need no comparing, since
 * they follow from the connections (NSGs are stateful).
 */

export type DifferenceKind = "too-open" | "too-closed";
export type { DifferenceEnd, FlowDirection };

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
  /** The evaluations allowed (MAX_EVALUATIONS unless a test sets a smaller one). */
  maxEvaluations?: number;
}

const NO_OUTSIDE: readonly number[] = [-1];

export { ComparisonTooLarge, MAX_EVALUATIONS } from "./evaluation-budget.ts";

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

/**
 * Outside cells numbered without the NIC addresses between them, so that a region around a NIC's
 * address reads as one range (the NIC itself is compared as a NIC, not as outside).
 */
function numberOutsideCells(space: FlowSpace): {
  compact: { 4: Int32Array; 6: Int32Array };
  outsideCells: { 4: AddressRange[]; 6: AddressRange[] };
} {
  const compact = {
    4: new Int32Array(space.addresses[4].length).fill(-1),
    6: new Int32Array(space.addresses[6].length).fill(-1),
  };
  const outsideCells: { 4: AddressRange[]; 6: AddressRange[] } = { 4: [], 6: [] };
  for (const group of space.outsideGroups) for (const c of group.cells) compact[group.family][c] = 0;
  for (const family of [4, 6] as const) {
    const numbers = compact[family];
    for (let c = 0; c < numbers.length; c++) {
      if (numbers[c]! < 0) continue;
      numbers[c] = outsideCells[family].length;
      outsideCells[family].push(space.addresses[family][c]!);
    }
  }
  return { compact, outsideCells };
}

export function compareNetworks(
  learner: Evaluator,
  reference: Evaluator,
  options: CompareOptions,
): Difference[] {
  const editable = new Set(options.editable);
  const names = nicsToCompare(learner, reference, editable);
  const nics = [
    ...names.map((n) => learner.network.nicsByName.get(n)!),
    ...names.flatMap((n) => reference.network.nicsByName.get(n) ?? []),
  ];
  const pairings = pairingsOf(learner, names);
  const paths = (pairing: Pairing, address: string) => {
    const from = pairing.fromName ?? address;
    const to = pairing.toName ?? address;
    return [learner.path(from, to), reference.path(from, to)] as const;
  };
  // Ends that make no flow (no public IP to be seen by) are alike in both networks: nothing to compare.
  const plan = planComparison(
    [learner, reference],
    nics,
    pairings,
    (pairing, address) => paths(pairing, address).every((p) => p.ok),
    options.maxEvaluations,
  );
  const space = plan.space;
  const { compact, outsideCells } = numberOutsideCells(space);

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
        .map((c) => compact[pairing.family][c]!);
      byKind.set(key, cells);
    }
    return cells;
  };
  const groupsOf = {
    4: space.outsideGroups.filter((g) => g.family === 4),
    6: space.outsideGroups.filter((g) => g.family === 6),
  };
  pairings.forEach((pairing, pairingNumber) => {
    const groups = hasOutsideEnd(pairing) ? groupsOf[pairing.family] : [undefined];
    for (const group of groups) {
      const cells = space.addresses[pairing.family];
      const address = group ? formatAddress(pairing.family, cells[group.cells[0]!]!.lo) : "";
      const [mine, theirs] = paths(pairing, address);
      if (!mine.ok || !theirs.ok) continue;
      const ports = group ? plan.ofGroup.get(group)! : plan.ofAllRules();
      for (const protocol of FLOW_PROTOCOLS) {
        const sourcePorts = hasPorts(protocol) ? ports[protocol].sourcePorts : [undefined];
        const destinationPorts = hasPorts(protocol) ? ports[protocol].destinationPorts : [undefined];
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
