/** The same scenario and flow always give the same verdict: no hidden state, cache or order effects. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scenarioWithFlows } from "./arbitraries.ts";
import { PROPERTY_TIMEOUT_MS, evaluatorOf, summary } from "./build.ts";

describe("property: evaluation is deterministic", () => {
  it(
    "gives the same verdict twice on one evaluator, and on a fresh evaluator in reverse flow order",
    () => {
      fc.assert(
        fc.property(scenarioWithFlows, (scenario) => {
          const first = evaluatorOf(scenario);
          const once = scenario.flows.map((f) => summary(first.evaluate(f)));
          const twice = scenario.flows.map((f) => summary(first.evaluate(f)));
          const fresh = evaluatorOf(scenario);
          const reversed = [...scenario.flows]
            .reverse()
            .map((f) => summary(fresh.evaluate(f)))
            .reverse();
          expect(twice).toEqual(once);
          expect(reversed).toEqual(once);
        }),
        { numRuns: 200 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});
