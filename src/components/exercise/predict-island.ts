/**
 * The predict island, a thin view: the learner's allow/deny answers checked against the
 * evaluator's verdicts (gradePredictions). What each flow shows, when a verdict is revealed and
 * the score line come from predict-session.ts; why a flow got its verdict from prediction-why.ts;
 * the answers are remembered through predict-answers.ts, and the form's workings are
 * answer-form.ts's. No editor is loaded.
 */
import { gradePredictions } from "../../lib/grader/grade.ts";
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
} from "../../lib/exercise-ui/predict-session.ts";
import { predictWork } from "../../lib/exercise-ui/submission-file.ts";
import { readExerciseData } from "./exercise-data.ts";
import { renderFlow } from "./predict-view.ts";
import { predictScoreText } from "../../lib/assignments/feedback-level.ts";
import { mountAnswerForm } from "./answer-form.ts";

import type { AnswerTrigger } from "./answer-trigger.ts";

const radioAnswer = (item: HTMLElement): Answer | undefined => {
  const value = item.querySelector<HTMLInputElement>("input[type=radio]:checked")?.value;
  return value === "allow" || value === "deny" ? value : undefined;
};

export function mountPredictions(root: HTMLElement, form: HTMLFormElement, trigger: AnswerTrigger): void {
  const { exercise } = readExerciseData(root);
  mountAnswerForm(
    {
      saved: (store, count) => {
        const saved = readPredictAnswers(store, exercise.id, count);
        return saved.ok ? saved.value : undefined;
      },
      start: startSession,
      show: (item, session, i) => {
        const answer = session.flows[i]?.answer;
        for (const radio of item.querySelectorAll<HTMLInputElement>("input[type=radio]"))
          radio.checked = radio.value === answer;
      },
      answer: (session, i, item) => choose(session, i, radioAnswer(item)),
      check,
      reveal,
      isComplete,
      neverChecked,
      answersOf,
      grade: (answers) => gradePredictions(exercise, answers),
      save: (store, session) => savePredictAnswers(store, exercise.id, session),
      render: (item, i, session, report, feedback) =>
        renderFlow(
          item,
          flowView(session.flows[i]!, report?.results[i]?.pass),
          report?.results[i],
          session.flows[i]?.answer,
          i,
          feedback,
        ),
      scoreText: predictScoreText,
      work: predictWork,
    },
    exercise.id,
    root,
    form,
    trigger,
  );
}
