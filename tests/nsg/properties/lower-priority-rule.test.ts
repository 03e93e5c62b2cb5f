/**
 * "Once traffic matches a rule, processing stops. As a result, any rules that exist with lower
 * priorities (higher numbers) that have the same attributes as rules with higher priorities aren't
 * processed." (Azure NSG overview.) So a rule added below a matching rule — whatever it says —
 * never changes the verdict.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { NsgStep, SecurityRuleInput, TopologyInput } from "../../../src/lib/nsg/index.ts";
import { flowArb, ruleBody, scenarioArb } from "./arbitraries.ts";
import { PROPERTY_TIMEOUT_MS, evaluatorOf, nsgSteps, summary } from "./build.ts";

const cases = scenarioArb.chain((scenario) =>
  fc.tuple(fc.constant(scenario), flowArb(scenario), ruleBody(), fc.nat(), fc.nat(), fc.nat()),
);

function withRule(topology: TopologyInput, nsgName: string, rule: SecurityRuleInput): TopologyInput {
  return {
    ...topology,
    nsgs: topology.nsgs!.map((n) =>
      n.name === nsgName ? { ...n, securityRules: [...(n.securityRules ?? []), rule] } : n,
    ),
  };
}

const freePriorities = (topology: TopologyInput, step: NsgStep, above: number): number[] => {
  const taken = new Set(
    (topology.nsgs!.find((n) => n.name === step.nsg)!.securityRules as SecurityRuleInput[])
      .filter((r) => r.direction === step.direction)
      .map((r) => r.priority),
  );
  return Array.from({ length: 4096 - above }, (_, i) => above + 1 + i).filter((p) => !taken.has(p));
};

describe("property: a rule added below a matching rule changes nothing", () => {
  it(
    "keeps verdict and trace when an allow matches at some NSG and any rule is added below it",
    () => {
      let exercised = 0;
      fc.assert(
        fc.property(cases, ([scenario, flow, body, pickStep, pickAllow, pickBelow]) => {
          const first = evaluatorOf(scenario).evaluate(flow);
          if (!first.ok) return;
          const step = nsgSteps(first.value)[pickStep % Math.max(1, nsgSteps(first.value).length)];
          if (!step) return;
          // 1. Make a custom allow match that NSG's packet: exactly its addresses, any protocol and port.
          const allowAt = freePriorities(scenario.topology, step, 99);
          const allow = {
            name: "matching-allow",
            priority: allowAt[pickAllow % allowAt.length]!,
            direction: step.direction,
            access: "Allow",
            protocol: "*",
            sourceAddressPrefix: step.packet.source.text,
            sourcePortRange: "*",
            destinationAddressPrefix: step.packet.destination.text,
            destinationPortRange: "*",
          } as SecurityRuleInput;
          const withAllow = { ...scenario, topology: withRule(scenario.topology, step.nsg, allow) };
          const before = evaluatorOf(withAllow).evaluate(flow);
          expect(before.ok).toBe(true);
          if (!before.ok) return;
          // 2. Add any rule below every rule that decided at this NSG in this direction.
          const decided = nsgSteps(before.value).filter(
            (s) => s.nsg === step.nsg && s.direction === step.direction,
          );
          expect(decided.length).toBeGreaterThan(0);
          const floor = Math.max(...decided.map((s) => s.rule.priority));
          const below = freePriorities(withAllow.topology, step, floor);
          if (below.length === 0) return;
          const added = {
            ...body,
            name: "added-below",
            priority: below[pickBelow % below.length]!,
            direction: step.direction,
          } as SecurityRuleInput;
          const after = evaluatorOf({
            ...withAllow,
            topology: withRule(withAllow.topology, step.nsg, added),
          }).evaluate(flow);
          exercised++;
          expect(summary(after)).toEqual(summary(before));
        }),
        { numRuns: 500 },
      );
      // Guards the generators: most runs must reach the comparison.
      expect(exercised).toBeGreaterThan(250);
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    "never turns an allowed flow into a denied one, nor a denied one into an allowed one",
    () => {
      fc.assert(
        fc.property(cases, ([scenario, flow, body, , , pickBelow]) => {
          const before = evaluatorOf(scenario).evaluate(flow);
          if (!before.ok) return;
          const custom = nsgSteps(before.value).filter((s) => !s.rule.isDefault);
          const step = custom[pickBelow % Math.max(1, custom.length)];
          if (!step) return;
          const floor = Math.max(
            ...nsgSteps(before.value)
              .filter((s) => s.nsg === step.nsg && s.direction === step.direction)
              .map((s) => s.rule.priority),
          );
          const below = freePriorities(scenario.topology, step, floor);
          if (below.length === 0) return;
          const added = {
            ...body,
            name: "added-below",
            priority: below[pickBelow % below.length]!,
            direction: step.direction,
          } as SecurityRuleInput;
          const after = evaluatorOf({
            ...scenario,
            topology: withRule(scenario.topology, step.nsg, added),
          }).evaluate(flow);
          expect(after.ok && after.value.access).toBe(before.value.access);
        }),
        { numRuns: 300 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});
