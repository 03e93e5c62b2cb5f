/**
 * Wide tables scroll sideways inside the article; such a scroller must be reachable by keyboard
 * (WCAG 2.1.1, axe's scrollable-region-focusable). Run by boot.ts, before `load`, so no reader
 * meets an unreachable table while the islands load, and again when the window is resized (a
 * phone turned upright can make a table wide).
 */
function markWideTables(): void {
  for (const table of document.querySelectorAll<HTMLElement>(".lesson table")) {
    if (table.scrollWidth > table.clientWidth + 1 && !table.hasAttribute("tabindex")) table.tabIndex = 0;
  }
}

export function setupLessonTables(): void {
  if (!document.querySelector(".lesson table")) return;
  markWideTables();
  addEventListener("resize", markWideTables, { passive: true });
}
