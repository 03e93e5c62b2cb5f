/**
 * Wide tables scroll sideways inside the article; such a scroller must be reachable by keyboard
 * (WCAG 2.1.1, axe's scrollable-region-focusable). Run by boot.ts, before `load`, so no reader
 * meets an unreachable table while the islands load. A ResizeObserver tells when each table has
 * been laid out, at first and whenever its width changes (a phone turned upright), so reading
 * its widths never forces a layout of its own.
 */
export function setupLessonTables(): void {
  const tables = document.querySelectorAll<HTMLElement>(".lesson table");
  if (tables.length === 0) return;
  const observer = new ResizeObserver((entries) => {
    for (const { target } of entries) {
      const table = target as HTMLElement;
      if (table.scrollWidth > table.clientWidth + 1 && !table.hasAttribute("tabindex")) table.tabIndex = 0;
    }
  });
  for (const table of tables) observer.observe(table);
}
