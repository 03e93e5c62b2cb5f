/**
 * WAI-ARIA tabs: one tab stop for the tab list, arrow keys (and Home/End) move between tabs
 * and select them, each tab shows its panel.
 */
export function setupTabs(list: HTMLElement, onSelect: (name: string) => void): (name: string) => void {
  const tabs = [...list.querySelectorAll<HTMLButtonElement>("[role=tab]")];
  const select = (tab: HTMLButtonElement, focus: boolean) => {
    for (const t of tabs) {
      const on = t === tab;
      t.setAttribute("aria-selected", String(on));
      t.tabIndex = on ? 0 : -1;
      const panel = document.getElementById(t.getAttribute("aria-controls") ?? "");
      if (panel) panel.hidden = !on;
    }
    if (focus) tab.focus();
    onSelect(tab.dataset.tab ?? "");
  };
  for (const tab of tabs) {
    tab.addEventListener("click", () => select(tab, false));
    tab.addEventListener("keydown", (event) => {
      const i = tabs.indexOf(tab);
      const to =
        event.key === "ArrowRight"
          ? tabs[(i + 1) % tabs.length]
          : event.key === "ArrowLeft"
            ? tabs[(i - 1 + tabs.length) % tabs.length]
            : event.key === "Home"
              ? tabs[0]
              : event.key === "End"
                ? tabs[tabs.length - 1]
                : undefined;
      if (!to) return;
      event.preventDefault();
      select(to, true);
    });
  }
  return (name) => {
    const tab = tabs.find((t) => t.dataset.tab === name);
    if (tab) select(tab, false);
  };
}
