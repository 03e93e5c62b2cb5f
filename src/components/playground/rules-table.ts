import { el } from "../shared/dom.ts";
import { CONDITION_LABEL, type RuleRow } from "../../lib/playground/path-model.ts";

/**
 * One NSG's rules for one direction as a table, in evaluation order. Used by the path (with
 * what happened to each rule) and by the effective rules view (with expanded prefixes).
 * Every value is set as text: rule names and prefixes come from the scenario.
 */
/** A path row (status optional: the effective-rules view has none) plus expanded prefixes. */
export type TableRule = Omit<RuleRow, "status" | "failed" | "access"> &
  Partial<Pick<RuleRow, "status" | "failed">> & {
    access: "Allow" | "Deny";
    expandedSource?: string[];
    expandedDestination?: string[];
  };

const RESULT: Record<RuleRow["status"], string> = {
  "no-match": "No match",
  deciding: "Deciding rule",
  "not-evaluated": "Not evaluated",
};

function expanded(prefixes: readonly string[] | undefined): Node | null {
  if (!prefixes || prefixes.length === 0) return null;
  const list = el("ul", { class: "pg-prefixes" }, ...prefixes.map((p) => el("li", {}, p)));
  if (prefixes.length <= 4)
    return el("div", { class: "pg-expanded" }, el("span", { class: "pg-expanded__label" }, "= "), list);
  return el("details", { class: "pg-expanded" }, el("summary", {}, `= ${prefixes.length} prefixes`), list);
}

function resultCell(rule: TableRule): HTMLTableCellElement {
  const status = rule.status!;
  const why =
    status === "no-match" && rule.failed && rule.failed.length > 0
      ? `: ${rule.failed.map((f) => CONDITION_LABEL[f]).join(", ")}`
      : "";
  const text = status === "deciding" ? `${RESULT.deciding} → ${rule.access}` : `${RESULT[status]}${why}`;
  return el("td", { class: "pg-rules__result" }, status === "deciding" ? el("strong", {}, text) : text);
}

export function rulesTable(rules: readonly TableRule[], caption: string, withResult: boolean): HTMLElement {
  const head = [
    "Priority",
    "Name",
    "Access",
    "Protocol",
    "Source",
    "Source ports",
    "Destination",
    "Destination ports",
    ...(withResult ? ["Result"] : []),
  ];
  const table = el(
    "table",
    { class: "pg-rules" },
    el("caption", { class: "sr-only" }, caption),
    el("thead", {}, el("tr", {}, ...head.map((h) => el("th", { scope: "col" }, h)))),
    el(
      "tbody",
      {},
      ...rules.map((r) =>
        el(
          "tr",
          {
            class: `pg-rules__row${r.status ? ` pg-rules__row--${r.status}` : ""}${r.isDefault ? " pg-rules__row--default" : ""}`,
            "data-rule": r.name,
            "data-status": r.status,
            "data-default": r.isDefault ? "true" : undefined,
          },
          el("td", {}, String(r.priority)),
          el(
            "th",
            { scope: "row", class: "pg-rules__name" },
            r.name,
            r.isDefault ? " " : null,
            r.isDefault ? el("span", { class: "pg-tag" }, "default") : null,
          ),
          el("td", { class: `pg-access pg-access--${r.access.toLowerCase()}` }, r.access),
          el("td", {}, r.protocol),
          el("td", { class: "pg-mono pg-rules__addr" }, r.source, expanded(r.expandedSource)),
          el("td", { class: "pg-mono" }, r.sourcePorts),
          el("td", { class: "pg-mono pg-rules__addr" }, r.destination, expanded(r.expandedDestination)),
          el("td", { class: "pg-mono" }, r.destinationPorts),
          ...(withResult ? [resultCell(r)] : []),
        ),
      ),
    ),
  );
  // A wide table scrolls on its own; keyboard users need to reach it to scroll it.
  return el("div", { class: "pg-table-wrap", role: "region", "aria-label": caption, tabindex: "0" }, table);
}
