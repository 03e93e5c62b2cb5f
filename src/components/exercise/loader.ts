/**
 * The only exercise code a page loads up front: hints, and the buttons that fetch the heavy
 * parts on demand. The grader arrives when the learner is about to open the editor
 * (author-rules) or answers or checks predictions (predict), never on page load; the one
 * exception is a predict exercise this browser remembers answers for, whose grader loads at
 * once to show the earlier verdicts.
 *
 * The editor island is a plain `import()`, so its chunks are shared: the grader's with the
 * predict and read-logs islands. Its download starts on intent, before the click: when the
 * exercise scrolls into view, or "Open the editor" is hovered or focused (`prefetchEditorOn`).
 * It opens on a plain text area and imports Monaco after the first grade (editor-island.ts):
 * Monaco's chunks are shared with the playground, the JSON language's load only when JSON is
 * shown. Monaco's CSS is not part of the island: Astro links every stylesheet a page script can reach, dynamic imports
 * included (withastro/astro#9495), so the build moves Monaco's stylesheets into a file of their
 * own that monaco-setup.ts links when it loads (scripts/monaco-styles.ts).
 */
import { DRAFT } from "../../lib/store/records/draft.ts";
import { EXERCISE_RESULTS } from "../../lib/store/records/exercise-results.ts";
import { browserStore, keyOf } from "../../lib/store/store.ts";
import { decodeShareHash, linkTarget } from "../../lib/exercise-ui/share-link.ts";
import { asyncHandler } from "../shared/dom.ts";
import { onFirstOpen } from "../shared/lazy-panel.ts";
import { readPredictAnswers } from "../../lib/exercise-ui/predict-answers.ts";
import type { AnswerTrigger } from "./answer-trigger.ts";
import { readLogAnswers } from "../../lib/exercise-ui/log-answers.ts";

type EditorIsland = typeof import("./editor-island.ts");

let islandLoading: Promise<EditorIsland> | undefined;

function loadEditorIsland(): Promise<EditorIsland> {
  islandLoading ??= import("./editor-island.ts").catch((error: unknown) => {
    islandLoading = undefined;
    throw error;
  });
  return islandLoading;
}

/**
 * Starts the editor's download when the learner shows they may open it: the exercise comes into
 * view by scrolling (not when it is already in view as the page loads: a visit is not yet
 * intent), or the opener is hovered or focused. A prefetch that fails is tried again by the click.
 */
function prefetchEditorOn(root: HTMLElement, open: HTMLButtonElement): void {
  const start = () => {
    observer?.disconnect();
    loadEditorIsland().catch(() => undefined);
  };
  open.addEventListener("pointerenter", start, { once: true });
  open.addEventListener("focus", start, { once: true });
  let seenOutOfView = false;
  const observer =
    typeof IntersectionObserver === "undefined"
      ? undefined
      : new IntersectionObserver((entries) => {
          for (const entry of entries)
            if (!entry.isIntersecting) seenOutOfView = true;
            else if (seenOutOfView) start();
        });
  observer?.observe(root);
}

function setupHints(root: HTMLElement): void {
  const items = [...root.querySelectorAll<HTMLLIElement>("[data-hints-list] > li")];
  const next = root.querySelector<HTMLButtonElement>("[data-hint-next]");
  if (!next || items.length === 0) return;
  let shown = 0;
  next.hidden = false;
  next.addEventListener("click", () => {
    const item = items[shown];
    if (!item) return;
    item.hidden = false;
    shown += 1;
    if (shown >= items.length) {
      next.hidden = true;
      item.tabIndex = -1;
      item.focus();
    } else next.textContent = `Show another hint (${shown + 1} of ${items.length})`;
  });
}

/** The Azure bridge's code (the script writers, the comparison) loads the first time its panel opens. */
function setupAzureBridge(root: HTMLElement): void {
  const panel = root.querySelector<HTMLDetailsElement>("[data-azure-bridge]");
  if (!panel) return;
  onFirstOpen(panel, panel.querySelector("[data-bridge-plan]"), async () => {
    const { mountExerciseBridge } = await import("./exercise-azure-bridge.ts");
    mountExerciseBridge(root, panel);
  });
}

function hasSavedDraft(id: string): boolean {
  const raw = browserStore().raw(keyOf(DRAFT, id));
  return raw.ok && raw.value !== null;
}

/** Which exercise of the page a shared link is for, and why none when it can't be used here. */
function sharedLinkTarget(): { id?: string; problem?: string } {
  const shared = decodeShareHash(location.hash);
  if (!shared.ok) return { problem: shared.errors[0]!.message };
  if (!shared.value) return {};
  const onPage = [...document.querySelectorAll<HTMLElement>("[data-exercise]")].map(
    (e) => e.dataset.exercise ?? "",
  );
  const target = linkTarget(shared.value, onPage);
  return target.ok ? { id: target.value } : { problem: target.errors[0]!.message };
}

/** What a learner who passed may do again, by kind (the rest open the editor). */
const AGAIN_TEXT: Record<string, string> = {
  predict: "Check your predictions again any time.",
  "read-logs": "Check your answers again any time.",
};

/** What the learner did here before: shown before any heavy code loads. */
function showEarlierResult(root: HTMLElement, id: string): void {
  const score = root.querySelector<HTMLElement>("[data-score]");
  const read = browserStore().read(EXERCISE_RESULTS);
  if (!score || read.status !== "ok") return;
  const result = Object.hasOwn(read.value.exercises, id) ? read.value.exercises[id]! : {};
  if (result.passedAt) {
    const day = new Date(result.passedAt).toLocaleDateString([], {
      day: "numeric",
      month: "short",
      year: "numeric",
    });
    root.dataset.progress = "passed";
    score.textContent = `You passed this exercise on ${day}. ${AGAIN_TEXT[root.dataset.kind ?? ""] ?? "Open the editor to see your rules graded again."}`;
  } else if (result.attemptedAt) {
    root.dataset.progress = "attempted";
    score.textContent =
      `You have started this exercise. ${root.dataset.kind === "predict" || root.dataset.kind === "read-logs" ? "" : "Open the editor to carry on."}`.trim();
  }
}

