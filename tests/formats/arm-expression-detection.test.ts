/** Telling an ARM expression from a literal: the quick look at the first character changes no answer. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isArmExpression } from "../../src/lib/formats/rule-shapes.ts";

/** The test as written before the quick look: the whole trimmed text against the pattern. */
const reference = (text: string) => /^\[(?!\[)[\s\S]*\]$/.test(text.trim());

describe("property: recognising an ARM expression", () => {
  it("agrees with matching the trimmed text, whatever it starts with", () => {
    const text = fc.string({
      unit: fc.oneof(
        fc.constantFrom("[", "]", "[[", " ", "\t", "\n", "\u00a0", "\u2003", "\ufeff", "x", "(", "'"),
        fc.string({ maxLength: 1 }),
      ),
      maxLength: 12,
    });
    fc.assert(
      fc.property(text, (value) => {
        expect(isArmExpression(value)).toBe(reference(value));
      }),
      { numRuns: 5000 },
    );
    expect(isArmExpression(" [parameters('x')]")).toBe(true);
    expect(isArmExpression("[[literal]")).toBe(false);
  });
});
