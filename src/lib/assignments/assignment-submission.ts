import {
  buildSubmission,
  logWork,
  predictWork,
  rulesWork,
  type Submission,
  type Work,
} from "../exercise-ui/submission-file.ts";
import { ruleFormatOf } from "../exercise-ui/editor-format.ts";
import { readPredictAnswers } from "../exercise-ui/predict-answers.ts";
import { readLogAnswers } from "../exercise-ui/log-answers.ts";
import { answersOf } from "../exercise-ui/log-reading-session.ts";
import { DRAFT } from "../store/records/draft.ts";
import type { Store } from "../store/store.ts";

/**
 * The one file an assignment page downloads: every exercise of the assignment this browser
 * holds work for (saved rules, a predict exercise's saved answers, a read-logs exercise's saved answers),
 * under the learner's name. An exercise not started is left out of the work but stays in the
 * assignment's list, so the instructor's re-grade shows it as not handed in.
 */
/**
 * Dispatched on the document just before an assignment file is built: an open editor saves
 * what was typed in the last moments, so the file holds it.
 */
export const HAND_IN_EVENT = "nsg-lab:hand-in";

export interface AssignmentExercise {
  id: string;
  /** What the learner does: rules (author-rules, fix-rules), predictions, or log answers. */
  kind: "rules" | "predict" | "read-logs";
  /** How many flows a predict or read-logs exercise asks about: saved answers for another number no longer line up. */
  flows: number;
}

export interface AssignmentHandIn {
  submission: Submission;
  /** Exercises with no work in this browser, in the assignment's order. */
  notStarted: string[];
  /** Saved work that could not be read (storage blocked or damaged), in words. */
  problems: string[];
}

function workOf(store: Store, e: AssignmentExercise, problems: string[]): Work | undefined {
  if (e.kind === "predict") {
    const saved = readPredictAnswers(store, e.id, e.flows);
    if (!saved.ok) problems.push(`${e.id}: ${saved.errors[0]!.message}`);
    const answers = saved.ok && saved.value ? saved.value.flows.map((f) => f.answer) : [];
    return answers.some((a) => a !== undefined) ? predictWork({ exercise: e.id, answers }) : undefined;
  }
  if (e.kind === "read-logs") {
    const saved = readLogAnswers(store, e.id, e.flows);
    if (!saved.ok) problems.push(`${e.id}: ${saved.errors[0]!.message}`);
    const answers = saved.ok && saved.value ? answersOf(saved.value) : [];
    return answers.some((a) => Object.keys(a).length > 0) ? logWork({ exercise: e.id, answers }) : undefined;
  }
  const draft = store.read(DRAFT, e.id);
  if (draft.status === "ok")
    return rulesWork({
      exercise: e.id,
      rulesFormat: ruleFormatOf(draft.value.format),
      rules: draft.value.text,
    });
  if (draft.status === "corrupt" || draft.status === "unavailable")
    problems.push(`${e.id}: your saved rules cannot be read (${draft.message})`);
  return undefined;
}

export function assignmentHandIn(input: {
  title: string;
  /** The link's due date (ISO 8601), recorded in the file beside when it was saved. */
  due?: string;
  exercises: readonly AssignmentExercise[];
  store: Store;
  learner?: string;
  now?: Date;
}): AssignmentHandIn {
  const problems: string[] = [];
  const work: Work[] = [];
  const notStarted: string[] = [];
  for (const e of input.exercises) {
    const w = workOf(input.store, e, problems);
    if (w) work.push(w);
    else notStarted.push(e.id);
  }
  return {
    submission: buildSubmission({
      work,
      ...(input.learner ? { learner: input.learner } : {}),
      assignment: {
        title: input.title,
        exercises: input.exercises.map((e) => e.id),
        ...(input.due ? { due: input.due } : {}),
      },
      ...(input.now ? { now: input.now } : {}),
    }),
    notStarted,
    problems,
  };
}
