/**
 * The read-logs island, a thin view: the learner's answers to each question (verdict, deciding
 * rule, why another rule did not) graded by the evaluator (gradeLogReading). When feedback shows
 * and the score line come from log-reading-session.ts, the feedback's words from the grader; the
 * answers are kept in the browser store (log-answers.ts) as they are given, and the form's
 * workings are answer-form.ts's. No editor is loaded.
 */
import { gradeLogReading } from "../../lib/grader/log-reading.ts";
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
} from "../../lib/exercise-ui/log-reading-session.ts";
import { logWork } from "../../lib/exercise-ui/submission-file.ts";
import { readExerciseData } from "./exercise-data.ts";
import { logScoreText } from "../../lib/assignments/feedback-level.ts";
import { readAnswer, renderQuestion, writeAnswer } from "./log-reading-view.ts";
import { mountAnswerForm } from "./answer-form.ts";

import type { AnswerTrigger } from "./answer-trigger.ts";

export function mountLogQuestions(root: HTMLElement, form: HTMLFormElement, trigger: AnswerTrigger): void {
  const { exercise } = readExerciseData(root);
  // Which questions also ask why another rule did not decide.
  const asks = [...root.querySelectorAll<HTMLElement>("[data-check]")].map(
    (item) => item.querySelector<HTMLElement>("[data-log-question]")?.dataset.asksWhyNot === "true",
  );
  mountAnswerForm(
    {
      saved: (store, count) => {
        const saved = readLogAnswers(store, exercise.id, count);
        return saved.ok ? saved.value : undefined;
      },
      start: startLogSession,
      show: (item, session, i) => writeAnswer(item, session.questions[i]!.answer),
      answer: (session, i, item) => answer(session, i, readAnswer(item)),
      check: (session, passes) => checkAnswers(session, passes, asks),
      reveal,
      isComplete,
      neverChecked,
      answersOf,
      grade: (answers) => gradeLogReading(exercise, answers),
      save: (store, session) => saveLogAnswers(store, exercise.id, session),
      render: (item, i, session, report, feedback) => {
        const question = session.questions[i];
        if (!question) return;
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
      },
      scoreText: (session, passes, feedback) => logScoreText(session, passes, asks, feedback),
      work: logWork,
    },
    exercise.id,
    root,
    form,
    trigger,
  );
}
