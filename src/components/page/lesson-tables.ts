/** Wide tables scroll sideways inside the article; make such a scroller reachable by keyboard. */
export function start(): void {
  for (const table of document.querySelectorAll<HTMLElement>(".lesson table")) {
    if (table.scrollWidth > table.clientWidth + 1 && !table.hasAttribute("tabindex")) table.tabIndex = 0;
  }
}
