/**
 * The islands a page need not run before it has loaded: notices, "Mark lesson complete",
 * lesson auto-completion, knowledge checks and exercises (their loader, which fetches the heavy
 * parts on use). Those whose element is on the page are imported after `load`, so they never
 * compete with the page itself, and started in the order below:
 * auto-completion listens before any exercise or knowledge check can report a pass.
 *
 * A learner may act before they arrive: press "Open the editor", choose an answer, open a
 * panel. Until the islands have started, such events inside one are held (a click on a button
 * or summary and a form's submission are cancelled, so no form submits itself to the server),
 * the islands load at once, and the events are replayed once they have started. Focusing or
 * pressing inside an island also starts the download early.
 */
import { nextTask } from "../shared/tasks.ts";

interface Island {
  /** The element whose presence means the island is needed; events inside it are held. */
  root: string;
  load: () => Promise<{ start: () => void }>;
}

const ISLANDS: readonly Island[] = [
  { root: "[data-progress-notice]", load: () => import("./progress-notice.ts") },
  { root: "[data-update-notice]", load: () => import("./update-notice.ts") },
  { root: "[data-lesson-autocomplete]", load: () => import("./lesson-auto-complete.ts") },
  { root: "[data-lesson-complete]", load: () => import("./lesson-complete.ts") },
  { root: "[data-knowledge-check]", load: () => import("./knowledge-check.ts") },
  {
    root: "[data-exercise]",
    load: () => import("../exercise/loader.ts").then(({ setupExercises }) => ({ start: setupExercises })),
  },
];

/** Events held until the islands have started, and events that only start the download. */
const HELD = ["click", "submit", "change"] as const;
const WARM = ["focusin", "pointerdown"] as const;

/** What activates on a click: held, then clicked again. */
const ACTIVATOR = "button, summary, input[type=submit], input[type=button]";

type HeldEvent =
  | { kind: "click"; control: HTMLElement }
  | { kind: "submit"; form: HTMLFormElement; submitter: HTMLElement | null }
  | { kind: "change"; target: Element };

function replay(event: HeldEvent): void {
  if (event.kind === "click") event.control.click();
  else if (event.kind === "change") event.target.dispatchEvent(new Event("change", { bubbles: true }));
  else if (event.submitter instanceof HTMLButtonElement || event.submitter instanceof HTMLInputElement)
    event.form.requestSubmit(event.submitter);
  else event.form.requestSubmit();
}

/**
 * Imports the islands a task each: each import adds its chunks' `modulepreload` links to the
 * head, which all at once made one 55 ms task at 4× CPU on a lesson with exercises.
 */
async function loadEach(islands: readonly Island[]): Promise<{ start: () => void }[]> {
  const loads: Promise<{ start: () => void }>[] = [];
  for (const island of islands) {
    const load = island.load();
    // Handled now, as Promise.all below only handles it a task or more later: an import that
    // fails offline would otherwise be reported as an unhandled rejection in between.
    load.catch(() => undefined);
    loads.push(load);
    if (island !== islands.at(-1)) await nextTask();
  }
  return Promise.all(loads);
}

export function startDeferredIslands(): void {
  const present = ISLANDS.filter((island) => document.querySelector(island.root));
  if (present.length === 0) return;
  const roots = present.map((island) => island.root).join(", ");
  let started = false;
  let loading: Promise<void> | undefined;
  let held: HeldEvent[] = [];

  const start = () => {
    loading ??= loadEach(present)
      .then(async (islands) => {
        // A task each, so that a lesson with many islands does not hold a phone for long
        // (Lighthouse counted one 400 ms task at 4× CPU); events stay held until all have started.
        for (const island of islands) {
          await nextTask();
          try {
            island.start();
          } catch (error) {
            reportError(error);
          }
        }
        started = true;
        for (const type of HELD) document.removeEventListener(type, hold, true);
        for (const type of WARM) document.removeEventListener(type, warm, true);
        const events = held;
        held = [];
        for (const event of events) replay(event);
      })
      .catch((error: unknown) => {
        // Offline without a cached copy, most likely: the next interaction tries again.
        console.warn("NSG Lab: this page's controls could not be loaded", error);
        loading = undefined;
      });
  };

  const insideIsland = (target: EventTarget | null): target is Element =>
    target instanceof Element && target.closest(roots) !== null;

  const hold = (event: Event) => {
    if (started || !insideIsland(event.target)) return;
    if (event.type === "click") {
      const control = event.target.closest<HTMLElement>(ACTIVATOR);
      if (!control) return;
      event.preventDefault();
      event.stopPropagation();
      held.push({ kind: "click", control });
    } else if (event.type === "submit" && event.target instanceof HTMLFormElement) {
      event.preventDefault();
      event.stopPropagation();
      held.push({ kind: "submit", form: event.target, submitter: (event as SubmitEvent).submitter });
    } else if (event.type === "change") held.push({ kind: "change", target: event.target });
    start();
  };
  const warm = (event: Event) => {
    if (insideIsland(event.target)) start();
  };
  for (const type of HELD) document.addEventListener(type, hold, true);
  for (const type of WARM) document.addEventListener(type, warm, true);

  if (document.readyState === "complete") start();
  else addEventListener("load", start, { once: true });
}
