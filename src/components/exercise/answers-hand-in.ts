/**
 * The "Hand in your …" panel of an exercise answered without the editor (predict, read-logs):
 * the answers as they stand, under the learner's name, in one submission file. What they score
 * is only what this page saw; the instructor's re-grade grades the answers again.
 */
import {
  buildSubmission,
  submissionFileName,
  submissionText,
  type Work,
} from "../../lib/exercise-ui/submission-file.ts";
import { downloadText } from "../shared/dom.ts";
import { handedInAs, learnerName, wireLearnerNames } from "../shared/learner-name-view.ts";

export function wireAnswersHandIn(root: HTMLElement, exerciseId: string, work: () => Work): void {
  const panel = root.querySelector<HTMLDetailsElement>("[data-handin-panel]");
  if (!panel) return;
  panel.hidden = false;
  wireLearnerNames(panel);
  const status = panel.querySelector<HTMLElement>("[data-handin-status]");
  panel.querySelector<HTMLButtonElement>("[data-download]")?.addEventListener("click", () => {
    const learner = learnerName();
    const submission = buildSubmission({ ...(learner ? { learner } : {}), work: [work()] });
    const name = submissionFileName(exerciseId);
    downloadText(name, submissionText(submission));
    if (status) status.textContent = `Downloaded ${name}${handedInAs(learner)}.`;
  });
}
