/**
 * The predict island, a thin view: the learner's allow/deny answers checked against the
 * evaluator's verdicts (gradePredictions). What each flow shows, when a verdict is revealed and
 * the score line come from predict-session.ts; why a flow got its verdict from prediction-why.ts;
 * the answers are remembered through predict-answers.ts. No editor is loaded.
 */
import { gradePredictions } from "../../lib/grader/grade.ts";
import type { GradeReport } from "../../lib/grader/report.ts";
import { browserStore } from "../../lib/store/store.ts";
import { EXERCISE_PASSED_EVENT, recordPass } from "../../lib/exercise-ui/exercise-progress.ts";
import { readPredictAnswers, savePredictAnswers } from "../../lib/exercise-ui/predict-answers.ts";
import {
  answersOf,
  check,
  choose,
  flowView,
  isComplete,
  neverChecked,
  reveal,
  startSession,
  type Answer,
  type PredictSession,
} from "../../lib/exercise-ui/predict-session.ts";
import { joinMessages } from "../../lib/result.ts";
import { predictWork } from "../../lib/exercise-ui/submission-file.ts";
import { wireAnswersHandIn } from "./answers-hand-in.ts";
import { readExerciseData } from "./exercise-data.ts";
import { renderFlow } from "./predict-view.ts";
import { feedbackLevelHere } from "./feedback-setting.ts";
import { predictScoreText, showsCompletion } from "../../lib/assignments/feedback-level.ts";

import type { AnswerTrigger } from "./answer-trigger.ts";

const radioAnswer = (item: HTMLElement): Answer | undefined => {
  const value = item.querySelector<HTMLInputElement>("input[type=radio]:checked")?.value;
  return value === "allow" || value === "deny" ? value : undefined;
};

export function mountPredictions(root: HTMLElement, form: HTMLFormElement, trigger: AnswerTrigger): void {
  const { exercise } = readExerciseData(root);
  const items = [...root.querySelectorAll<HTMLElement>("[data-check]")];
  const score = root.querySelector<HTMLElement>("[data-score]");
  const status = root.querySelector<HTMLElement>("[data-loader-status]");
  const store = browserStore();
  // An assignment may limit what the checks say (feedback-level.ts): full, verdict or none.
  const feedback = feedbackLevelHere(root);

  const saved = readPredictAnswers(store, exercise.id, items.length);
  let session: PredictSession = (saved.ok && saved.value) || startSession(items.length);
  if (trigger === "restore") {
    // The saved answers win over whatever the browser restored into the form.
    items.forEach((item, i) => {
      const answer = session.flows[i]?.answer;
      for (const radio of item.querySelectorAll<HTMLInputElement>("input[type=radio]"))
        radio.checked = radio.value === answer;
    });
  } else items.forEach((item, i) => (session = choose(session, i, radioAnswer(item))));

  let report: GradeReport | undefined;
  const grade = (): GradeReport | undefined => {
    report = gradePredictions(exercise, answersOf(session));
    if (report.status !== "invalid") return report;
    if (score) score.textContent = "This exercise's network could not be evaluated; please report it.";
    return undefined;
  };
  const passes = () => (report?.results ?? []).map((r) => r.pass);

  const save = () => {
    const written = savePredictAnswers(store, exercise.id, session);
    if (status) status.textContent = written.ok ? "" : joinMessages(written.errors, " ");
  };

  const renderItem = (i: number) => {
    const item = items[i];
    if (!item) return;
    renderFlow(
      item,
      flowView(session.flows[i]!, report?.results[i]?.pass),
      report?.results[i],
      session.flows[i]?.answer,
      i,
      feedback,
    );
  };
  const renderAll = () => {
    items.forEach((_, i) => renderItem(i));
    const text = predictScoreText(session, passes(), feedback);
    if (score && text !== undefined) score.textContent = text;
  };

  const onCheck = () => {
    if (!grade()) return;
    session = check(session, passes());
    save();
    renderAll();
    const complete = isComplete(session, passes());
    root.dataset.status = !showsCompletion(feedback) ? "saved" : complete ? "passed" : "failing";
    if (!complete) return;
    const result = recordPass(store, exercise.id);
    if (!result.ok && status)
      status.textContent = `Exercise complete, but this browser would not record the pass (${result.errors[0]!.message}).`;
    document.dispatchEvent(new CustomEvent(EXERCISE_PASSED_EVENT, { detail: { id: exercise.id } }));
  };

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    onCheck();
  });
  form.addEventListener("change", (event) => {
    const item = (event.target as HTMLElement).closest<HTMLElement>("[data-check]");
    const i = item ? items.indexOf(item) : -1;
    if (!item || i < 0) return;
    session = choose(session, i, radioAnswer(item));
    save();
    renderItem(i);
  });
  form.addEventListener("click", (event) => {
    const button = (event.target as HTMLElement).closest<HTMLButtonElement>("[data-show-answer]");
    if (!button) return;
    const i = Number(button.dataset.showAnswer);
    session = reveal(session, i);
    save();
    renderAll();
    // The button is gone: keep the keyboard on the answer it asked for.
    const box = items[i]?.querySelector<HTMLElement>("[data-check-result]");
    if (box) {
      box.tabIndex = -1;
      box.focus();
    }
  });

  wireAnswersHandIn(root, exercise.id, () => {
    const graded = gradePredictions(exercise, answersOf(session));
    return predictWork({
      exercise: exercise.id,
      answers: answersOf(session),
      ...(graded.status === "graded" ? { result: { passed: graded.passed, failed: graded.failed } } : {}),
    });
  });

  if (trigger === "submit") onCheck();
  else if (trigger === "restore" && grade()) {
    renderAll();
    if (!neverChecked(session))
      root.dataset.status = !showsCompletion(feedback)
        ? "saved"
        : isComplete(session, passes())
          ? "passed"
          : "failing";
  } else if (trigger === "change") save();
}
