import { fail, issue, ok, type Issue, type Result } from "../result.ts";
import { asSentence, quoted } from "../text/sentence.ts";

/**
 * A lesson's one-question self check (`<KnowledgeCheck>`), without a DOM: what the author wrote,
 * checked; the learner's tries; and the words of each piece of feedback.
 *
 * A wrong answer does not give the right one away: the learner reads why their choice is wrong
 * (when the author wrote it) and tries again. The answer is shown on request, or after a second
 * wrong try, so that a learner who is stuck is never left guessing.
 */

export interface KnowledgeCheckOption {
  text: string;
  /** Why this (wrong) option is wrong, shown when the learner picks it. */
  why?: string;
}

/** What an author writes: each option a string, or `{ text, why }`. */
export interface KnowledgeCheckInput {
  question: string;
  options: readonly (string | KnowledgeCheckOption)[];
  /** 0-based index of the right option. */
  answer: number;
  explanation: string;
}

export interface KnowledgeCheck {
  question: string;
  options: KnowledgeCheckOption[];
  answer: number;
  explanation: string;
}

/** Fails with `missing-field` or `invalid-value`, each naming where in the props it is. */
export function knowledgeCheck(input: KnowledgeCheckInput): Result<KnowledgeCheck> {
  const errors: Issue[] = [];
  const options = input.options.map((o) => (typeof o === "string" ? { text: o } : { ...o }));
  if (input.question.trim() === "")
    errors.push(issue("missing-field", "the question is empty", ["question"]));
  if (options.length < 2) errors.push(issue("invalid-value", "give at least two options", ["options"]));
  options.forEach((o, i) => {
    if (o.text.trim() === "") errors.push(issue("missing-field", `option ${i} has no text`, ["options", i]));
  });
  if (!Number.isInteger(input.answer) || input.answer < 0 || input.answer >= options.length) {
    errors.push(
      issue("invalid-value", `answer must be an index from 0 to ${options.length - 1}, got ${input.answer}`, [
        "answer",
      ]),
    );
  } else if (options[input.answer]!.why !== undefined) {
    errors.push(
      issue("invalid-value", `option ${input.answer} is the answer: its "why" belongs in the explanation`, [
        "options",
        input.answer,
        "why",
      ]),
    );
  }
  if (errors.length > 0) return fail(errors);
  return ok({ question: input.question, options, answer: input.answer, explanation: input.explanation });
}

/** "The answer is “…”", ended once however the option itself ends. */
export const answerSentence = (check: KnowledgeCheck): string =>
  asSentence(`The answer is ${quoted(check.options[check.answer]!.text)}`);

// ── The learner's tries ─────────────────────────────────────────────────────────────────────

export interface KnowledgeCheckState {
  wrongTries: number;
  /** The right answer has been shown (on request or after the second wrong try). */
  revealed: boolean;
}

export const startKnowledgeCheck = (): KnowledgeCheckState => ({ wrongTries: 0, revealed: false });

/** The wrong try after which the answer is shown without being asked for. */
export const REVEAL_AFTER_WRONG_TRIES = 2;

export type KnowledgeCheckFeedback =
  | { kind: "choose-first" }
  | { kind: "correct" }
  /** Wrong, and the answer stays hidden: try again. */
  | { kind: "try-again"; choice: number }
  /** Wrong, with the answer shown. */
  | { kind: "wrong-answer-shown"; choice: number }
  /** The answer, asked for. */
  | { kind: "answer-shown" };

export interface KnowledgeCheckStep {
  state: KnowledgeCheckState;
  feedback: KnowledgeCheckFeedback;
}

/** The learner pressed Check with `choice` selected (undefined: nothing selected). */
export function checkChoice(
  check: KnowledgeCheck,
  state: KnowledgeCheckState,
  choice: number | undefined,
): KnowledgeCheckStep {
  if (choice === undefined || !Number.isInteger(choice) || choice < 0 || choice >= check.options.length)
    return { state, feedback: { kind: "choose-first" } };
  if (choice === check.answer) return { state, feedback: { kind: "correct" } };
  const wrongTries = state.wrongTries + 1;
  const revealed = state.revealed || wrongTries >= REVEAL_AFTER_WRONG_TRIES;
  return {
    state: { wrongTries, revealed },
    feedback: revealed ? { kind: "wrong-answer-shown", choice } : { kind: "try-again", choice },
  };
}

/** The learner asked for the answer. */
export const showAnswer = (state: KnowledgeCheckState): KnowledgeCheckStep => ({
  state: { ...state, revealed: true },
  feedback: { kind: "answer-shown" },
});

/** "Show the answer" is offered once the learner has tried, until the answer is shown. */
export const offersAnswer = (state: KnowledgeCheckState): boolean => state.wrongTries > 0 && !state.revealed;

// ── Words ───────────────────────────────────────────────────────────────────────────────────

export interface FeedbackText {
  /** "correct" and "incorrect" colour the box; "neutral" is a prompt or a shown answer. */
  tone: "correct" | "incorrect" | "neutral";
  /** Said first and in bold: "Correct." or "Not quite.". */
  verdict?: string;
  /** The rest, one sentence or paragraph each, in order. */
  sentences: string[];
}

const TRY_AGAIN = "Have another look at the question, then pick another answer.";

export function feedbackText(check: KnowledgeCheck, feedback: KnowledgeCheckFeedback): FeedbackText {
  const explanation = check.explanation.trim() === "" ? [] : [asSentence(check.explanation)];
  const why = (choice: number) => {
    const text = check.options[choice]?.why;
    return text ? [asSentence(text)] : [];
  };
  switch (feedback.kind) {
    case "choose-first":
      return { tone: "neutral", sentences: ["Choose an answer first."] };
    case "correct":
      return { tone: "correct", verdict: "Correct.", sentences: explanation };
    case "try-again":
      return { tone: "incorrect", verdict: "Not quite.", sentences: [...why(feedback.choice), TRY_AGAIN] };
    case "wrong-answer-shown":
      return {
        tone: "incorrect",
        verdict: "Not quite.",
        sentences: [...why(feedback.choice), answerSentence(check), ...explanation],
      };
    case "answer-shown":
      return { tone: "neutral", sentences: [answerSentence(check), ...explanation] };
  }
}
