import type { Exercise } from "../../lib/grader/exercise-schema.ts";
import type { FeedbackLevel } from "../../lib/assignments/feedback-level.ts";
import {
  findRuleChoice,
  whyNotText,
  type LogAnswer,
  type LogQuestionResult,
  type PartResult,
} from "../../lib/grader/log-reading.ts";
import { WHY_NOT_REASONS, type WhyNotReason } from "../../lib/grader/why-not-reasons.ts";
import {
  INCOMPLETE_TEXT,
  SHOW_ANSWER_LABEL,
  STATUS_LABEL,
  TRY_AGAIN_TEXT,
  type QuestionView,
} from "../../lib/exercise-ui/log-reading-session.ts";
import { el } from "../shared/dom.ts";
import { tryAgainParts, whyExplanation } from "./answer-parts.ts";
import { whyTrace } from "./predict-view.ts";

/**
 * One read-logs question: its controls read and set (the answer as the learner gave it), and its
 * feedback as log-reading-session.ts's `questionView` says it stands: nothing yet, a part left
 * open, each part right or wrong with why the wrong ones are wrong, or the right answers with the
 * flow's path. All text goes in as text nodes.
 */

const controls = (item: HTMLElement) => ({
  verdicts: [...item.querySelectorAll<HTMLInputElement>("input[data-log-verdict]")],
  rule: item.querySelector<HTMLSelectElement>("select[data-log-rule]"),
  reasons: [...item.querySelectorAll<HTMLInputElement>("input[data-log-why-not]")],
});

const isReason = (value: string): value is WhyNotReason =>
  (WHY_NOT_REASONS as readonly string[]).includes(value);

/** The answer the controls of a question hold. */
export function readAnswer(item: HTMLElement): LogAnswer {
  const { verdicts, rule, reasons } = controls(item);
  const verdict = verdicts.find((r) => r.checked)?.value;
  const whyNot = reasons.filter((r) => r.checked && isReason(r.value)).map((r) => r.value as WhyNotReason);
  return {
    ...(verdict === "allow" || verdict === "deny" ? { verdict } : {}),
    ...(rule?.value ? { rule: rule.value } : {}),
    ...(whyNot.length > 0 ? { whyNot } : {}),
  };
}

/** Puts a saved answer back into the controls (the saved answer wins over what the browser restored). */
export function writeAnswer(item: HTMLElement, answer: LogAnswer): void {
  const { verdicts, rule, reasons } = controls(item);
  for (const radio of verdicts) radio.checked = radio.value === answer.verdict;
  if (rule)
    rule.value = answer.rule && [...rule.options].some((o) => o.value === answer.rule) ? answer.rule : "";
  for (const box of reasons) box.checked = (answer.whyNot ?? []).includes(box.value as WhyNotReason);
}

const PART_NAME = { verdict: "Allowed or denied", rule: "Decided by", whyNot: "Why not" } as const;

function partLine(part: keyof typeof PART_NAME, result: PartResult): HTMLLIElement {
  return el(
    "li",
    { "data-part": part, "data-part-pass": String(result.pass) },
    el(
      "span",
      { class: `ex-logq__mark ex-logq__mark--${result.pass ? "right" : "wrong"}` },
      result.pass ? "✓ " : "✗ ",
    ),
    el("strong", {}, `${PART_NAME[part]}: `),
    result.pass ? "right." : (result.explanation ?? "not answered."),
  );
}

/** Which parts are right, without the explanation of a wrong one. */
function verdictOnlyParts(result: LogQuestionResult): HTMLUListElement {
  const bare = (r: PartResult): PartResult => ({ pass: r.pass, explanation: "not right yet." });
  return el(
    "ul",
    { class: "ex-logq__feedback" },
    partLine("verdict", bare(result.verdict)),
    partLine("rule", bare(result.rule)),
    result.whyNot ? partLine("whyNot", bare(result.whyNot)) : null,
  );
}

function partsList(result: LogQuestionResult): HTMLUListElement {
  return el(
    "ul",
    { class: "ex-logq__feedback" },
    partLine("verdict", result.verdict),
    partLine("rule", result.rule),
    result.whyNot ? partLine("whyNot", result.whyNot) : null,
  );
}

function answerLines(exercise: Exercise, result: LogQuestionResult, answer: LogAnswer): HTMLElement[] {
  const said = answer.verdict ? `You said ${answer.verdict === "allow" ? "allowed" : "denied"}. ` : "";
  const lines: HTMLElement[] = [
    el(
      "p",
      { class: "ex-check__actual" },
      said,
      "Azure: ",
      el("strong", { class: `ex-verdict ex-verdict--${result.actual}` }, result.actual),
      ` — decided by ${result.decider}`,
      result.deciders.length > 1
        ? " (every NSG on the path allowed it; naming either allowing rule is right)"
        : "",
    ),
  ];
  const asked = result.whyNot ? findRuleChoice(exercise, result.whyNot.rule) : undefined;
  if (asked && result.whyNot)
    lines.push(
      el(
        "p",
        { class: "ex-logq__why-answer" },
        el("strong", {}, "Why not: "),
        whyNotText(asked, result.whyNot.reasons),
      ),
    );
  return lines;
}

export function renderQuestion(
  exercise: Exercise,
  item: HTMLElement,
  view: QuestionView,
  result: LogQuestionResult | undefined,
  answer: LogAnswer,
  index: number,
  level: FeedbackLevel = "full",
): void {
  const status = item.querySelector<HTMLElement>("[data-check-status]");
  const box = item.querySelector<HTMLElement>("[data-check-result]");
  if (!box) return;
  // An assignment that limits feedback (feedback-level.ts): only "saved", or right and wrong
  // per part without why and without a way to show the answer.
  if (level === "none") {
    item.dataset.state = "pending";
    item.dataset.view = "open";
    if (status) status.textContent = view.kind === "open" ? "" : "Saved";
    box.replaceChildren();
    return;
  }
  if (level === "verdict" && view.kind !== "open" && view.kind !== "incomplete") {
    const right = view.kind === "right";
    item.dataset.state = right ? "pass" : "fail";
    item.dataset.view = right ? "right" : "try-again";
    if (status) status.textContent = right ? STATUS_LABEL.right : STATUS_LABEL["try-again"];
    box.replaceChildren(...(result && !right ? [verdictOnlyParts(result)] : []));
    return;
  }
  item.dataset.state =
    view.kind === "right" ? "pass" : view.kind === "open" || view.kind === "incomplete" ? "pending" : "fail";
  item.dataset.view = view.kind;
  if (status) status.textContent = STATUS_LABEL[view.kind];
  switch (view.kind) {
    case "open":
      box.replaceChildren();
      return;
    case "incomplete":
      box.replaceChildren(el("p", { class: "ex-check__actual" }, INCOMPLETE_TEXT));
      return;
    case "try-again":
      if (!result) return;
      box.replaceChildren(
        partsList(result),
        ...tryAgainParts(item, index, { nudge: TRY_AGAIN_TEXT, showLabel: SHOW_ANSWER_LABEL }),
      );
      return;
    case "right":
    case "shown": {
      if (!result) return;
      const wrong = view.kind === "shown";
      box.replaceChildren(
        ...(wrong ? [partsList(result)] : []),
        ...answerLines(exercise, result, answer),
        ...(wrong ? [whyExplanation(result.trace)] : []),
        whyTrace(result, wrong),
      );
    }
  }
}
