import type { EditorMarker } from "../../lib/exercise-ui/issue-markers.ts";
import { el } from "./dom.ts";

/**
 * The list of problems under the editor: each a button that jumps to its place in the text, or,
 * without `jump` (rules shown in the portal form, no text to point into), the message alone.
 */
export function renderIssues(
  list: HTMLElement,
  markers: readonly EditorMarker[],
  jump?: (line: number, column: number) => void,
): void {
  list.replaceChildren(
    ...markers.map((m) => {
      const severity = el(
        "span",
        { class: "ex-issue__severity" },
        m.severity === "error" ? "error" : m.severity === "warning" ? "warning" : "note",
      );
      const message = el("span", { class: "ex-issue__message" }, m.message);
      if (!jump) return el("li", { class: `ex-issue ex-issue--${m.severity}` }, severity, " ", message);
      const button = el(
        "button",
        { type: "button", class: "ex-issue__jump", title: "Go to this place in the editor" },
        el("span", { class: "sr-only" }, "Line "),
        el("span", { class: "ex-issue__where" }, m.where),
        " ",
        severity,
        " ",
        message,
      );
      button.addEventListener("click", () => jump(m.startLineNumber, m.startColumn));
      return el("li", { class: `ex-issue ex-issue--${m.severity}` }, button);
    }),
  );
}
