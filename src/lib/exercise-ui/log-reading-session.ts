import type { LogAnswer, WhyNotReason } from "../grader/log-reading.ts";

/**
 * A learner's way through a read-logs exercise, without a DOM: the answers given for each flow
 * asked about (its verdict, the rule that decided it, and why another rule did not, when asked),
 * how often they were checked wrong, and whether the answer has been shown. The island
 * (components/exercise/log-reading-island.ts) only renders what `questionView` and `scoreText`
 * say. As in a predict exercise, a wrong answer is first explained without the right one; the
 * right answer and the flow's path show on request or after the second wrong check.
 */

export interface QuestionAttempt {
  answer: LogAnswer;
  /** Checks at which this question's answer was wrong. */
  wrongTries: number;
  revealed: boolean;
  /** The answer as it stands has been checked; false again once it changes. */
  checked: boolean;
}

export interface LogReadingSession {
  questions: QuestionAttempt[];
}

export const REVEAL_AFTER_WRONG_TRIES = 2;

export const startLogSession = (count: number): LogReadingSession => ({
  questions: Array.from({ length: count }, () => ({
    answer: {},
    wrongTries: 0,
    revealed: false,
    checked: false,
  })),
});

export const answersOf = (session: LogReadingSession): LogAnswer[] => session.questions.map((q) => q.answer);

const sameReasons = (a: readonly WhyNotReason[] = [], b: readonly WhyNotReason[] = []) =>
  a.length === b.length && a.every((r) => b.includes(r));

const sameAnswer = (a: LogAnswer, b: LogAnswer) =>
  a.verdict === b.verdict && a.rule === b.rule && sameReasons(a.whyNot, b.whyNot);

/** Drops the parts left empty, so a stored answer holds only what was chosen. */
function compact(answer: LogAnswer): LogAnswer {
  return {
    ...(answer.verdict ? { verdict: answer.verdict } : {}),
    ...(answer.rule ? { rule: answer.rule } : {}),
    ...(answer.whyNot && answer.whyNot.length > 0 ? { whyNot: [...answer.whyNot] } : {}),
  };
}

/** The learner changed one question's answer: its earlier verdict is stale until the next check. */
export function answer(session: LogReadingSession, index: number, next: LogAnswer): LogReadingSession {
  const question = session.questions[index];
  if (!question) return session;
  const answered = compact(next);
  if (sameAnswer(question.answer, answered)) return session;
  return {
    questions: session.questions.map((q, i) =>
      i === index ? { ...q, answer: answered, checked: false } : q,
    ),
  };
}

/** Every part the question has is answered (`asksWhyNot`: it asks why another rule did not decide). */
export const isAnswered = (q: QuestionAttempt, asksWhyNot: boolean): boolean =>
  q.answer.verdict !== undefined &&
  q.answer.rule !== undefined &&
  (!asksWhyNot || (q.answer.whyNot ?? []).length > 0);

/**
 * The learner pressed Check; `passes[i]` says whether question i's answer is right (the grader).
 * A fully answered wrong question counts a try; a question with parts left open is only marked
 * checked.
 */
export function checkAnswers(
  session: LogReadingSession,
  passes: readonly boolean[],
  asksWhyNot: readonly boolean[],
): LogReadingSession {
  return {
    questions: session.questions.map((q, i) => {
      if (passes[i] || !isAnswered(q, asksWhyNot[i] ?? false)) return { ...q, checked: true };
      const wrongTries = q.wrongTries + 1;
      return {
        ...q,
        checked: true,
        wrongTries,
        revealed: q.revealed || wrongTries >= REVEAL_AFTER_WRONG_TRIES,
      };
    }),
  };
}

export const reveal = (session: LogReadingSession, index: number): LogReadingSession => ({
  questions: session.questions.map((q, i) => (i === index ? { ...q, revealed: true } : q)),
});

export type QuestionView =
  /** Changed since the last check: nothing to show yet. */
  | { kind: "open" }
  /** Checked with a part left open. */
  | { kind: "incomplete" }
  | { kind: "right" }
  /** Wrong; each wrong part is explained, the answer is offered. */
  | { kind: "try-again"; wrongTries: number }
  /** Wrong, with the right answers and the flow's path. */
  | { kind: "shown" };

export function questionView(
  q: QuestionAttempt,
  pass: boolean | undefined,
  asksWhyNot: boolean,
): QuestionView {
  if (!q.checked) return { kind: "open" };
  if (pass) return { kind: "right" };
  if (q.revealed) return { kind: "shown" };
  if (!isAnswered(q, asksWhyNot)) return { kind: "incomplete" };
  return { kind: "try-again", wrongTries: q.wrongTries };
}

const checkedRight = (q: QuestionAttempt, pass: boolean | undefined) => q.checked && pass === true;

export const isComplete = (session: LogReadingSession, passes: readonly boolean[]): boolean =>
  session.questions.length > 0 && session.questions.every((q, i) => checkedRight(q, passes[i]));

export const neverChecked = (session: LogReadingSession): boolean =>
  session.questions.every((q) => !q.checked && q.wrongTries === 0);

// ── Words ───────────────────────────────────────────────────────────────────────────────────

export const STATUS_LABEL: Record<QuestionView["kind"], string> = {
  open: "",
  incomplete: "Not answered yet",
  right: "✓ Right",
  "try-again": "✗ Not quite",
  shown: "✗ Not quite",
};

export const SHOW_ANSWER_LABEL = "Show the answer";
export const INCOMPLETE_TEXT = "Answer every part of this question, then check again.";
export const TRY_AGAIN_TEXT = "Think again about the parts marked ✗, then check again, or show the answer.";

/** The line above the questions after a check (or a restore); undefined before any. */
export function scoreText(
  session: LogReadingSession,
  passes: readonly boolean[],
  asksWhyNot: readonly boolean[],
): string | undefined {
  if (neverChecked(session)) return undefined;
  const all = session.questions.length;
  if (isComplete(session, passes)) return `All ${all} answers are right. Exercise complete ✓`;
  const right = session.questions.filter((q, i) => checkedRight(q, passes[i])).length;
  const open = session.questions.filter((q, i) => !isAnswered(q, asksWhyNot[i] ?? false)).length;
  const unchecked = session.questions.filter(
    (q, i) => !q.checked && isAnswered(q, asksWhyNot[i] ?? false),
  ).length;
  return [
    `${right} of ${all} answers are right.`,
    open > 0 ? `${open} not fully answered yet.` : "",
    unchecked > 0 ? `${unchecked} not checked yet.` : "",
    "Read the log again for the ones marked “Not quite” and check again.",
  ]
    .filter(Boolean)
    .join(" ");
}
