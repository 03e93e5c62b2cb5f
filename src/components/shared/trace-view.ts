import type { TraceEntry } from "../../lib/grader/trace.ts";
import { traceRule, traceWhere } from "../../lib/exercise-ui/expectation-text.ts";
import { el } from "./dom.ts";

/** A flow's path, step by step, with the rules each NSG tried before the deciding one: text nodes only. */
export function traceList(trace: readonly TraceEntry[]): HTMLOListElement {
  return el(
    "ol",
    { class: "ex-trace", "aria-label": "How the flow was decided, step by step" },
    ...trace.map((t) =>
      el(
        "li",
        { class: `ex-trace__step ex-trace__step--${t.access.toLowerCase()}` },
        el("span", { class: "ex-trace__where" }, traceWhere(t)),
        " ",
        el("span", { class: "ex-trace__rule" }, traceRule(t)),
        " ",
        el("strong", { class: `ex-verdict ex-verdict--${t.access.toLowerCase()}` }, `→ ${t.access}`),
        ...(t.tried ? [triedList(t)] : []),
      ),
    ),
  );
}

/**
 * The rules an NSG tried before the deciding one, each with the conditions it missed on. Lines
 * of a block, not list items: a step's own list item stays the step.
 */
function triedList(t: TraceEntry): HTMLElement {
  return el(
    "div",
    { class: "ex-trace__tried" },
    ...(t.tried ?? []).map((r) =>
      el("p", {}, `Tried ${r.rule} (${r.priority}): no match on ${r.failed.join(", ")}`),
    ),
    ...(t.triedMore ? [el("p", {}, `…and ${t.triedMore} more rules that did not match`)] : []),
  );
}
