/**
 * A union of address sets is the set of the addresses any of them holds, merged as `addressSet`
 * merges, whether made by `union` or by an `AddressSetBuilder` fed ranges and sets.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addressSet, union } from "../../../src/lib/nsg/address-set.ts";
import { AddressSetBuilder } from "../../../src/lib/nsg/address-set-builder.ts";

const v4Interval = fc
  .tuple(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 300 }))
  .map(([lo, width]): [number, number] => [lo, Math.min(0xffffffff, lo + width)]);
/** Small ranges around a few values, so that intervals overlap and touch often. */
const nearInterval = fc
  .tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 6 }))
  .map(([lo, width]): [number, number] => [lo, lo + width]);
const v6Interval = fc
  .tuple(fc.bigInt({ min: 0n, max: 1000n }), fc.bigInt({ min: 0n, max: 50n }))
  .map(([lo, width]): [bigint, bigint] => [lo, lo + width]);
const set = fc
  .tuple(
    fc.array(fc.oneof(v4Interval, nearInterval), { maxLength: 6 }),
    fc.array(v6Interval, { maxLength: 4 }),
  )
  .map(([v4, v6]) => ({ v4, v6 }));

describe("property: a union of address sets", () => {
  it("equals the set of all their intervals", () => {
    fc.assert(
      fc.property(fc.array(set, { minLength: 1, maxLength: 6 }), (sets) => {
        const expected = addressSet(
          sets.flatMap((s) => s.v4),
          sets.flatMap((s) => s.v6),
        );
        expect(union(...sets.map((s) => addressSet(s.v4, s.v6)))).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("property: an address set builder", () => {
  it("builds what union builds, set after set with one builder, short lists and long", () => {
    const builder = new AddressSetBuilder();
    const part = fc.oneof(fc.oneof(v4Interval, nearInterval), set);
    fc.assert(
      fc.property(fc.array(fc.array(part, { maxLength: 90 }), { minLength: 1, maxLength: 4 }), (builds) => {
        for (const parts of builds) {
          const sets = parts.map((p) => (Array.isArray(p) ? addressSet([p]) : addressSet(p.v4, p.v6)));
          for (const p of parts) {
            if (Array.isArray(p)) builder.addV4(p[0], p[1]);
            else builder.add(addressSet(p.v4, p.v6));
          }
          expect(builder.build()).toEqual(sets.length > 0 ? union(...sets) : addressSet());
        }
      }),
      { numRuns: 500 },
    );
  });
});
