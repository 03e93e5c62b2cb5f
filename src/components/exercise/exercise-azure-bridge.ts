/**
 * The exercise's "Check it on real Azure" panel: the network it verifies is the exercise's with
 * the learner's rules as saved (an open editor saves its last keystrokes first), else with the
 * starter; an exercise without rules to write is verified as it is. Loaded when the panel opens.
 */
import { exerciseBridge } from "../../lib/azure-verify/azure-bridge.ts";
import { HAND_IN_EVENT } from "../../lib/assignments/assignment-submission.ts";
import { ruleFormatOf } from "../../lib/exercise-ui/editor-format.ts";
import { writesRules } from "../../lib/grader/exercise-schema.ts";
import { DRAFT } from "../../lib/store/records/draft.ts";
import { browserStore } from "../../lib/store/store.ts";
import { wireAzureBridge } from "../shared/azure-bridge-view.ts";
import { readExerciseData } from "./exercise-data.ts";

export function mountExerciseBridge(root: HTMLElement, panel: HTMLElement): void {
  const { exercise } = readExerciseData(root);
  wireAzureBridge(panel, () => {
    if (!writesRules(exercise)) return exerciseBridge(exercise, "");
    document.dispatchEvent(new CustomEvent(HAND_IN_EVENT));
    const draft = browserStore().read(DRAFT, exercise.id);
    return draft.status === "ok"
      ? exerciseBridge(exercise, draft.value.text, ruleFormatOf(draft.value.format))
      : exerciseBridge(exercise, exercise.starter ?? "");
  });
}
