/**
 * The read-logs island, a thin view: the learner's answers to each question (verdict, deciding
 * rule, why another rule did not) graded by the evaluator (gradeLogReading). When feedback shows
 * and the score line come from log-reading-session.ts, the feedback's words from the grader; the
 * answers are kept in the browser store (log-answers.ts) as they are given. No editor is loaded.
 */
import { gradeLogReading, type LogReadingReport } from "../../lib/grader/log-reading.ts";
import { browserStore } from "../../lib/store/store.ts";
import { EXERCISE_PASSED_EVENT, recordPass } from "../../lib/exercise-ui/exercise-progress.ts";
import { readLogAnswers, saveLogAnswers } from "../../lib/exercise-ui/log-answers.ts";
import {
  answer,
  answersOf,
  checkAnswers,
  isComplete,
  neverChecked,
  questionView,
  reveal,
  startLogSession,
  type LogReadingSession,
} from "../../lib/exercise-ui/log-reading-session.ts";
import { joinMessages } from "../../lib/result.ts";
import { logWork } from "../../lib/exercise-ui/submission-file.ts";
import { wireAnswersHandIn } from "./answers-hand-in.ts";
import { readExerciseData } from "./exercise-data.ts";
import { feedbackLevelHere } from "./feedback-setting.ts";
import { logScoreText, showsCompletion } from "../../lib/assignments/feedback-level.ts";
import { readAnswer, renderQuestion, writeAnswer } from "./log-reading-view.ts";

import type { AnswerTrigger } from "./answer-trigger.ts";

export function mountLogQuestions(root: HTMLElement, form: HTMLFormElement, trigger: AnswerTrigger): void {
  const { exercise } = readExerciseData(root);
  const items = [...root.querySelectorAll<HTMLElement>("[data-check]")];
  const asks = items.map(
    (item) => item.querySelector<HTMLElement>("[data-log-question]")?.dataset.asksWhyNot === "true",
  );
  const score = root.querySelector<HTMLElement>("[data-score]");
  const status = root.querySelector<HTMLElement>("[data-loader-status]");
  const store = browserStore();
  // An assignment may limit what the answers say (feedback-level.ts): full, verdict or none.
  const feedback = feedbackLevelHere(root);

  const saved = readLogAnswers(store, exercise.id, items.length);
  let session: LogReadingSession = (saved.ok && saved.value) || startLogSession(items.length);
  if (trigger === "restore") items.forEach((item, i) => writeAnswer(item, session.questions[i]!.answer));
  else items.forEach((item, i) => (session = answer(session, i, readAnswer(item))));

  let report: LogReadingReport | undefined;
  const grade = (): LogReadingReport | undefined => {
    report = gradeLogReading(exercise, answersOf(session));
    if (report.status !== "invalid") return report;
    if (score) score.textContent = "This exercise's network could not be evaluated; please report it.";
    return undefined;
  };
  const passes = () => (report?.results ?? []).map((r) => r.pass);

  const save = () => {
    const written = saveLogAnswers(store, exercise.id, session);
    if (status) status.textContent = written.ok ? "" : joinMessages(written.errors, " ");
  };

  const renderItem = (i: number) => {
    const item = items[i];
    const question = session.questions[i];
    if (!item || !question) return;
    const result = report?.results[i];
    renderQuestion(
      exercise,
      item,
      questionView(question, result?.pass, asks[i] ?? false),
      result,
      question.answer,
      i,
      feedback,
    );
  };
  const renderAll = () => {
    items.forEach((_, i) => renderItem(i));
    const text = logScoreText(session, passes(), asks, feedback);
    if (score && text !== undefined) score.textContent = text;
  };

  const onCheck = () => {
    if (!grade()) return;
    session = checkAnswers(session, passes(), asks);
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
    session = answer(session, i, readAnswer(item));
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
    const graded = gradeLogReading(exercise, answersOf(session));
    return logWork({
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
