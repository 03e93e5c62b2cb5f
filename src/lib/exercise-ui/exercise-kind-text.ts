import type { ExerciseKind } from "../grader/exercise-schema.ts";

/**
 * What each kind of exercise is called where learners and instructors meet it: the exercise's
 * eyebrow, its group on /exercises (in this order) and its tag on /assign.
 */
export const KIND_EYEBROW: Record<ExerciseKind, string> = {
  "author-rules": "Exercise · write the rules",
  "fix-rules": "Exercise · fix the broken NSG",
  predict: "Exercise · predict the verdicts",
  "read-logs": "Exercise · read the logs",
};

export const KIND_GROUPS: readonly { kind: ExerciseKind; title: string; intro: string }[] = [
  {
    kind: "author-rules",
    title: "Write the rules",
    intro: "Write NSG rules in the editor; every check is graded as you type.",
  },
  {
    kind: "fix-rules",
    title: "Fix the broken NSG",
    intro:
      "Something doesn't work, or is too open: change the rules until every check passes, with as small a change as you can.",
  },
  {
    kind: "predict",
    title: "Predict the verdicts",
    intro: "Say whether Azure allows or denies each flow, then see the path that decided it.",
  },
  {
    kind: "read-logs",
    title: "Read the logs",
    intro: "Read VNet flow log records and say which rule decided each flow, and why.",
  },
];

export const KIND_TAG: Record<ExerciseKind, string> = {
  "author-rules": "write rules",
  "fix-rules": "fix rules",
  predict: "predict",
  "read-logs": "read logs",
};
