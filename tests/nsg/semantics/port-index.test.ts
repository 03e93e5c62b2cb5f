/**
 * The evaluator indexes large rule lists by destination port (src/lib/nsg/rule-index.ts). Whatever
 * the index, the deciding rule must be the first rule, in priority order, that matches: checked here
 * against a linear scan over NSGs of Azure's maximum size, built by the benchmark's generators.
 */
import { describe, expect, it } from "vitest";
import { firstMatch, parseIp, ruleMatches, type Packet } from "../../../src/lib/nsg/index.ts";
import { generateFlows, largeScenario } from "../../../bench/generators.ts";
import { seeded } from "../../../bench/random.ts";
import { nextCandidate, portIndex, startCandidates } from "../../../src/lib/nsg/rule-index.ts";
import { evaluatorFor } from "../support/scenario.ts";

describe("indexed first match on 1,000-rule NSGs", () => {
  const rng = seeded(7);
  const { topology } = largeScenario(rng);
  const evaluator = evaluatorFor(topology);

  it("picks the same rule as a linear scan for every protocol and many ports", () => {
    const addresses = [
      "10.0.1.4",
      "10.0.2.5",
      "20.60.0.10",
      "52.14.2.9",
      "13.0.0.1",
      "104.20.30.40",
      "168.63.129.16",
    ].map((a) => {
      const parsed = parseIp(a);
      if (!parsed.ok) throw new Error(a);
      return parsed.value;
    });
    let checked = 0;
    for (const nsg of topology.nsgs!) {
      const compiled = evaluator.cache.get(nsg.name, "vnet")!;
      for (const rules of [compiled.inbound, compiled.outbound]) {
        for (let i = 0; i < 300; i++) {
          const packet: Packet = {
            protocol: rng.pick(["Tcp", "Udp", "Icmp", "Esp", "Ah"] as const),
            source: rng.pick(addresses),
            destination: rng.pick(addresses),
            sourcePort: rng.int(0, 65535),
            destinationPort: rng.chance(0.5)
              ? rng.pick([0, 22, 80, 443, 1433, 3389, 65535])
              : rng.int(0, 65535),
          };
          expect(firstMatch(rules, packet)).toBe(rules.find((r) => ruleMatches(r, packet)));
          checked++;
        }
      }
    }
    expect(checked).toBe(topology.nsgs!.length * 2 * 300);
  });

  it("gives the benchmark's flows verdicts whose every step names the first matching rule", () => {
    for (const flow of generateFlows(rng, 500, ["vm0", "vm1", "vm2", "vm3"])) {
      const result = evaluator.evaluate(flow);
      expect(result.ok).toBe(true);
      if (!result.ok) continue;
      for (const step of result.value.steps) {
        if (step.kind !== "nsg") continue;
        const compiled = evaluator.cache.get(step.nsg, "vnet")!;
        const rules = step.direction === "Inbound" ? compiled.inbound : compiled.outbound;
        expect(step.rule.name).toBe(rules.find((r) => ruleMatches(r, step.packet))!.rule.name);
      }
    }
  });
});

describe("the port index stays linear in the rules", () => {
  const rng = seeded(11);
  const { topology } = largeScenario(rng);
  const evaluator = evaluatorFor(topology);
  const template = evaluator.cache.get(topology.nsgs![0]!.name, "vnet")!.inbound[0]!;
  // 4,000 wide, overlapping ranges: a list per segment would hold 16 million entries.
  const wide = Array.from({ length: 4000 }, (_, i) => ({
    ...template,
    destinationPorts: [[(i * 7) % 60000, 60000 + (i % 5000)] as const],
  }));

  it("keeps each rule in at most two nodes per tree level", () => {
    const index = portIndex(wide);
    const levels = Math.log2(index.size) + 1;
    expect(index.members.length).toBeLessThanOrEqual(wide.length * 2 * levels);
    expect(index.members.length).toBeLessThan(100_000);
  });

  it("merges a queried segment once, within its budget, and still lists candidates in priority order", () => {
    for (const port of [0, 22, 30000, 59999, 60000, 64999, 65535]) {
      startCandidates(portIndex(wide), port);
      const seen: number[] = [];
      for (let r = nextCandidate(); r >= 0; r = nextCandidate()) seen.push(r);
      const expected = wide.flatMap((rule, r) =>
        rule.destinationPorts.some(([lo, hi]) => lo <= port && port <= hi) ? [r] : [],
      );
      expect(seen).toEqual(expected);
    }
    const index = portIndex(wide);
    expect(index.budget).toBeGreaterThanOrEqual(0);
  });
});
