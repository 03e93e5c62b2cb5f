/**
 * A learner's way through a predict exercise, without a DOM: the answer chosen for each flow,
 * how often it was checked wrong, and whether the right answer has been shown. The island
 * (components/exercise/predict-island.ts) only renders what `flowView` and `scoreText` say.
 *
 * A wrong prediction does not give the verdict away at once: the learner thinks again and
 * checks again. The verdict, the path and why (prediction-why.ts) show on request ("Show the
 * answer") or after the second wrong check of that flow. Checking the same wrong answer again
 * counts as a second try: with two choices, a changed wrong answer cannot exist.
 */

export type Answer = "allow" | "deny";

export interface FlowAttempt {
  answer?: Answer;
  /** Checks at which this flow's answer was wrong. */
  wrongTries: number;
  /** The verdict has been shown (asked for, or after the second wrong try). */
  revealed: boolean;
  /** The answer as it stands (or its absence) has been checked; false again once it changes. */
  checked: boolean;
}

export interface PredictSession {
  flows: FlowAttempt[];
}

export const REVEAL_AFTER_WRONG_TRIES = 2;

const fresh = (): FlowAttempt => ({ wrongTries: 0, revealed: false, checked: false });

export const startSession = (flowCount: number): PredictSession => ({
  flows: Array.from({ length: flowCount }, fresh),
});

export const answersOf = (session: PredictSession): (Answer | undefined)[] =>
  session.flows.map((f) => f.answer);

/** The session with one flow changed; the same session when nothing changed. */
function update(session: PredictSession, index: number, change: (f: FlowAttempt) => FlowAttempt) {
  const flow = session.flows[index];
  if (!flow) return session;
  const next = change(flow);
  return next === flow ? session : { flows: session.flows.map((f, i) => (i === index ? next : f)) };
}

/** The learner picked an answer: its earlier verdict is stale until the next check. */
export const choose = (session: PredictSession, index: number, answer: Answer | undefined): PredictSession =>
  update(session, index, (f) => {
    if (f.answer === answer) return f;
    const { answer: _old, ...rest } = f;
    return { ...rest, ...(answer ? { answer } : {}), checked: false };
  });

/**
 * The learner pressed Check; `passes[i]` says whether flow i's answer is right (the grader's
 * verdict). Every answered wrong flow counts a try; unanswered flows are only marked checked.
 */
export function check(session: PredictSession, passes: readonly boolean[]): PredictSession {
  return {
    flows: session.flows.map((f, i) => {
      if (f.answer === undefined || passes[i]) return { ...f, checked: true };
      const wrongTries = f.wrongTries + 1;
      return {
        ...f,
        checked: true,
        wrongTries,
        revealed: f.revealed || wrongTries >= REVEAL_AFTER_WRONG_TRIES,
      };
    }),
  };
}

/** The learner asked for the answer of one flow. */
export const reveal = (session: PredictSession, index: number): PredictSession =>
  update(session, index, (f) => ({ ...f, revealed: true }));

export type FlowView =
  /** Answer chosen (or not) since the last check: nothing to show yet. */
  | { kind: "open" }
  /** Checked without an answer. */
  | { kind: "unanswered" }
  | { kind: "right" }
  /** Wrong, verdict hidden; the answer is offered. */
  | { kind: "try-again"; wrongTries: number }
  /** Wrong, with the verdict, its path and why. */
  | { kind: "shown" };

export function flowView(flow: FlowAttempt, pass: boolean | undefined): FlowView {
  if (!flow.checked) return { kind: "open" };
  if (flow.answer === undefined) return { kind: "unanswered" };
  if (pass) return { kind: "right" };
  return flow.revealed ? { kind: "shown" } : { kind: "try-again", wrongTries: flow.wrongTries };
}

const checkedRight = (f: FlowAttempt, pass: boolean | undefined) =>
  f.checked && f.answer !== undefined && pass === true;

/** Every flow has an answer, checked and right. */
export const isComplete = (session: PredictSession, passes: readonly boolean[]): boolean =>
  session.flows.length > 0 && session.flows.every((f, i) => checkedRight(f, passes[i]));

/** Nothing has been checked yet (a fresh exercise, or only answers chosen). */
export const neverChecked = (session: PredictSession): boolean =>
  session.flows.every((f) => !f.checked && f.wrongTries === 0);

// ── Words ───────────────────────────────────────────────────────────────────────────────────

export const STATUS_LABEL: Record<FlowView["kind"], string> = {
  open: "",
  unanswered: "No answer yet",
  right: "✓ Right",
  "try-again": "✗ Not quite",
  shown: "✗ Not quite",
};

export const SHOW_ANSWER_LABEL = "Show the answer";
export const UNANSWERED_TEXT = "Choose Allow or Deny, then check again.";
export const TRY_AGAIN_TEXT =
  "Think again: follow the flow through each NSG it meets, and in each one find the first rule whose five fields all match. Then check again, or show the answer.";

/** The line above the checks, after a check (or a restore); undefined before any. */
export function scoreText(session: PredictSession, passes: readonly boolean[]): string | undefined {
  if (neverChecked(session)) return undefined;
  const all = session.flows.length;
  const answered = session.flows.filter((f) => f.answer !== undefined);
  if (answered.length === 0) return "Choose Allow or Deny for each flow, then press Check.";
  if (isComplete(session, passes)) return `All ${all} predictions are right. Exercise complete ✓`;
  const right = session.flows.filter((f, i) => checkedRight(f, passes[i])).length;
  const unanswered = all - answered.length;
  // Answers chosen after the last check (seen after a reload) have no verdict yet.
  const unchecked = answered.filter((f) => !f.checked).length;
  const hidden = session.flows.some((f, i) => flowView(f, passes[i]).kind === "try-again");
  return [
    `${right} of ${all} predictions are right.`,
    unanswered > 0 ? `${unanswered} not answered yet.` : "",
    unchecked > 0 ? `${unchecked} not checked yet.` : "",
    hidden
      ? "Think again about the ones marked “Not quite” and check again, or show their answers."
      : "Change your answers and check again.",
  ]
    .filter(Boolean)
    .join(" ");
}
