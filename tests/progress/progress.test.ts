import { describe, expect, it } from "vitest";
import {
  countComplete,
  emptyProgress,
  firstUnfinished,
  isComplete,
  markComplete,
  markIncomplete,
} from "../../src/lib/progress/index.ts";

const at = new Date("2025-01-02T03:04:05.000Z");

describe("progress operations", () => {
  it("marks a lesson complete with its time, without mutating the input", () => {
    const before = emptyProgress();
    const after = markComplete(before, "what-is-an-nsg", at);
    expect(isComplete(after, "what-is-an-nsg")).toBe(true);
    expect(after.completed["what-is-an-nsg"]).toBe("2025-01-02T03:04:05.000Z");
    expect(isComplete(before, "what-is-an-nsg")).toBe(false);
  });

  it("keeps the first completion time when marked twice", () => {
    const once = markComplete(emptyProgress(), "a", at);
    expect(markComplete(once, "a", new Date())).toBe(once);
  });

  it("unmarks a lesson", () => {
    const p = markIncomplete(markComplete(emptyProgress(), "a", at), "a");
    expect(isComplete(p, "a")).toBe(false);
    expect(p.completed).toEqual({});
  });

  it("does not treat inherited object keys as completed lessons", () => {
    expect(isComplete(emptyProgress(), "toString")).toBe(false);
  });

  it("continues at the first unfinished lesson in course order", () => {
    const p = markComplete(markComplete(emptyProgress(), "a", at), "c", at);
    expect(firstUnfinished(p, ["a", "b", "c"])).toBe("b");
    expect(firstUnfinished(markComplete(p, "b", at), ["a", "b", "c"])).toBeUndefined();
  });

  it("counts only lessons that still exist", () => {
    const p = markComplete(markComplete(emptyProgress(), "a", at), "removed-lesson", at);
    expect(countComplete(p, ["a", "b"])).toBe(1);
  });
});