function setupEditorOpener(root: HTMLElement, id: string, link: { id?: string; problem?: string }): void {
  const open = root.querySelector<HTMLButtonElement>("[data-open-editor]");
  const status = root.querySelector<HTMLElement>("[data-loader-status]");
  const note = root.querySelector<HTMLElement>("[data-opener-note]");
  if (!open || !status) return;
  if (note && link.id === id)
    note.textContent = "This link carries someone's rules for this exercise: open the editor to load them.";
  else if (note && hasSavedDraft(id)) note.textContent = "Your saved rules for this exercise will be loaded.";
  open.addEventListener(
    "click",
    asyncHandler(async () => {
      open.disabled = true;
      status.textContent = "Loading the editor…";
      try {
        const { mountEditor } = await loadEditorIsland();
        await mountEditor(root);
        status.textContent = "";
        // The opener was disabled (dropping focus to the page) and the editor only now shows:
        // put the learner where they asked to go, once it has been laid out.
        requestAnimationFrame(() =>
          root
            .querySelector<HTMLElement>(
              ".text-editor-fallback, .monaco-editor .native-edit-context, .monaco-editor textarea",
            )
            ?.focus(),
        );
      } catch (error) {
        console.warn("NSG Lab: the editor failed to load", error);
        // A page keeps a failed module import failed (Chromium does not fetch it again), so a
        // second click could only fail the same way: a reload is the way to try again.
        status.textContent =
          "The editor could not be loaded (are you offline?). Reload the page to try again.";
      }
    }),
  );
  prefetchEditorOn(root, open);
}

/**
 * A form answered without the editor (predict, read-logs): its island, with the grader, arrives
 * on the learner's first answer or Check, or at once when this browser remembers answers, to
 * show them again. A Check pressed while it loads is carried out once it has.
 */
function setupAnswerForm(
  root: HTMLElement,
  form: HTMLFormElement | null,
  island: () => Promise<(root: HTMLElement, form: HTMLFormElement, trigger: AnswerTrigger) => void>,
  hasSavedAnswers: boolean,
): void {
  const status = root.querySelector<HTMLElement>("[data-loader-status]");
  if (!form || !status) return;
  let loading: Promise<void> | undefined;
  let mounted = false;
  let checkWhenMounted = false;
  const mount = (trigger: AnswerTrigger) => {
    loading ??= island()
      .then((mountIsland) => {
        status.textContent = "";
        form.removeEventListener("submit", onSubmit);
        form.removeEventListener("change", onChange);
        mounted = true;
        mountIsland(root, form, checkWhenMounted ? "submit" : trigger);
      })
      .catch((error: unknown) => {
        console.warn("NSG Lab: the grader failed to load", error);
        status.textContent =
          "The checker could not be loaded (are you offline?). Reload the page to try again.";
      });
    return loading;
  };
  const onSubmit = (event: Event) => {
    event.preventDefault();
    if (mounted) return;
    checkWhenMounted = true;
    void mount("submit");
  };
  const onChange = () => void mount("change");
  form.addEventListener("submit", onSubmit);
  form.addEventListener("change", onChange);
  if (hasSavedAnswers) void mount("restore");
}

function setupPredictions(root: HTMLElement, id: string): void {
  const saved = readPredictAnswers(browserStore(), id, root.querySelectorAll("[data-check]").length);
  setupAnswerForm(
    root,
    root.querySelector<HTMLFormElement>("form[data-predict-form]"),
    () => import("./predict-island.ts").then((m) => m.mountPredictions),
    saved.ok && saved.value !== undefined,
  );
}

function setupLogQuestions(root: HTMLElement, id: string): void {
  const saved = readLogAnswers(browserStore(), id, root.querySelectorAll("[data-check]").length);
  setupAnswerForm(
    root,
    root.querySelector<HTMLFormElement>("form[data-log-form]"),
    () => import("./log-reading-island.ts").then((m) => m.mountLogQuestions),
    saved.ok && saved.value !== undefined,
  );
}

export function setupExercises(): void {
  const roots = [...document.querySelectorAll<HTMLElement>("[data-exercise]")].filter(
    (r) => !r.dataset.ready,
  );
  if (roots.length === 0) return;
  const link = sharedLinkTarget();
  for (const root of roots) {
    root.dataset.ready = "true";
    const id = root.dataset.exercise ?? "";
    setupHints(root);
    setupAzureBridge(root);
    showEarlierResult(root, id);
    if (root.dataset.kind === "predict") setupPredictions(root, id);
    else if (root.dataset.kind === "read-logs") setupLogQuestions(root, id);
    else setupEditorOpener(root, id, link);
  }
  const target = roots.find((r) => r.dataset.exercise === link.id);
  if (target) {
    // A link names its exercise: bring that one into view, wherever it sits on the page.
    target.scrollIntoView({ block: "start" });
    target.querySelector<HTMLButtonElement>("[data-open-editor]")?.focus({ preventScroll: true });
  } else if (link.problem) {
    const first = roots.find((r) => r.querySelector("[data-opener-note]"));
    const note = first?.querySelector<HTMLElement>("[data-opener-note]");
    if (note) {
      note.textContent = link.problem;
      note.dataset.kind = "warning";
    }
  }
}
