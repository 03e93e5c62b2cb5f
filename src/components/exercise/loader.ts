/**
 * The only exercise code a page loads up front: hints, and the buttons that fetch the heavy
 * parts on demand. Monaco and the grader arrive when the learner opens the editor
 * (author-rules) or answers or checks predictions (predict), never on scroll or page load;
 * the one exception is a predict exercise this browser remembers answers for, whose grader
 * loads at once to show the earlier verdicts.
 *
 * The editor island is bundled on its own through Vite's `?worker&url` (one self-contained
 * file, its CSS injected when it runs, URLs under the site's base path) and loaded with a
 * <script> tag on demand. A plain `import()` would be lazy for the JavaScript, but Astro links
 * every stylesheet reachable from a page script, dynamic imports included
 * (withastro/astro#9495): Monaco's 175 KB of CSS would load with every exercise page.
 */
import { draftKey } from "../../lib/exercise-ui/draft-storage.ts";
import { SHARE_PARAM } from "../../lib/exercise-ui/share-link.ts";
import { asyncHandler } from "./dom.ts";
import editorIslandUrl from "./editor-island.ts?worker&url";
import type { EditorIslandApi } from "./editor-island.ts";
import { readPredictAnswers } from "../../lib/exercise-ui/predict-answers.ts";
import { browserStorage } from "../../lib/progress/browser.ts";
import type { PredictTrigger } from "./predict-island.ts";

let islandLoading: Promise<EditorIslandApi> | undefined;

function loadEditorIsland(): Promise<EditorIslandApi> {
  islandLoading ??= new Promise<EditorIslandApi>((resolve, reject) => {
    const script = document.createElement("script");
    // A module script runs the bundle in strict mode and fires "load" after it has run.
    script.type = "module";
    script.src = editorIslandUrl;
    script.addEventListener("load", () => {
      const api = (globalThis as { nsgLabEditorIsland?: EditorIslandApi }).nsgLabEditorIsland;
      if (api) resolve(api);
      else reject(new Error("the editor bundle did not register itself"));
    });
    script.addEventListener("error", () => reject(new Error(`could not load ${editorIslandUrl}`)));
    document.head.append(script);
  }).catch((error: unknown) => {
    islandLoading = undefined;
    throw error;
  });
  return islandLoading;
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

function hasSavedDraft(id: string): boolean {
  try {
    return localStorage.getItem(draftKey(id)) !== null;
  } catch {
    return false;
  }
}

function setupEditorOpener(root: HTMLElement, id: string): void {
  const open = root.querySelector<HTMLButtonElement>("[data-open-editor]");
  const status = root.querySelector<HTMLElement>("[data-loader-status]");
  const note = root.querySelector<HTMLElement>("[data-opener-note]");
  if (!open || !status) return;
  const shared = new URLSearchParams(location.hash.slice(1)).has(SHARE_PARAM);
  if (note && shared) note.textContent = "This link carries someone's rules: open the editor to load them.";
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
            .querySelector<HTMLElement>(".monaco-editor .native-edit-context, .monaco-editor textarea")
            ?.focus(),
        );
      } catch (error) {
        console.warn("NSG Lab: the editor failed to load", error);
        status.textContent = "The editor could not be loaded (are you offline?). Try again.";
        open.disabled = false;
      }
    }),
  );
}

/**
 * The predict form: the island (with the grader) arrives on the learner's first answer or
 * Check, or at once when this browser remembers earlier predictions, to show them again.
 */
function setupPredictions(root: HTMLElement, id: string): void {
  const form = root.querySelector<HTMLFormElement>("form[data-predict-form]");
  const status = root.querySelector<HTMLElement>("[data-loader-status]");
  if (!form || !status) return;
  let loading: Promise<void> | undefined;
  let mounted = false;
  let checkWhenMounted = false;
  const mount = (trigger: PredictTrigger) => {
    loading ??= import("./predict-island.ts")
      .then(({ mountPredictions }) => {
        status.textContent = "";
        form.removeEventListener("submit", onSubmit);
        form.removeEventListener("change", onChange);
        mounted = true;
        mountPredictions(root, form, checkWhenMounted ? "submit" : trigger);
      })
      .catch((error: unknown) => {
        console.warn("NSG Lab: the grader failed to load", error);
        status.textContent = "The checker could not be loaded (are you offline?). Try again.";
        loading = undefined;
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
  const saved = readPredictAnswers(browserStorage(), id, root.querySelectorAll("[data-check]").length);
  if (saved.ok && saved.value) void mount("restore");
}

export function setupExercises(): void {
  for (const root of document.querySelectorAll<HTMLElement>("[data-exercise]")) {
    if (root.dataset.ready) continue;
    root.dataset.ready = "true";
    setupHints(root);
    if (root.dataset.kind === "predict") setupPredictions(root, root.dataset.exercise ?? "");
    else setupEditorOpener(root, root.dataset.exercise ?? "");
  }
}
