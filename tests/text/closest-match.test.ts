import { describe, expect, it } from "vitest";
import { closestMatch, editDistance } from "../../src/lib/text/closest-match.ts";

describe("did-you-mean matching", () => {
  it("counts insertions, deletions and substitutions", () => {
    expect(editDistance("craete", "create")).toBe(2);
    expect(editDistance("--protocl", "--protocol")).toBe(1);
    expect(editDistance("", "abc")).toBe(3);
  });

  it("picks the nearest candidate within the limit, else nothing", () => {
    expect(closestMatch("craete", ["delete", "create", "update"])).toBe("create");
    expect(closestMatch("priorty", ["priority", "protocol"], 2)).toBe("priority");
    expect(closestMatch("banana", ["create", "delete"], 2)).toBeUndefined();
  });
});
