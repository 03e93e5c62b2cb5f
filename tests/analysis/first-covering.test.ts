/**
 * The lint's "covered by an earlier rule" (boxes, then sets, then the port index) is what
 * comparing every pair of rules the plain way gives: for generated NSGs of up to 160 rules in
 * both directions (past a list's first 64 rules the port index is asked), every rule's first
 * covering rule. The reference below is the lint's algorithm before it was made fast, kept here
 * as the definition.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { coveringRules, portsCover } from "../../src/lib/analysis/rule-coverage.ts";
import { isSubset } from "../../src/lib/nsg/address-set.ts";
import type { CompiledRule } from "../../src/lib/nsg/compile.ts";
import type { PortInterval } from "../../src/lib/nsg/ports.ts";
import { ruleBody } from "../nsg/properties/arbitraries.ts";
import { PROPERTY_TIMEOUT_MS } from "../nsg/properties/build.ts";
import { webVm } from "./scenario.ts";

/** Every inner range inside one range of the outer ranges merged (adjacent ones joined). */
function referencePortsCover(outer: readonly PortInterval[], inner: readonly PortInterval[]): boolean {
  const merged = [...outer]
    .sort((a, b) => a[0] - b[0])
    .reduce<[number, number][]>((acc, [lo, hi]) => {
      const last = acc[acc.length - 1];
      if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
      else acc.push([lo, hi]);
      return acc;
    }, []);
  return inner.every(([lo, hi]) => merged.some(([mlo, mhi]) => lo >= mlo && hi <= mhi));
}

const carriesPorts = (rule: CompiledRule): boolean =>
  rule.rule.protocol === "*" || rule.rule.protocol === "Tcp" || rule.rule.protocol === "Udp";

/** Every packet `later` matches is matched by `earlier` (ports only for TCP/UDP packets). */
function referenceCovers(earlier: CompiledRule, later: CompiledRule): boolean {
  const a = earlier.rule;
  const b = later.rule;
  if (a.direction !== b.direction) return false;
  if (a.protocol !== "*" && a.protocol !== b.protocol) return false;
  if (
    carriesPorts(later) &&
    !(
      referencePortsCover(earlier.destinationPorts, later.destinationPorts) &&
      referencePortsCover(earlier.sourcePorts, later.sourcePorts)
    )
  )
    return false;
  return (
    isSubset(later.sourceAddresses, earlier.sourceAddresses) &&
    isSubset(later.destinationAddresses, earlier.destinationAddresses)
  );
}

/** The pairwise reference: the first earlier custom rule, in priority order, that covers it. */
const pairwise = (rules: readonly CompiledRule[], at: number): CompiledRule | undefined =>
  rules.slice(0, at).find((earlier) => !earlier.isDefault && referenceCovers(earlier, rules[at]!));

// `size: "max"`: otherwise fast-check keeps arrays to about 10 entries, whatever maxLength says.
const nsgRules = fc
  .uniqueArray(fc.integer({ min: 100, max: 4096 }), { maxLength: 160, size: "max" })
  .chain((priorities) =>
    fc
      // Mostly inbound, so that the inbound list often passes the 64 rules tried before the index.
      .tuple(
        ...priorities.map(() => fc.tuple(ruleBody(false), fc.constantFrom("Inbound", "Inbound", "Outbound"))),
      )
      .map((bodies) =>
        bodies.map(([body, direction], i) => ({
          name: `r${i}`,
          priority: priorities[i]!,
          direction,
          // The generators' custom tag is not in this scenario.
          ...(JSON.parse(JSON.stringify(body).replaceAll('"Storage"', '"Internet"')) as object),
        })),
      ),
  );

describe("property: the first covering rule of each rule", () => {
  it(
    "is the one comparing every earlier rule finds",
    () => {
      fc.assert(
        fc.property(nsgRules, (rules) => {
          const evaluator = webVm(undefined, rules);
          const compiled = evaluator.cache.get("nic-nsg", "vnet")!;
          for (const list of [compiled.inbound, compiled.outbound]) {
            const found = coveringRules(list);
            list.forEach((_, at) => expect(found[at]).toBe(pairwise(list, at)));
          }
        }),
        { numRuns: 150 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});

const portRange = fc
  .tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 6 }))
  .map(([lo, width]): PortInterval => [lo, lo + width]);

describe("property: portsCover", () => {
  it("is merging the outer ranges and looking each inner range up", () => {
    fc.assert(
      fc.property(
        fc.array(portRange, { maxLength: 6 }),
        fc.array(portRange, { maxLength: 4 }),
        (outer, inner) => {
          expect(portsCover(outer, inner)).toBe(referencePortsCover(outer, inner));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
