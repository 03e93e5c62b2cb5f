/**
 * A [data-learner] block (LearnerName.astro), a thin view over exercise-ui/learner-identity.ts:
 * the saved name with a way to change it, or a field to type it. Every block on the page
 * follows a change made in any of them, or in another tab.
 */
import {
  LEARNER_CHANGED_EVENT,
  LEARNER_KEY,
  readLearnerName,
  saveLearnerName,
} from "../../lib/exercise-ui/learner-identity.ts";
import { checkLearnerName } from "../../lib/exercise-ui/learner-name.ts";
import { joinMessages } from "../../lib/result.ts";
import { browserStore } from "../../lib/store/store.ts";
import { must } from "./dom.ts";

/**
 * A name typed on this page when storage refused it: it still counts here. Kept on the global
 * object, not in this module: the editor island is a bundle of its own with its own copy.
 */
const page = globalThis as { nsgLabUnsavedLearner?: string };

/** The learner's name: the one saved in this browser, else one typed on this page. */
export function learnerName(): string | undefined {
  const read = readLearnerName(browserStore());
  return (read.ok ? read.value : undefined) ?? page.nsgLabUnsavedLearner;
}

/** What a download's status says about whose work it is. */
export const handedInAs = (name: string | undefined): string =>
  name
    ? ` as ${name}`
    : " without a name: type your name or student id above, so your instructor knows whose work it is";

export function wireLearnerName(block: HTMLElement): void {
  if (block.dataset.wired) return;
  block.dataset.wired = "true";
  const shown = must<HTMLElement>(block, "[data-learner-shown]");
  const nameText = must<HTMLElement>(block, "[data-learner-name]");
  const form = must<HTMLFormElement>(block, "[data-learner-form]");
  const input = must<HTMLInputElement>(block, "[data-learner-input]");
  const status = must<HTMLElement>(block, "[data-learner-status]");

  const render = () => {
    const name = learnerName();
    shown.hidden = name === undefined;
    form.hidden = name !== undefined;
    nameText.textContent = name ?? "";
    if (name !== undefined) input.value = name;
  };

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const checked = checkLearnerName(input.value);
    if (!checked.ok) {
      status.textContent = joinMessages(checked.errors, " ");
      input.focus();
      return;
    }
    const saved = saveLearnerName(browserStore(), checked.value);
    page.nsgLabUnsavedLearner = saved.ok ? undefined : checked.value;
    status.textContent = saved.ok ? "Name saved in this browser." : joinMessages(saved.errors, " ");
    document.dispatchEvent(new CustomEvent(LEARNER_CHANGED_EVENT));
    block.querySelector<HTMLButtonElement>("[data-learner-change]")?.focus();
  });
  must<HTMLButtonElement>(block, "[data-learner-change]").addEventListener("click", () => {
    shown.hidden = true;
    form.hidden = false;
    status.textContent = "";
    input.focus();
    input.select();
  });
  document.addEventListener(LEARNER_CHANGED_EVENT, render);
  window.addEventListener("storage", (e) => {
    if (e.key === LEARNER_KEY) render();
  });
  render();
}

/** Wires every learner block inside `root`. */
export const wireLearnerNames = (root: ParentNode): void => {
  for (const block of root.querySelectorAll<HTMLElement>("[data-learner]")) wireLearnerName(block);
};
