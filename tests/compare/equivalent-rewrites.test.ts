/**
 * Rules that are equivalent must pass: every exercise's reference solution, rewritten the ways
 * people rewrite rules (other names, other priorities in the same order, a prefix split into its
 * halves, a port written as a range, a prefix list reordered), reaches exactly what it reached.
 */
import fc from "fast-check";
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compareNetworks } from "../../src/lib/compare/compare-networks.ts";
import { applyRules } from "../../src/lib/grader/apply-rules.ts";
import type { Exercise } from "../../src/lib/grader/index.ts";
import { parseLearnerRules } from "../../src/lib/grader/parse-learner-rules.ts";
import { createEvaluator, type Evaluator } from "../../src/lib/nsg/evaluator.ts";
import type { SecurityRule } from "../../src/lib/nsg/rule-schema.ts";
import type { Topology } from "../../src/lib/nsg/topology-schema.ts";
import { exerciseFile } from "../grader/fixtures.ts";

const exercises = readdirSync("graders")
  .filter((f) => f.endsWith(".yaml"))
  .map(exerciseFile)
  .filter((e) => e.kind === "author-rules" && e.solution !== undefined);

function referenceTopology(exercise: Exercise): Topology {
  const doc = parseLearnerRules(exercise.solution!, exercise);
  if (!doc.ok) throw new Error(`${exercise.id}: ${JSON.stringify(doc.errors)}`);
  const applied = applyRules(exercise, doc.value);
  if (!applied.ok) throw new Error(`${exercise.id}: ${JSON.stringify(applied.errors)}`);
  return applied.value;
}

function evaluator(topology: Topology, exercise: Exercise): Evaluator {
  const built = createEvaluator(topology, exercise.subscription);
  if (!built.ok) throw new Error(`${exercise.id}: ${JSON.stringify(built.errors)}`);
  return built.value;
}

/** Splits an IPv4 CIDR of /31 or wider into its two halves. */
function halves(prefix: string): string[] | undefined {
  const match = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(prefix);
  if (!match) return undefined;
  const length = Number(match[5]);
  if (length >= 32) return undefined;
  const base = match.slice(1, 5).reduce((a, o) => a * 256 + Number(o), 0);
  const half = 2 ** (31 - length);
  const text = (n: number) => [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join(".");
  return [`${text(base)}/${length + 1}`, `${text(base + half)}/${length + 1}`];
}

interface Rewrite {
  rename: boolean;
  /** Gaps added between consecutive priorities (same order, all within 100–4096). */
  spread: number;
  split: boolean;
  portsAsRanges: boolean;
  reverseLists: boolean;
}

function rewriteRules(rules: readonly SecurityRule[], how: Rewrite): SecurityRule[] {
  const byDirection = (d: string) =>
    rules.filter((r) => r.direction === d).sort((a, b) => a.priority - b.priority);
  const renumbered = new Map<SecurityRule, number>();
  for (const direction of ["Inbound", "Outbound"]) {
    let next = 100;
    for (const r of byDirection(direction)) {
      next = Math.max(next, r.priority > 4096 - 50 ? r.priority : next);
      renumbered.set(r, Math.min(next, 4096));
      next += 1 + how.spread;
    }
  }
  return rules.map((r, i) => {
    const prefixes = how.split
      ? r.sourceAddressPrefixes.flatMap((p) => halves(p) ?? [p])
      : [...r.sourceAddressPrefixes];
    const ports = how.portsAsRanges
      ? r.destinationPortRanges.map((p) => (/^\d+$/.test(p) ? `${p}-${p}` : p))
      : [...r.destinationPortRanges];
    const ordered = <T>(list: T[]) => (how.reverseLists ? [...list].reverse() : list);
    return {
      ...r,
      name: how.rename ? `rewritten-${i}` : r.name,
      priority: how.spread > 0 ? renumbered.get(r)! : r.priority,
      sourceAddressPrefixes: ordered(prefixes),
      destinationPortRanges: ordered(ports),
    };
  });
}

const rewrite = fc.record({
  rename: fc.boolean(),
  spread: fc.integer({ min: 0, max: 40 }),
  split: fc.boolean(),
  portsAsRanges: fc.boolean(),
  reverseLists: fc.boolean(),
});

describe("equivalent rewrites of every reference solution", () => {
  for (const exercise of exercises) {
    it(`${exercise.id}: a rewritten solution reaches exactly what the solution reaches`, () => {
      const topology = referenceTopology(exercise);
      const reference = evaluator(topology, exercise);
      fc.assert(
        fc.property(rewrite, (how) => {
          const nsgs = topology.nsgs.map((n) =>
            exercise.editable.includes(n.name)
              ? { ...n, securityRules: rewriteRules(n.securityRules, how) }
              : n,
          );
          const learner = evaluator({ ...topology, nsgs }, exercise);
          expect(compareNetworks(learner, reference, { editable: exercise.editable })).toEqual([]);
        }),
        { numRuns: 15 },
      );
    });
  }
});
