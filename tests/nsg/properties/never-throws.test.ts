/** Evaluation is total on valid input: every flow gets a verdict or an error value, never an exception. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scenarioWithFlows } from "./arbitraries.ts";
import { PROPERTY_TIMEOUT_MS, evaluatorOf } from "./build.ts";
import { joinMessages } from "../../../src/lib/result.ts";

describe("property: evaluation never throws on valid input", () => {
  it(
    "validates every generated scenario and evaluates every generated flow without throwing",
    () => {
      fc.assert(
        fc.property(scenarioWithFlows, (scenario) => {
          const evaluator = evaluatorOf(scenario);
          for (const flow of scenario.flows) {
            const result = evaluator.evaluate(flow);
            expect(typeof result.ok).toBe("boolean");
            if (result.ok) expect(["Allow", "Deny"]).toContain(result.value.access);
            else expect(joinMessages(result.errors).length).toBeGreaterThan(0);
          }
        }),
        { numRuns: 300 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    "produces verdicts (not only errors) for most generated flows",
    () => {
      let verdicts = 0;
      let total = 0;
      fc.assert(
        fc.property(scenarioWithFlows, (scenario) => {
          const evaluator = evaluatorOf(scenario);
          for (const flow of scenario.flows) {
            total++;
            if (evaluator.evaluate(flow).ok) verdicts++;
          }
        }),
        { numRuns: 100, seed: 7 },
      );
      // Guards the generators: a property that only ever sees errors proves nothing.
      expect(verdicts / total).toBeGreaterThan(0.5);
    },
    PROPERTY_TIMEOUT_MS,
  );
});
