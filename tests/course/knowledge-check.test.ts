import { describe, expect, it } from "vitest";
import {
  answerSentence,
  checkChoice,
  feedbackText,
  knowledgeCheck,
  offersAnswer,
  showAnswer,
  startKnowledgeCheck,
  type KnowledgeCheck,
  type KnowledgeCheckInput,
} from "../../src/lib/course/knowledge-check.ts";

const input: KnowledgeCheckInput = {
  question: "A client at 198.51.100.7 runs ssh to the VM. What happens?",
  options: [
    { text: "It connects, because SSH is always open.", why: "Azure opens no port by itself." },
    "It's dropped by DenyAllInBound, because no rule allows inbound traffic from the internet.",
    "It connects through AllowVnetInBound.",
  ],
  answer: 1,
  explanation: "Only the default rules are there, and DenyAllInBound is the first that matches",
};

function valid(i: KnowledgeCheckInput = input): KnowledgeCheck {
  const checked = knowledgeCheck(i);
  if (!checked.ok) throw new Error(checked.errors.map((e) => e.message).join("; "));
  return checked.value;
}

describe("what an author writes in <KnowledgeCheck>", () => {
  it("takes options as strings or { text, why }", () => {
    expect(valid().options).toEqual([
      { text: "It connects, because SSH is always open.", why: "Azure opens no port by itself." },
      { text: "It's dropped by DenyAllInBound, because no rule allows inbound traffic from the internet." },
      { text: "It connects through AllowVnetInBound." },
    ]);
  });

  it("refuses too few options, an answer out of range, empty text and a why on the answer", () => {
    expect(knowledgeCheck({ ...input, options: ["Only one"], answer: 0 })).toMatchObject({
      ok: false,
      errors: [{ code: "invalid-value", path: ["options"] }],
    });
    expect(knowledgeCheck({ ...input, answer: 3 })).toMatchObject({
      ok: false,
      errors: [
        { code: "invalid-value", path: ["answer"], message: "answer must be an index from 0 to 2, got 3" },
      ],
    });
    expect(knowledgeCheck({ ...input, answer: 0.5 })).toMatchObject({ ok: false });
    expect(knowledgeCheck({ ...input, answer: 0 })).toMatchObject({
      ok: false,
      errors: [{ code: "invalid-value", path: ["options", 0, "why"] }],
    });
    expect(knowledgeCheck({ ...input, question: " ", options: ["a", ""], answer: 0 })).toMatchObject({
      ok: false,
      errors: [
        { code: "missing-field", path: ["question"] },
        { code: "missing-field", path: ["options", 1] },
      ],
    });
  });

  it("says the answer with one full stop, however the option ends", () => {
    expect(answerSentence(valid())).toBe(
      "The answer is “It's dropped by DenyAllInBound, because no rule allows inbound traffic from the internet.”",
    );
    expect(
      answerSentence(valid({ ...input, options: ["Pay-as-you-go", "Enterprise Agreement"], answer: 1 })),
    ).toBe("The answer is “Enterprise Agreement”.");
  });
});

describe("a learner's tries", () => {
  const check = valid();

  it("asks for a choice before judging, without counting a try", () => {
    const step = checkChoice(check, startKnowledgeCheck(), undefined);
    expect(step).toEqual({ state: { wrongTries: 0, revealed: false }, feedback: { kind: "choose-first" } });
    expect(feedbackText(check, step.feedback)).toEqual({
      tone: "neutral",
      sentences: ["Choose an answer first."],
    });
    expect(checkChoice(check, startKnowledgeCheck(), 7).feedback).toEqual({ kind: "choose-first" });
  });

  it("keeps the answer hidden after the first wrong try, giving that choice's own why", () => {
    const step = checkChoice(check, startKnowledgeCheck(), 0);
    expect(step).toEqual({
      state: { wrongTries: 1, revealed: false },
      feedback: { kind: "try-again", choice: 0 },
    });
    const text = feedbackText(check, step.feedback);
    expect(text.tone).toBe("incorrect");
    expect(text.verdict).toBe("Not quite.");
    expect(text.sentences[0]).toBe("Azure opens no port by itself.");
    expect(text.sentences.join(" ")).not.toContain("DenyAllInBound");
    expect(offersAnswer(step.state)).toBe(true);
  });

  it("a wrong choice without its own why still asks for another try", () => {
    const text = feedbackText(check, checkChoice(check, startKnowledgeCheck(), 2).feedback);
    expect(text.sentences).toEqual(["Have another look at the question, then pick another answer."]);
  });

  it("shows the answer after the second wrong try, with the explanation ended once", () => {
    const first = checkChoice(check, startKnowledgeCheck(), 0);
    const second = checkChoice(check, first.state, 2);
    expect(second).toEqual({
      state: { wrongTries: 2, revealed: true },
      feedback: { kind: "wrong-answer-shown", choice: 2 },
    });
    expect(feedbackText(check, second.feedback).sentences).toEqual([
      "The answer is “It's dropped by DenyAllInBound, because no rule allows inbound traffic from the internet.”",
      "Only the default rules are there, and DenyAllInBound is the first that matches.",
    ]);
    expect(offersAnswer(second.state)).toBe(false);
    // The same wrong choice twice is a second try too.
    expect(checkChoice(check, first.state, 0).feedback).toEqual({ kind: "wrong-answer-shown", choice: 0 });
  });

  it("shows the answer on request, and a right answer is still praised afterwards", () => {
    const first = checkChoice(check, startKnowledgeCheck(), 0);
    const shown = showAnswer(first.state);
    expect(shown.state).toEqual({ wrongTries: 1, revealed: true });
    expect(feedbackText(check, shown.feedback)).toEqual({
      tone: "neutral",
      sentences: [
        answerSentence(check),
        "Only the default rules are there, and DenyAllInBound is the first that matches.",
      ],
    });
    expect(checkChoice(check, shown.state, 0).feedback.kind).toBe("wrong-answer-shown");
    const right = checkChoice(check, shown.state, 1);
    expect(right.feedback).toEqual({ kind: "correct" });
    expect(feedbackText(check, right.feedback)).toEqual({
      tone: "correct",
      verdict: "Correct.",
      sentences: ["Only the default rules are there, and DenyAllInBound is the first that matches."],
    });
  });

  it("offers the answer only after a wrong try", () => {
    expect(offersAnswer(startKnowledgeCheck())).toBe(false);
    expect(offersAnswer(checkChoice(check, startKnowledgeCheck(), 1).state)).toBe(false);
  });
});
