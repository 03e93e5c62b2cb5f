/** A verdict's trace always ends at the step that decided it, and its access is that step's. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scenarioWithFlows } from "./arbitraries.ts";
import { PROPERTY_TIMEOUT_MS, evaluatorOf } from "./build.ts";

describe("property: the trace ends at the deciding step", () => {
  it(
    "ends with the deciding step; every earlier step allowed; a deny is the last step",
    () => {
      fc.assert(
        fc.property(scenarioWithFlows, (scenario) => {
          const evaluator = evaluatorOf(scenario);
          for (const flow of scenario.flows) {
            const result = evaluator.evaluate(flow);
            if (!result.ok) continue;
            const { steps, decidingStep, access } = result.value;
            expect(steps.length).toBeGreaterThan(0);
            expect(steps.at(-1)).toBe(decidingStep);
            expect(access).toBe(decidingStep.access);
            for (const step of steps.slice(0, -1)) expect(step.access).toBe("Allow");
            // The SMTP block denies; a host service's traffic is let past the NSGs.
            if (decidingStep.kind === "platform")
              expect(access).toBe(decidingStep.restriction === "outbound-smtp" ? "Deny" : "Allow");
            if (decidingStep.kind === "stateful") {
              expect(steps).toHaveLength(1);
              expect(access).toBe(decidingStep.initiator.access);
            }
            for (const step of steps) {
              if (step.kind === "nsg") expect(step.access).toBe(step.rule.access);
            }
          }
        }),
        { numRuns: 300 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});
