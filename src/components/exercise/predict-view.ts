import type { ExpectationResult } from "../../lib/grader/report.ts";
import {
  SHOW_ANSWER_LABEL,
  STATUS_LABEL,
  TRY_AGAIN_TEXT,
  UNANSWERED_TEXT,
  type FlowView,
} from "../../lib/exercise-ui/predict-session.ts";
import { whySteps, type RuleCheck, type WhyStep } from "../../lib/exercise-ui/prediction-why.ts";
import { el } from "../shared/dom.ts";
import { tryAgainParts, whyExplanation } from "./answer-parts.ts";
import {
  flowFeedback,
  NOT_QUITE_TEXT,
  SAVED_TEXT,
  type FeedbackLevel,
} from "../../lib/assignments/feedback-level.ts";

/**
 * One flow of a predict exercise, as predict-session.ts's `flowView` says it stands: nothing
 * yet, a nudge to try again (verdict hidden), or the verdict with its path and why, each NSG's
 * rules checked field by field. All text goes in as text nodes.
 */

function fieldList(check: RuleCheck): HTMLUListElement {
  return el(
    "ul",
    { class: "ex-fields" },
    ...check.fields.map((f) =>
      el(
        "li",
        { class: `ex-field ex-field--${f.matched ? "match" : "miss"}`, "data-field": f.field },
        el("span", { "aria-hidden": "true" }, f.matched ? "✓ " : "✗ "),
        f.label,
        el("span", { class: "sr-only" }, f.matched ? " matches" : " does not match"),
      ),
    ),
  );
}

function ruleCheckList(step: WhyStep): HTMLOListElement {
  const decider = step.checks[step.checks.length - 1];
  const tried = step.checks.slice(0, -1);
  const line = (c: RuleCheck) =>
    el(
      "li",
      { class: `ex-rulecheck ex-rulecheck--${c.outcome === "no-match" ? "miss" : "decides"}` },
      el("span", { class: "ex-rulecheck__rule" }, c.rule),
      " ",
      c.outcome === "no-match"
        ? el("span", { class: "ex-rulecheck__outcome" }, "no match")
        : el(
            "strong",
            { class: `ex-rulecheck__outcome ex-verdict ex-verdict--${c.outcome.toLowerCase()}` },
            `matches → ${c.outcome}`,
          ),
      fieldList(c),
    );
  return el(
    "ol",
    { class: "ex-rulechecks" },
    ...tried.map(line),
    step.more > 0
      ? el(
          "li",
          { class: "ex-rulecheck ex-rulecheck--more" },
          `…and ${step.more} more ${step.more === 1 ? "rule" : "rules"} that did not match`,
        )
      : null,
    decider ? line(decider) : null,
  );
}

/** The path, step by step; each NSG with the rules it checked (open when the answer was wrong). */
export function whyTrace(result: Pick<ExpectationResult, "trace">, open: boolean): HTMLOListElement {
  return el(
    "ol",
    { class: "ex-trace", "aria-label": "How the flow was decided, step by step" },
    ...whySteps(result.trace).map((step) => {
      const item = el(
        "li",
        { class: `ex-trace__step ex-trace__step--${step.access.toLowerCase()}` },
        el("span", { class: "ex-trace__where" }, step.where),
        " ",
        el("span", { class: "ex-trace__rule" }, step.rule),
        " ",
        el("strong", { class: `ex-verdict ex-verdict--${step.access.toLowerCase()}` }, `→ ${step.access}`),
      );
      if (step.checks.length > 0) {
        const details = el(
          "details",
          { class: "ex-rulechecks-box" },
          el("summary", {}, `Rules checked, in priority order (${step.checks.length + step.more})`),
          ruleCheckList(step),
        );
        details.open = open;
        item.append(details);
      }
      return item;
    }),
  );
}

function verdictLine(result: ExpectationResult, answer: string | undefined): HTMLElement {
  return el(
    "p",
    { class: "ex-check__actual" },
    answer ? `You said ${answer}. ` : "",
    "Azure: ",
    el("strong", { class: `ex-verdict ex-verdict--${result.actual}` }, result.actual),
    result.decider ? ` — decided by ${result.decider}` : "",
  );
}

export function renderFlow(
  item: HTMLElement,
  view: FlowView,
  result: ExpectationResult | undefined,
  answer: string | undefined,
  index: number,
  level: FeedbackLevel = "full",
): void {
  const status = item.querySelector<HTMLElement>("[data-check-status]");
  const box = item.querySelector<HTMLElement>("[data-check-result]");
  if (!box) return;
  // An assignment that limits feedback: "not quite" without the answer, or only "saved".
  const limited = flowFeedback(view, level);
  if (limited !== "as-usual") {
    item.dataset.state = limited === "saved" ? "pending" : "fail";
    item.dataset.view = limited;
    if (status) status.textContent = limited === "saved" ? "" : STATUS_LABEL["try-again"];
    box.replaceChildren(
      el("p", { class: "ex-check__actual" }, limited === "saved" ? SAVED_TEXT : NOT_QUITE_TEXT),
    );
    return;
  }
  item.dataset.state =
    view.kind === "right" ? "pass" : view.kind === "open" || view.kind === "unanswered" ? "pending" : "fail";
  item.dataset.view = view.kind;
  if (status) status.textContent = STATUS_LABEL[view.kind];
  switch (view.kind) {
    case "open":
      box.replaceChildren();
      return;
    case "unanswered":
      box.replaceChildren(el("p", { class: "ex-check__actual" }, UNANSWERED_TEXT));
      return;
    case "try-again":
      box.replaceChildren(
        ...tryAgainParts(item, index, { nudge: TRY_AGAIN_TEXT, showLabel: SHOW_ANSWER_LABEL }),
      );
      return;
    case "right":
    case "shown": {
      if (!result) return;
      const wrong = view.kind === "shown";
      box.replaceChildren(
        verdictLine(result, answer),
        ...(wrong ? [whyExplanation(result.trace)] : []),
        whyTrace(result, wrong),
      );
    }
  }
}
