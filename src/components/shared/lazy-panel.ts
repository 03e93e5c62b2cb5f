/**
 * Code a <details> panel needs, fetched the first time the learner opens it (and tried again on
 * the next opening if the network failed), so pages never download it up front.
 */
export function onFirstOpen(
  panel: HTMLDetailsElement,
  status: HTMLElement | null,
  load: () => Promise<void>,
): void {
  const onToggle = () => {
    if (!panel.open) return;
    panel.removeEventListener("toggle", onToggle);
    if (status) status.textContent = "Loading…";
    load().catch(() => {
      panel.addEventListener("toggle", onToggle);
      if (status)
        status.textContent = "This part could not be loaded. Check your connection and open it again.";
    });
  };
  panel.addEventListener("toggle", onToggle);
}
