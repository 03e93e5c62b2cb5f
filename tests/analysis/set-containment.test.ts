/** The lint's own address containment answers as address-set.ts's `isSubset` does. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { containsAll } from "../../src/lib/analysis/set-containment.ts";
import { addressSet, isSubset } from "../../src/lib/nsg/address-set.ts";

/** Small values, so that generated intervals often overlap, touch and nest. */
const v4Interval = fc
  .tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 8 }))
  .map(([lo, width]): [number, number] => [lo, lo + width]);
const v6Interval = fc
  .tuple(fc.bigInt({ min: 0n, max: 60n }), fc.bigInt({ min: 0n, max: 8n }))
  .map(([lo, width]): [bigint, bigint] => [lo, lo + width]);
const set = fc
  .tuple(fc.array(v4Interval, { maxLength: 4 }), fc.array(v6Interval, { maxLength: 3 }))
  .map(([v4, v6]) => addressSet(v4, v6));

describe("property: containsAll", () => {
  it("is isSubset with its arguments the other way round", () => {
    fc.assert(
      fc.property(set, set, (outer, inner) => {
        expect(containsAll(outer, inner)).toBe(isSubset(inner, outer));
        expect(containsAll(outer, outer)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
