import type { GradebookRow } from "../../lib/grader/gradebook.ts";
import { SORT_KEYS, sortRows, type SortKey } from "../../lib/gradebook/row-order.ts";
import { el } from "../shared/dom.ts";

/**
 * The re-graded rows as a table, one row per learner and exercise (and file), sorted by any
 * column from its header button; the header carries aria-sort, so screen readers say the order.
 */

const HEADINGS: Record<SortKey, string> = {
  learner: "Learner",
  exercise: "Exercise",
  status: "Status",
  score: "Checks passed",
  differences: "Differences",
  complete: "Complete",
  file: "File",
};

const STATUS_TEXT: Record<GradebookRow["status"], string> = {
  graded: "graded",
  "rules-invalid": "rules do not parse",
  "submission-invalid": "file not graded",
  "not-submitted": "not handed in",
};

/** The file's claim beside the re-grade when they disagree: shown, never used. */
export const claimDiffers = (r: GradebookRow): boolean =>
  r.status === "graded" && r.claimed !== "" && r.claimed !== `${r.passed}/${r.total}`;

function cells(r: GradebookRow): (string | Node)[] {
  const score = r.total > 0 && r.status !== "not-submitted" ? `${r.passed}/${r.total}` : "—";
  const claimed = claimDiffers(r)
    ? el("span", { class: "gradebook__claim" }, ` (file claimed ${r.claimed})`)
    : "";
  return [
    r.learner,
    r.exercise || "?",
    STATUS_TEXT[r.status],
    el("span", {}, score, claimed),
    r.status === "graded" ? String(r.differences) : "—",
    r.complete ? "yes" : "no",
    r.file,
  ];
}

/**
 * Rows shown at once. A table lays out every cell of every row together: 1,000 rows hold the
 * page for a third of a second (npm run bench, 7b), 100 rows for a few milliseconds.
 */
export const ROWS_PER_PAGE = 100;

export function renderTable(host: HTMLElement, pager: HTMLElement, rows: readonly GradebookRow[]): void {
  let key: SortKey = "learner";
  let direction: "ascending" | "descending" = "ascending";
  let first = 0;
  let sorted = sortRows(rows, key, direction);
  const caption = el("caption");
  const head = el("tr");
  const body = el("tbody");
  const buttons = new Map<SortKey, HTMLButtonElement>();
  for (const k of SORT_KEYS) {
    const button = el("button", { type: "button", "data-sort": k }, HEADINGS[k]);
    button.addEventListener("click", () => {
      direction = key === k && direction === "ascending" ? "descending" : "ascending";
      key = k;
      sorted = sortRows(rows, key, direction);
      first = 0;
      draw();
      button.focus();
    });
    buttons.set(k, button);
    head.append(el("th", { scope: "col" }, button));
  }
  const previous = el("button", { type: "button" }, `Previous ${ROWS_PER_PAGE}`);
  const next = el("button", { type: "button" }, `Next ${ROWS_PER_PAGE}`);
  const shown = el("span");
  previous.addEventListener("click", () => {
    first = Math.max(0, first - ROWS_PER_PAGE);
    draw();
  });
  next.addEventListener("click", () => {
    first = Math.min(first + ROWS_PER_PAGE, Math.max(0, rows.length - 1));
    draw();
  });
  function draw() {
    for (const [k, button] of buttons) {
      const th = button.parentElement!;
      if (k === key) th.setAttribute("aria-sort", direction);
      else th.removeAttribute("aria-sort");
    }
    const last = Math.min(rows.length, first + ROWS_PER_PAGE);
    const range =
      rows.length > ROWS_PER_PAGE ? `rows ${first + 1}–${last} of ${rows.length.toLocaleString("en")}` : "";
    caption.textContent = `${rows.length.toLocaleString("en")} ${rows.length === 1 ? "row" : "rows"}, sorted by ${HEADINGS[key].toLowerCase()} (${direction})${range ? `; ${range}` : ""}`;
    const fragment = document.createDocumentFragment();
    for (const r of sorted.slice(first, last)) {
      const tr = el("tr", { "data-status": r.status });
      const [head, ...rest] = cells(r);
      tr.append(el("th", { scope: "row" }, head), ...rest.map((c) => el("td", {}, c)));
      fragment.append(tr);
    }
    body.replaceChildren(fragment);
    shown.textContent = range ? `Showing ${range}.` : "";
    previous.disabled = first === 0;
    next.disabled = last >= rows.length;
    pager.hidden = rows.length <= ROWS_PER_PAGE;
  }
  draw();
  host.replaceChildren(el("table", { class: "gradebook__table" }, caption, el("thead", {}, head), body));
  pager.replaceChildren(previous, " ", next, " ", shown);
}
