import type { CompiledRule } from "../nsg/compile.ts";
import type { Evaluator } from "../nsg/evaluator.ts";
import type { NicPlacement } from "../nsg/network.ts";
import { EvaluationBudget, evaluationsOver } from "./evaluation-budget.ts";
import {
  comparedRules,
  flowSpace,
  formatAddress,
  holdsEveryAddress,
  lowestOutsideAddress,
  type AddressGroup,
  type FlowSpace,
} from "./flow-space.ts";
import { hasOutsideEnd, type Pairing } from "./pairings.ts";
import {
  portCellCounts,
  portCellCountsOf,
  portCells,
  sweepGroupPorts,
  type PortCellsByProtocol,
} from "./port-cells.ts";

/**
 * What a comparison will evaluate, counted before anything is: its flow space, and the port
 * cells of every pairing. Past the budget it stops as soon as the count says so. Every outside
 * group's ports are cut by at least the rules that hold every address of its family (`*`), so
 * those rules' port cells, times the groups, bound the count from below: a paste of thousands of
 * rules, many of them `*` on one side, is found too large before its flow space is built, and
 * a scattered one before its groups' ports are swept.
 */

export interface ComparisonPlan {
  space: FlowSpace;
  /** Each outside group's port cells (the rules holding its addresses cut them). */
  ofGroup: Map<AddressGroup, PortCellsByProtocol>;
  /** NIC-to-NIC pairings: cut by every rule (made on first use). */
  ofAllRules: () => PortCellsByProtocol;
}

const FAMILIES = [4, 6] as const;

/** What the rules holding every address of `family` cut ports into: they cut every group of it. */
const everyGroupsPortCounts = (rules: readonly CompiledRule[], family: 4 | 6) =>
  portCellCountsOf(
    rules.filter(
      (r) =>
        holdsEveryAddress(r.sourceAddresses, family) || holdsEveryAddress(r.destinationAddresses, family),
    ),
  );

/**
 * The plan, or ComparisonTooLarge past `limit` evaluations. Whether a pairing's ends make a path
 * does not depend on which outside address stands in (outside addresses are no NIC's in either
 * network, and of the pairing's family), so it is asked once per pairing, with the first group's
 * first address.
 */
export function planComparison(
  networks: readonly Evaluator[],
  nics: readonly NicPlacement[],
  pairings: readonly Pairing[],
  makesPath: (pairing: Pairing, address: string) => boolean,
  limit?: number,
): ComparisonPlan {
  const budget = new EvaluationBudget(limit);
  const rules = comparedRules(networks, nics);
  // Made only for a NIC-to-NIC pairing (a scenario of one NIC has none).
  let ofAllRules: PortCellsByProtocol | undefined;
  const allRulesPorts = () => (ofAllRules ??= { Tcp: portCells(rules, "Tcp"), Udp: portCells(rules, "Udp") });
  const outsidePairings = { 4: 0, 6: 0 };
  const outsideAddress = { 4: "", 6: "" };
  for (const pairing of pairings) {
    if (!hasOutsideEnd(pairing)) {
      if (makesPath(pairing, "")) budget.spend(evaluationsOver(portCellCounts(allRulesPorts())));
      continue;
    }
    const family = pairing.family;
    outsideAddress[family] ||= formatAddress(family, lowestOutsideAddress(networks, family));
    if (makesPath(pairing, outsideAddress[family])) outsidePairings[family]++;
  }
  // What each group of a family costs at least; every family has an outside group.
  const leastPerGroup = { 4: 0, 6: 0 };
  for (const family of FAMILIES)
    if (outsidePairings[family] > 0)
      leastPerGroup[family] = outsidePairings[family] * evaluationsOver(everyGroupsPortCounts(rules, family));
  budget.expectAtLeast(leastPerGroup[4] + leastPerGroup[6]);

  const space = flowSpace(networks, nics, rules);
  const groups = { 4: 0, 6: 0 };
  for (const group of space.outsideGroups) groups[group.family]++;
  let ahead = leastPerGroup[4] * groups[4] + leastPerGroup[6] * groups[6];
  budget.expectAtLeast(ahead);
  const ofGroup = new Map<AddressGroup, PortCellsByProtocol>();
  for (const family of FAMILIES) {
    if (outsidePairings[family] === 0) continue;
    sweepGroupPorts(space, family, (group, ports) => {
      ahead -= leastPerGroup[family];
      budget.spend(outsidePairings[family] * evaluationsOver(ports.counts));
      budget.expectAtLeast(ahead);
      ofGroup.set(group, ports.cells());
    });
  }
  return { space, ofGroup, ofAllRules: allRulesPorts };
}
