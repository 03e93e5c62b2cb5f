/**
 * The lesson list's "All lessons" button on narrow screens (LessonNav.astro). Its collapsed
 * state is decided by CSS before the first paint; this only opens and closes it.
 */
export function setupLessonNav(): void {
  for (const nav of document.querySelectorAll<HTMLElement>("[data-lesson-nav]")) {
    const toggle = nav.querySelector<HTMLButtonElement>("[data-lesson-nav-toggle]");
    if (!toggle) continue;
    const setOpen = (open: boolean) => {
      toggle.setAttribute("aria-expanded", String(open));
      nav.dataset.open = String(open);
    };
    toggle.addEventListener("click", () => setOpen(toggle.getAttribute("aria-expanded") !== "true"));
    nav.addEventListener("keydown", (event) => {
      if (
        event.key === "Escape" &&
        toggle.getAttribute("aria-expanded") === "true" &&
        toggle.offsetParent !== null
      ) {
        setOpen(false);
        toggle.focus();
      }
    });
  }
}
