/**
 * The lint's "covered by an earlier rule" through the port index is what comparing every pair
 * of rules gives: for generated NSGs of up to 80 rules, every rule's first covering rule.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { covers, firstCovering } from "../../src/lib/analysis/rule-coverage.ts";
import type { CompiledRule } from "../../src/lib/nsg/compile.ts";
import { ruleBody } from "../nsg/properties/arbitraries.ts";
import { PROPERTY_TIMEOUT_MS } from "../nsg/properties/build.ts";
import { webVm } from "./scenario.ts";

/** The pairwise reference: the first earlier custom rule, in priority order, that covers it. */
const pairwise = (rules: readonly CompiledRule[], at: number): CompiledRule | undefined =>
  rules.slice(0, at).find((earlier) => !earlier.isDefault && covers(earlier, rules[at]!));

const nsgRules = fc.uniqueArray(fc.integer({ min: 100, max: 4096 }), { maxLength: 80 }).chain((priorities) =>
  fc.tuple(...priorities.map(() => ruleBody(false))).map((bodies) =>
    bodies.map((body, i) => ({
      name: `r${i}`,
      priority: priorities[i]!,
      direction: "Inbound",
      // The generators' custom tag is not in this scenario.
      ...(JSON.parse(JSON.stringify(body).replaceAll('"Storage"', '"Internet"')) as object),
    })),
  ),
);

describe("property: the first covering rule, found through the port index", () => {
  it(
    "is the one comparing every earlier rule finds",
    () => {
      fc.assert(
        fc.property(nsgRules, (rules) => {
          const evaluator = webVm(undefined, rules);
          const compiled = evaluator.cache.get("nic-nsg", "vnet")!.inbound;
          compiled.forEach((_, at) => expect(firstCovering(compiled, at)).toBe(pairwise(compiled, at)));
        }),
        { numRuns: 300 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});
