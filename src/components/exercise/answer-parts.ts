/**
 * Parts of a question's feedback that predict and read-logs show alike: the nudge with its "Show
 * the answer" button after a wrong try, and the "Why:" paragraph once the answer is shown.
 */
import { whySentences } from "../../lib/exercise-ui/prediction-why.ts";
import type { TraceEntry } from "../../lib/grader/trace.ts";
import { el } from "../shared/dom.ts";

/** The nudge and the button labelled `showLabel` that reveals question `index` (its `data-show-answer`). */
export function tryAgainParts(
  item: HTMLElement,
  index: number,
  { nudge, showLabel }: { nudge: string; showLabel: string },
): HTMLElement[] {
  return [
    el("p", { class: "ex-check__nudge" }, nudge),
    el(
      "p",
      {},
      el(
        "button",
        {
          type: "button",
          class: "button-secondary",
          "data-show-answer": String(index),
          // Several questions may offer it: the name says which one (and starts with what it shows).
          "aria-label": `${showLabel}: ${item.querySelector(".ex-check__name")?.textContent ?? ""}`,
        },
        showLabel,
      ),
    ),
  ];
}

/** Why the flow got its verdict, in sentences. */
export const whyExplanation = (trace: readonly TraceEntry[]): HTMLElement =>
  el("p", { class: "ex-check__explanation" }, el("strong", {}, "Why: "), whySentences(trace).join(" "));
