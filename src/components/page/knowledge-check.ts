import {
  checkChoice,
  feedbackText,
  offersAnswer,
  showAnswer,
  startKnowledgeCheck,
  type KnowledgeCheck,
  type KnowledgeCheckStep,
} from "../../lib/course/knowledge-check.ts";
import { browserStore } from "../../lib/store/store.ts";
import {
  hasAnswered,
  KNOWLEDGE_CHECK_EVENT,
  recordKnowledgeCheck,
} from "../../lib/progress/lesson-completion.ts";

function setupCheck(root: HTMLElement): void {
  const form = root.querySelector("form");
  const checkButton = root.querySelector<HTMLButtonElement>("[data-kc-check]");
  const showButton = root.querySelector<HTMLButtonElement>("[data-kc-show]");
  const feedback = root.querySelector<HTMLElement>("[data-kc-feedback]");
  const reveal = root.querySelector<HTMLElement>("[data-kc-reveal]");
  const data = root.querySelector<HTMLScriptElement>("[data-kc-data]");
  if (!form || !checkButton || !showButton || !feedback || !reveal || !data) return;
  const check = JSON.parse(data.textContent ?? "") as KnowledgeCheck;
  let state = startKnowledgeCheck();

  const show = (step: KnowledgeCheckStep) => {
    state = step.state;
    const text = feedbackText(check, step.feedback);
    if (text.tone === "neutral") delete root.dataset.result;
    else root.dataset.result = text.tone;
    const verdict = document.createElement("strong");
    verdict.textContent = text.verdict ?? "";
    feedback.replaceChildren(...(text.verdict ? [verdict, " "] : []), text.sentences.join(" "));
    showButton.hidden = !offersAnswer(state);
    if (text.tone === "correct" && root.dataset.knowledgeCheck) {
      recordKnowledgeCheck(browserStore(), root.dataset.knowledgeCheck);
      document.dispatchEvent(
        new CustomEvent(KNOWLEDGE_CHECK_EVENT, { detail: { id: root.dataset.knowledgeCheck } }),
      );
    }
  };

  checkButton.hidden = false;
  reveal.hidden = true;
  if (root.dataset.knowledgeCheck && hasAnswered(browserStore(), root.dataset.knowledgeCheck)) {
    root.dataset.answeredBefore = "true";
    feedback.textContent = "You answered this one right before.";
  }
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const chosen = form.querySelector<HTMLInputElement>("input[type=radio]:checked");
    show(checkChoice(check, state, chosen ? Number(chosen.value) : undefined));
  });
  showButton.addEventListener("click", () => {
    show(showAnswer(state));
    // The button hides itself: keep the keyboard where the answer now is.
    feedback.focus();
  });
  // A new choice makes the old verdict stale (the tries so far still count).
  form.addEventListener("change", () => {
    delete root.dataset.result;
    feedback.replaceChildren();
  });
}

/**
 * KnowledgeCheck.astro's view: the rules of tries and reveals, and every word, come from
 * src/lib/course/knowledge-check.ts.
 */
export function start(): void {
  for (const root of document.querySelectorAll<HTMLElement>("[data-knowledge-check]")) setupCheck(root);
}
