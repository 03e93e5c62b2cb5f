import { describe, expect, it } from "vitest";
import { hasAnswered, lessonIsDone, recordKnowledgeCheck } from "../../src/lib/progress/lesson-completion.ts";
import { recordPass } from "../../src/lib/exercise-ui/exercise-progress.ts";
import { Store } from "../../src/lib/store/store.ts";
import { memoryStorage } from "../exercise-ui/support.ts";

describe("a lesson completes itself", () => {
  it("once every exercise has passed and every knowledge check is answered right", () => {
    const store = new Store(memoryStorage());
    const parts = { exerciseIds: ["a", "b"], checkIds: ["kc-1"] };
    expect(lessonIsDone(store, parts)).toBe(false);
    recordPass(store, "a");
    recordPass(store, "b");
    expect(lessonIsDone(store, parts)).toBe(false);
    expect(recordKnowledgeCheck(store, "kc-1")).toBe(true);
    expect(hasAnswered(store, "kc-1")).toBe(true);
    expect(lessonIsDone(store, parts)).toBe(true);
  });

  it("never for a lesson with nothing to do, and not when storage refuses", () => {
    expect(lessonIsDone(new Store(memoryStorage()), { exerciseIds: [], checkIds: [] })).toBe(false);
    expect(recordKnowledgeCheck(new Store(memoryStorage({}, { write: "blocked" })), "kc-1")).toBe(false);
  });
});
