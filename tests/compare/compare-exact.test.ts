/**
 * The comparison against the evaluator itself, flow by flow: for generated pairs of networks (one
 * topology, two rule sets, every NSG edited), a flow lies in a reported difference of the right
 * kind exactly when the two networks' verdicts on it differ. Whatever groups, sweeps and counts
 * the comparison uses to get there, this is what it must mean.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ComparisonTooLarge,
  compareNetworks,
  type Difference,
  type DifferenceEnd,
} from "../../src/lib/compare/compare-networks.ts";
import { EPHEMERAL_PORT, type Endpoint, type Verdict } from "../../src/lib/nsg/index.ts";
import type { PortInterval } from "../../src/lib/nsg/ports.ts";
import { hasPorts } from "../../src/lib/nsg/vocabulary.ts";
import { NSG_NAMES, flowArb, scenarioArb } from "../nsg/properties/arbitraries.ts";
import { PROPERTY_TIMEOUT_MS, evaluatorOf } from "../nsg/properties/build.ts";

const cases = fc
  .tuple(scenarioArb, scenarioArb)
  .chain(([scenario, other]) =>
    fc
      .array(flowArb(scenario), { minLength: 1, maxLength: 30 })
      .map((flows) => ({ scenario, other, flows: flows.filter((f) => !f.response) })),
  );

/**
 * Whether a flow's end is a difference's. A sender sends from its private IP however it is
 * named, and a flow from outside to a NIC's public IP meets the NSGs as one to its private IP:
 * only a NIC receiving from a NIC tells its public IP apart.
 */
function holdsEnd(end: DifferenceEnd, at: Endpoint, eitherIp: boolean): boolean {
  if (end.kind === "outside")
    return (
      at.kind === "external" &&
      end.addresses.some(
        (r) => r.family === at.address.family && r.lo <= at.address.value && at.address.value <= r.hi,
      )
    );
  return at.kind === "nic" && at.nic === end.nic && (eitherIp || at.viaPublicIp === end.viaPublicIp);
}

const inPorts = (port: number, ranges: readonly PortInterval[]) =>
  ranges.some(([lo, hi]) => lo <= port && port <= hi);

function inDifference(d: Difference, verdict: Verdict): boolean {
  const { flow } = verdict;
  if (d.protocol !== flow.protocol) return false;
  const outsideSender = verdict.source.kind === "external";
  if (!holdsEnd(d.from, verdict.source, true) || !holdsEnd(d.to, verdict.destination, outsideSender))
    return false;
  if (!hasPorts(flow.protocol)) return true;
  return inPorts(flow.sourcePort ?? EPHEMERAL_PORT, d.sourcePorts) && inPorts(flow.port ?? 0, d.ports);
}

describe("property: the comparison agrees with the evaluator flow by flow", () => {
  it(
    "puts a flow in a difference of the right kind exactly when the two verdicts differ",
    () => {
      let differing = 0;
      fc.assert(
        fc.property(cases, ({ scenario, other, flows }) => {
          const learner = evaluatorOf(scenario);
          const reference = evaluatorOf({
            ...scenario,
            topology: { ...scenario.topology, nsgs: other.topology.nsgs },
          });
          let differences: Difference[];
          try {
            differences = compareNetworks(learner, reference, { editable: NSG_NAMES });
          } catch (error) {
            if (error instanceof ComparisonTooLarge) return;
            throw error;
          }
          for (const flow of flows) {
            const mine = learner.evaluate(flow);
            const theirs = reference.evaluate(flow);
            if (!mine.ok || !theirs.ok) continue;
            const found = differences.filter((d) => inDifference(d, mine.value));
            if (mine.value.access === theirs.value.access) {
              expect(found).toEqual([]);
              continue;
            }
            differing++;
            expect(found.map((d) => d.kind)).toEqual([
              mine.value.access === "Allow" ? "too-open" : "too-closed",
            ]);
          }
        }),
        { numRuns: 300 },
      );
      expect(differing).toBeGreaterThan(50);
    },
    PROPERTY_TIMEOUT_MS,
  );
});
