import type { SaveStatus } from "../../lib/store/autosaver.ts";
import { el } from "./dom.ts";

/**
 * The view pieces of saved work shared by the exercise editor and the playground: the save
 * status line (with the choice offered when another tab saved first) and the list of earlier
 * versions.
 */

export interface SaveStatusUi {
  status: HTMLElement;
  conflict: HTMLElement;
  conflictText: HTMLElement;
}

export type SaveStatusView =
  { kind: "saved" | "error"; text: string } | { kind: "unchanged" } | { kind: "conflict"; text: string };

/** Shows what saving did; for a conflict, the choice, and "Not saved" on the status line. */
export function showSaveStatus(ui: SaveStatusUi, status: SaveStatus<unknown>): void {
  if (status.kind === "unchanged") return;
  if (status.kind === "conflict") {
    ui.conflictText.textContent = status.text;
    ui.conflict.hidden = false;
    ui.status.dataset.kind = "error";
    ui.status.textContent = "Not saved: see above.";
    return;
  }
  ui.status.dataset.kind = status.kind === "saved" ? "ok" : "error";
  ui.status.textContent = status.text;
}

export interface HistoryUi {
  restore: HTMLElement;
  panel: HTMLElement;
  count: HTMLElement;
  list: HTMLElement;
}

/** The earlier versions, newest first, each with a Restore button. */
export function renderHistoryList(
  ui: HistoryUi,
  entries: readonly { savedAt: string; label: string }[],
  onRestore: (index: number) => void,
): void {
  ui.restore.hidden = entries.length === 0;
  ui.panel.hidden = entries.length === 0;
  ui.count.textContent = String(entries.length);
  ui.list.replaceChildren(
    ...entries.map((entry, index) => {
      const when = new Date(entry.savedAt).toLocaleString([], {
        month: "short",
        day: "numeric",
        hour: "2-digit",
        minute: "2-digit",
      });
      const button = el("button", { type: "button", class: "button-secondary" }, "Restore");
      button.addEventListener("click", () => onRestore(index));
      return el(
        "li",
        { "data-history-entry": String(index) },
        el("span", {}, `${entry.label} · ${when} `),
        button,
      );
    }),
  );
}
