/**
 * The comparison gives up exactly when it would make more evaluations than allowed, however early
 * it finds out (a lower bound before the flow space is built, another before the sweep, counts
 * before a group's cells are made). The count here is the plain one: every NIC pairing over the
 * port cells of all rules, and every outside pairing over each group's port cells, cut by the
 * rules holding the group (the per-cell way), for pairings whose ends make a path.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ComparisonTooLarge, compareNetworks } from "../../src/lib/compare/compare-networks.ts";
import { evaluationsOver } from "../../src/lib/compare/evaluation-budget.ts";
import { flowSpace, formatAddress, type AddressRange } from "../../src/lib/compare/flow-space.ts";
import { hasOutsideEnd, nicsToCompare, pairingsOf } from "../../src/lib/compare/pairings.ts";
import { portCellCounts, portCells } from "../../src/lib/compare/port-cells.ts";
import type { CompiledRule } from "../../src/lib/nsg/compile.ts";
import type { Evaluator } from "../../src/lib/nsg/evaluator.ts";
import { NSG_NAMES, scenarioArb } from "../nsg/properties/arbitraries.ts";
import { PROPERTY_TIMEOUT_MS, evaluatorOf } from "../nsg/properties/build.ts";

const holds = (rule: CompiledRule, cell: AddressRange): boolean =>
  [rule.sourceAddresses, rule.destinationAddresses].some((set) => {
    const flat: ArrayLike<number | bigint> = cell.family === 4 ? set.v4 : set.v6;
    for (let i = 0; i < flat.length; i += 2) if (flat[i]! <= cell.lo && cell.hi <= flat[i + 1]!) return true;
    return false;
  });

const costOver = (rules: readonly CompiledRule[]) =>
  evaluationsOver(portCellCounts({ Tcp: portCells(rules, "Tcp"), Udp: portCells(rules, "Udp") }));

function plainCount(learner: Evaluator, reference: Evaluator): number {
  const names = nicsToCompare(learner, reference, new Set(NSG_NAMES));
  const nics = [
    ...names.map((n) => learner.network.nicsByName.get(n)!),
    ...names.flatMap((n) => reference.network.nicsByName.get(n) ?? []),
  ];
  const space = flowSpace([learner, reference], nics);
  const makesPath = (from: string, to: string) => learner.path(from, to).ok && reference.path(from, to).ok;
  let count = 0;
  for (const pairing of pairingsOf(learner, names)) {
    const groups = space.outsideGroups.filter((g) => g.family === pairing.family);
    if (!hasOutsideEnd(pairing)) {
      if (makesPath(pairing.fromName!, pairing.toName!)) count += costOver(space.rules);
      continue;
    }
    const cells = space.addresses[pairing.family];
    const address = formatAddress(pairing.family, cells[groups[0]!.cells[0]!]!.lo);
    if (!makesPath(pairing.fromName ?? address, pairing.toName ?? address)) continue;
    for (const group of groups)
      count += costOver(space.rules.filter((r) => holds(r, cells[group.cells[0]!]!)));
  }
  return count;
}

const pairs = fc.tuple(scenarioArb, scenarioArb).map(([scenario, other]) => ({
  learner: evaluatorOf(scenario),
  reference: evaluatorOf({ ...scenario, topology: { ...scenario.topology, nsgs: other.topology.nsgs } }),
}));

const compare = (learner: Evaluator, reference: Evaluator, maxEvaluations: number) => {
  try {
    return compareNetworks(learner, reference, { editable: NSG_NAMES, maxEvaluations });
  } catch (error) {
    if (error instanceof ComparisonTooLarge) return "too large";
    throw error;
  }
};

describe("property: the comparison gives up exactly past its budget", () => {
  it(
    "compares within the plain count of evaluations, and gives up with one fewer",
    () => {
      let counted = 0;
      fc.assert(
        fc.property(pairs, ({ learner, reference }) => {
          const count = plainCount(learner, reference);
          const unlimited = compare(learner, reference, Infinity);
          expect(compare(learner, reference, count)).toEqual(unlimited);
          if (count === 0) return;
          counted++;
          expect(compare(learner, reference, count - 1)).toBe("too large");
        }),
        { numRuns: 150 },
      );
      expect(counted).toBeGreaterThan(50);
    },
    PROPERTY_TIMEOUT_MS,
  );
});
