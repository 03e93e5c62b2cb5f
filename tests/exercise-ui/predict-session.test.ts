import { describe, expect, it } from "vitest";
import {
  check,
  choose,
  flowView,
  isComplete,
  reveal,
  scoreText,
  startSession,
  type PredictSession,
} from "../../src/lib/exercise-ui/predict-session.ts";

const views = (s: PredictSession, passes: boolean[]) => s.flows.map((f, i) => flowView(f, passes[i]).kind);

describe("a learner's predictions", () => {
  it("starts with nothing chosen and nothing to show", () => {
    const s = startSession(3);
    expect(s.flows).toEqual([
      { wrongTries: 0, revealed: false, checked: false },
      { wrongTries: 0, revealed: false, checked: false },
      { wrongTries: 0, revealed: false, checked: false },
    ]);
    expect(views(s, [false, false, false])).toEqual(["open", "open", "open"]);
    expect(scoreText(s, [false, false, false])).toBeUndefined();
  });

  it("checking before answering asks for answers and counts no try", () => {
    const s = check(startSession(2), [false, false]);
    expect(views(s, [false, false])).toEqual(["unanswered", "unanswered"]);
    expect(s.flows.every((f) => f.wrongTries === 0)).toBe(true);
    expect(scoreText(s, [false, false])).toBe("Choose Allow or Deny for each flow, then press Check.");
  });

  it("a first wrong check hides the verdict and asks to try again", () => {
    let s = choose(choose(startSession(3), 0, "allow"), 1, "deny");
    const passes = [false, true, false];
    s = check(s, passes);
    expect(views(s, passes)).toEqual(["try-again", "right", "unanswered"]);
    expect(flowView(s.flows[0]!, false)).toEqual({ kind: "try-again", wrongTries: 1 });
    expect(scoreText(s, passes)).toBe(
      "1 of 3 predictions are right. 1 not answered yet. Think again about the ones marked “Not quite” and check again, or show their answers.",
    );
  });

  it("shows the verdict after a second wrong check, even of the same answer", () => {
    let s = check(choose(startSession(1), 0, "allow"), [false]);
    s = check(s, [false]);
    expect(s.flows[0]).toEqual({ answer: "allow", wrongTries: 2, revealed: true, checked: true });
    expect(views(s, [false])).toEqual(["shown"]);
    expect(scoreText(s, [false])).toBe("0 of 1 predictions are right. Change your answers and check again.");
  });

  it("shows the verdict on request, and a corrected answer then passes", () => {
    let s = check(choose(startSession(2), 0, "allow"), [false, false]);
    s = reveal(s, 0);
    expect(views(s, [false, false])).toEqual(["shown", "unanswered"]);
    s = choose(s, 0, "deny");
    expect(views(s, [true, false])).toEqual(["open", "unanswered"]);
    s = check(choose(s, 1, "allow"), [true, true]);
    expect(views(s, [true, true])).toEqual(["right", "right"]);
    expect(isComplete(s, [true, true])).toBe(true);
    expect(scoreText(s, [true, true])).toBe("All 2 predictions are right. Exercise complete ✓");
    // Tries so far are kept: a later wrong answer shows its verdict at once.
    expect(check(choose(s, 0, "allow"), [false, true]).flows[0]!.revealed).toBe(true);
  });

  it("a changed answer makes its verdict stale; choosing the same answer again does not", () => {
    const s = check(choose(startSession(1), 0, "deny"), [true]);
    expect(choose(s, 0, "deny")).toBe(s);
    expect(choose(s, 0, "allow").flows[0]).toEqual({
      answer: "allow",
      wrongTries: 0,
      revealed: false,
      checked: false,
    });
    expect(choose(s, 0, undefined).flows[0]).toEqual({ wrongTries: 0, revealed: false, checked: false });
  });

  it("counts only checked answers as right, and says which wait for a check", () => {
    const s = choose(check(choose(startSession(2), 0, "deny"), [true, false]), 1, "allow");
    expect(isComplete(s, [true, true])).toBe(false);
    expect(scoreText(s, [true, true])).toBe(
      "1 of 2 predictions are right. 1 not checked yet. Change your answers and check again.",
    );
  });

  it("ignores flows that do not exist", () => {
    const s = startSession(1);
    expect(choose(s, 4, "allow")).toBe(s);
    expect(reveal(s, -1)).toBe(s);
    expect(isComplete(startSession(0), [])).toBe(false);
  });
});
