/** The address memo keeps what is in use past its limit, and never more than two generations. */
import { describe, expect, it } from "vitest";
import { BoundedMemo } from "../../../src/lib/nsg/bounded-memo.ts";

describe("a bounded memo", () => {
  it("computes each key once while it stays in use, however many others pass through", () => {
    const memo = new BoundedMemo<number>(100);
    let computed = 0;
    const get = (key: string) => memo.get(key, () => ++computed);
    const hot = get("hot");
    for (let i = 0; i < 1000; i++) {
      get(`cold ${i}`);
      expect(get("hot")).toBe(hot);
    }
    expect(computed).toBe(1001);
  });

  it("forgets what is no longer asked for, keeping at most two generations", () => {
    const memo = new BoundedMemo<number>(10);
    let computed = 0;
    for (let i = 0; i < 30; i++) memo.get(`k${i}`, () => ++computed);
    expect(memo.get("k29", () => -1)).toBe(30); // the current generation
    expect(memo.get("k15", () => -1)).toBe(16); // the previous one
    expect(memo.get("k0", () => -1)).toBe(-1); // dropped
  });
});
