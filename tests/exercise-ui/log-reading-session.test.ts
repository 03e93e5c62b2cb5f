import { describe, expect, it } from "vitest";
import {
  answer,
  answersOf,
  checkAnswers,
  isAnswered,
  isComplete,
  neverChecked,
  questionView,
  reveal,
  scoreText,
  startLogSession,
} from "../../src/lib/exercise-ui/log-reading-session.ts";

/**
 * A learner's way through a read-logs exercise: answers per question, a wrong answer explained
 * before the right one shows (on request, or after the second wrong check), and the score line.
 */

const asks = [true, false];

describe("answering", () => {
  it("keeps only the parts given, and marks a changed answer as not checked", () => {
    let s = startLogSession(2);
    s = answer(s, 0, { verdict: "deny", rule: "", whyNot: [] });
    expect(answersOf(s)[0]).toEqual({ verdict: "deny" });
    s = checkAnswers(s, [false, false], asks);
    expect(s.questions[0]!.checked).toBe(true);
    s = answer(s, 0, { verdict: "deny", rule: "nsg/r" });
    expect(s.questions[0]).toMatchObject({ checked: false, answer: { verdict: "deny", rule: "nsg/r" } });
  });

  it("returns the same session when nothing changed (reason order does not matter)", () => {
    const s = answer(startLogSession(1), 0, { verdict: "allow", rule: "a/b", whyNot: ["later", "protocol"] });
    expect(answer(s, 0, { verdict: "allow", rule: "a/b", whyNot: ["protocol", "later"] })).toBe(s);
    expect(answer(s, 5, { verdict: "deny" })).toBe(s);
  });

  it("needs the why-not part only where the question asks it", () => {
    const q = {
      answer: { verdict: "deny" as const, rule: "a/b" },
      wrongTries: 0,
      revealed: false,
      checked: false,
    };
    expect(isAnswered(q, false)).toBe(true);
    expect(isAnswered(q, true)).toBe(false);
  });
});

describe("checking", () => {
  const full = answer(
    answer(startLogSession(2), 0, { verdict: "deny", rule: "a/b", whyNot: ["protocol"] }),
    1,
    { verdict: "allow", rule: "c/d" },
  );

  it("explains a first wrong answer, and shows the answer after the second", () => {
    let s = checkAnswers(full, [false, true], asks);
    expect(questionView(s.questions[0]!, false, true)).toEqual({ kind: "try-again", wrongTries: 1 });
    expect(questionView(s.questions[1]!, true, false)).toEqual({ kind: "right" });
    s = checkAnswers(s, [false, true], asks);
    expect(questionView(s.questions[0]!, false, true)).toEqual({ kind: "shown" });
  });

  it("shows the answer on request", () => {
    const s = reveal(checkAnswers(full, [false, true], asks), 0);
    expect(questionView(s.questions[0]!, false, true)).toEqual({ kind: "shown" });
  });

  it("counts no try for a question with a part left open", () => {
    const s = checkAnswers(answer(startLogSession(2), 0, { verdict: "deny" }), [false, false], asks);
    expect(s.questions[0]!.wrongTries).toBe(0);
    expect(questionView(s.questions[0]!, false, true)).toEqual({ kind: "incomplete" });
    expect(questionView(startLogSession(1).questions[0]!, undefined, false)).toEqual({ kind: "open" });
  });
});

describe("the score line", () => {
  it("says nothing before a check, then counts right, open and unchecked answers", () => {
    const s = startLogSession(3);
    expect(neverChecked(s)).toBe(true);
    expect(scoreText(s, [], [false, false, false])).toBeUndefined();
    let t = answer(answer(s, 0, { verdict: "deny", rule: "a/b" }), 1, { verdict: "allow", rule: "a/c" });
    t = checkAnswers(t, [true, false, false], [false, false, false]);
    expect(scoreText(t, [true, false, false], [false, false, false])).toBe(
      "1 of 3 answers are right. 1 not fully answered yet. Read the log again for the ones marked “Not quite” and check again.",
    );
    t = answer(t, 2, { verdict: "deny", rule: "a/d" });
    expect(scoreText(t, [true, false, false], [false, false, false])).toContain("1 not checked yet.");
  });

  it("says the exercise is complete once every answer is checked and right", () => {
    const s = checkAnswers(answer(startLogSession(1), 0, { verdict: "deny", rule: "a/b" }), [true], [false]);
    expect(isComplete(s, [true])).toBe(true);
    expect(scoreText(s, [true], [false])).toBe("All 1 answers are right. Exercise complete ✓");
  });
});
