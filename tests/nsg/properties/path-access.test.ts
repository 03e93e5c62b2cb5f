/**
 * A path's access (what the semantic comparison asks per cell, without building a trace) is the
 * verdict's access, for every generated scenario and flow; and a path exists exactly when the
 * flow's endpoints make one.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EPHEMERAL_PORT } from "../../../src/lib/nsg/index.ts";
import { scenarioWithFlows } from "./arbitraries.ts";
import { PROPERTY_TIMEOUT_MS, evaluatorOf } from "./build.ts";

describe("property: a path's access agrees with the full evaluation", () => {
  it(
    "gives the verdict's access for every initiating flow, and fails where evaluation fails",
    () => {
      let compared = 0;
      fc.assert(
        fc.property(scenarioWithFlows, (scenario) => {
          const evaluator = evaluatorOf(scenario);
          for (const flow of scenario.flows) {
            if (flow.response) continue;
            const verdict = evaluator.evaluate(flow);
            const path = evaluator.path(flow.from, flow.to);
            if (!path.ok) {
              expect(verdict.ok).toBe(false);
              if (!verdict.ok) expect(verdict.errors).toEqual(path.errors);
              continue;
            }
            if (!verdict.ok) continue; // a port-less TCP flow: the path exists, the flow is incomplete
            const access = path.value.access(
              verdict.value.flow.protocol,
              flow.sourcePort ?? EPHEMERAL_PORT,
              flow.port ?? 0,
            );
            expect(access).toBe(verdict.value.access);
            compared++;
          }
        }),
        { numRuns: 300 },
      );
      expect(compared).toBeGreaterThan(300);
    },
    PROPERTY_TIMEOUT_MS,
  );

  it("reuses its packets without changing what an earlier verdict recorded", () => {
    fc.assert(
      fc.property(scenarioWithFlows, (scenario) => {
        const evaluator = evaluatorOf(scenario);
        const flow = scenario.flows.find((f) => !f.response && f.port !== undefined);
        if (!flow) return;
        const before = evaluator.evaluate(flow);
        const path = evaluator.path(flow.from, flow.to);
        if (!before.ok || !path.ok) return;
        const packets = structuredClone(before.value.steps);
        path.value.access("Udp", 1, 2);
        expect(before.value.steps).toEqual(packets);
      }),
      { numRuns: 100 },
    );
  });
});
