/**
 * Code a <details> panel needs, fetched the first time the learner opens it, so pages never
 * download it up front. If the network fails, the panel says so and asks for a reload.
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
    // A page keeps a failed module import failed (Chromium does not fetch it again): only a
    // reload tries again.
    load().catch(() => {
      if (status)
        status.textContent = "This part could not be loaded. Check your connection and reload the page.";
    });
  };
  panel.addEventListener("toggle", onToggle);
}
