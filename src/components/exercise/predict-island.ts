/**
 * The predict island: the learner's allow/deny answers checked against the evaluator's
 * verdicts (gradePredictions), with the path that decided each flow. No editor is loaded.
 */
import { gradePredictions, type Prediction } from "../../lib/grader/grade.ts";
import { completeLesson } from "../../lib/progress/browser.ts";
import { browserStore } from "../../lib/store/store.ts";
import {
  EXERCISE_PASSED_EVENT,
  lessonExercisesPassed,
  recordPass,
} from "../../lib/exercise-ui/exercise-progress.ts";
import { readExerciseData } from "./exercise-data.ts";
import { renderPredictions } from "./results-view.ts";

export function checkPredictions(root: HTMLElement, form: HTMLFormElement): void {
  const { exercise, lessonExercises } = readExerciseData(root);
  const answers: Prediction[] = [...root.querySelectorAll<HTMLElement>("[data-check]")].map((item) => {
    const chosen = item.querySelector<HTMLInputElement>("input[type=radio]:checked")?.value;
    return chosen === "allow" || chosen === "deny" ? chosen : undefined;
  });
  const score = root.querySelector<HTMLElement>("[data-score]");
  const report = gradePredictions(exercise, answers);
  if (report.status === "invalid") {
    if (score) score.textContent = "This exercise's network could not be evaluated; please report it.";
    return;
  }
  renderPredictions(root, report, answers);
  const unanswered = answers.filter((a) => a === undefined).length;
  const all = report.results.length;
  if (unanswered === all) {
    if (score) score.textContent = "Choose Allow or Deny for each flow, then press Check.";
    return;
  }
  root.dataset.status = report.failed === 0 ? "passed" : "failing";
  if (score) {
    score.textContent =
      report.failed === 0
        ? `All ${all} predictions are right. Exercise complete ✓`
        : `${report.passed} of ${all} predictions are right.${unanswered ? ` ${unanswered} not answered yet.` : ""} Change your answers and check again.`;
  }
  if (report.failed === 0) {
    const result = recordPass(browserStore(), exercise.id);
    if (!result.ok && score)
      score.textContent += ` This browser would not record the pass (${result.errors[0]!.message}).`;
    if (result.ok && exercise.lesson && lessonExercisesPassed(result.value, lessonExercises))
      completeLesson(exercise.lesson);
    document.dispatchEvent(new CustomEvent(EXERCISE_PASSED_EVENT, { detail: { id: exercise.id } }));
  }
  // A changed answer makes its old verdict stale.
  if (!form.dataset.watching) {
    form.dataset.watching = "true";
    form.addEventListener("change", (event) => {
      const item = (event.target as HTMLElement).closest<HTMLElement>("[data-check]");
      if (!item) return;
      item.dataset.state = "pending";
      const status = item.querySelector<HTMLElement>("[data-check-status]");
      if (status) status.textContent = "";
      item.querySelector<HTMLElement>("[data-check-result]")?.replaceChildren();
    });
  }
}
