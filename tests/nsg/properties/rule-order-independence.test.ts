/**
 * Azure processes rules by priority, never by position ("Rules are processed in priority order"), so
 * shuffling an NSG's rules array never changes any verdict.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scenarioWithFlows } from "./arbitraries.ts";
import { PROPERTY_TIMEOUT_MS, evaluatorOf, shuffled, summary } from "./build.ts";

describe("property: the order of the rules array never matters", () => {
  it(
    "gives every flow the same verdict after shuffling every NSG's rules",
    () => {
      fc.assert(
        fc.property(scenarioWithFlows, fc.integer(), (scenario, seed) => {
          const original = evaluatorOf(scenario);
          const reordered = evaluatorOf({
            ...scenario,
            topology: {
              ...scenario.topology,
              nsgs: scenario.topology.nsgs!.map((nsg, i) => ({
                ...nsg,
                securityRules: shuffled(nsg.securityRules ?? [], seed + i),
              })),
            },
          });
          for (const flow of scenario.flows)
            expect(summary(reordered.evaluate(flow))).toEqual(summary(original.evaluate(flow)));
        }),
        { numRuns: 200 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});
