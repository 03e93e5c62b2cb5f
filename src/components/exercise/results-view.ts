import type { GradeReport } from "../../lib/grader/report.ts";
import {
  checkFeedback,
  limitedComparisonText,
  limitedScoreText,
  showsGuidance,
  type FeedbackLevel,
} from "../../lib/assignments/feedback-level.ts";
import { el } from "../shared/dom.ts";
import { traceList } from "../shared/trace-view.ts";

/** Renders grading results into the server-rendered check list; all text via text nodes. */

const checks = (root: HTMLElement) => [...root.querySelectorAll<HTMLElement>("[data-check]")];

function setStatus(item: HTMLElement, state: "pass" | "fail" | "pending", label: string) {
  item.dataset.state = state;
  const status = item.querySelector<HTMLElement>("[data-check-status]");
  if (status) status.textContent = label;
}

/** Live results of an author-rules exercise. */
/** "Result: allow — decided by nsg/rule (300)", after whatever leads in. */
function verdictLine(r: GradeReport["results"][number], ...lead: string[]): HTMLElement {
  return el(
    "p",
    { class: "ex-check__actual" },
    ...lead,
    el("strong", { class: `ex-verdict ex-verdict--${r.actual}` }, r.actual),
    r.decider ? ` — decided by ${r.decider}` : "",
  );
}

export function renderChecks(root: HTMLElement, report: GradeReport, level: FeedbackLevel = "full"): void {
  checks(root).forEach((item, i) => {
    const result = item.querySelector<HTMLElement>("[data-check-result]");
    const r = report.status === "invalid" ? undefined : report.results[i];
    if (!result) return;
    const shown = checkFeedback(r, level);
    setStatus(item, shown.state, shown.label);
    if (!r || !shown.details) {
      result.replaceChildren();
      return;
    }
    result.replaceChildren(
      verdictLine(r, "Result: "),
      traceList(r.trace),
      ...(r.explanation ? [el("p", { class: "ex-check__explanation" }, r.explanation)] : []),
    );
  });
}

export function scoreText(report: GradeReport, errorCount: number, level: FeedbackLevel = "full"): string {
  const limited = limitedScoreText(report, level);
  if (limited !== undefined) return limited;
  if (report.status === "invalid")
    return `Your rules have ${errorCount} ${errorCount === 1 ? "problem" : "problems"} to fix before they can be graded.`;
  const total = report.results.length;
  return report.failed === 0 ? `All ${total} checks pass.` : `${report.passed} of ${total} checks pass.`;
}

/** How the rules compare with the task beyond the checks; empty when they do exactly what it asks. */
export function comparisonText(report: GradeReport, level: FeedbackLevel = "full"): string {
  const limited = limitedComparisonText(report, level);
  if (limited !== undefined) return limited;
  if (report.status === "invalid") return "";
  if (report.comparisonProblem) return report.comparisonProblem;
  const open = report.differences.filter((d) => d.kind === "too-open").length;
  const closed = report.differences.length - open;
  if (open + closed === 0) return "";
  const parts = [open > 0 ? `${open} too open` : "", closed > 0 ? `${closed} too closed` : ""].filter(
    Boolean,
  );
  return `But your rules differ from the task: ${parts.join(", ")} (see “Compared with the task”).`;
}

/**
 * The differences from the reference solution: each region in words, its cause, the example
 * flow's path, and a verified fix behind a button (a hint the learner asks for).
 */
export function renderDifferences(
  section: HTMLElement,
  list: HTMLElement,
  report: GradeReport,
  suggest: (index: number) => string | undefined,
  level: FeedbackLevel = "full",
): void {
  if (!showsGuidance(level)) {
    section.hidden = true;
    list.replaceChildren();
    return;
  }
  section.hidden = report.differences.length === 0;
  list.replaceChildren(
    ...report.differences.map((d, i) => {
      const kind = d.kind === "too-open" ? "Too open" : "Too closed";
      const suggestion = el("p", { class: "ex-difference__suggestion", hidden: "", "data-suggestion": "" });
      const ask = el(
        "button",
        { type: "button", class: "button-secondary", "data-suggest": String(i) },
        "Suggest a fix",
      );
      ask.addEventListener("click", () => {
        const fix = d.suggestion ?? suggest(i);
        suggestion.textContent = fix
          ? `Suggested fix: ${fix}.`
          : "No single edit was found that closes this on its own: compare the rule fields named above with the task.";
        suggestion.hidden = false;
        ask.hidden = true;
      });
      const { from, to, protocol, port } = d.witness;
      return el(
        "li",
        { class: `ex-difference ex-difference--${d.kind}`, "data-difference": d.kind },
        el(
          "p",
          { class: "ex-difference__summary" },
          el("strong", { class: "ex-difference__kind" }, `${kind}. `),
          d.summary.replace(/^Too (open|closed): /, ""),
        ),
        el("p", { class: "ex-difference__cause" }, d.cause),
        el(
          "p",
          { class: "ex-difference__example" },
          `Example: ${from} → ${to}, ${String(protocol).toUpperCase()}${port !== undefined ? ` ${port}` : ""}. In your network:`,
        ),
        traceList(d.trace),
        el("p", {}, ask),
        suggestion,
      );
    }),
  );
}
