import type { ExerciseClassReport } from "../../lib/class-report/class-report.ts";
import { el } from "../shared/dom.ts";

/** What the class gets wrong, per exercise: each shared mistake with its count and one example. */
export function renderClassReport(host: HTMLElement, reports: readonly ExerciseClassReport[]): void {
  host.replaceChildren(
    ...reports.map((r) =>
      el(
        "section",
        { class: "gradebook__exercise", "data-report-exercise": r.exercise },
        el("h3", {}, `${r.title} `, el("span", { class: "gradebook__id" }, `(${r.exercise})`)),
        el("p", {}, `${r.complete} of ${r.submissions} complete.`),
        r.groups.length === 0
          ? el("p", {}, "No mistakes in common.")
          : el(
              "ul",
              { class: "gradebook__groups" },
              ...r.groups.map((g) =>
                el(
                  "li",
                  { "data-kind": g.kind },
                  el("strong", {}, `${g.count} of ${r.submissions}`),
                  ` ${g.what}`,
                  el("span", { class: "gradebook__example" }, `e.g. ${g.example}`),
                ),
              ),
            ),
      ),
    ),
  );
}
