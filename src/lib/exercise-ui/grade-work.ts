import {
  gradeLogReading,
  gradePredictions,
  gradeSubmission,
  writesRules,
  type Exercise,
  type GradeReport,
  type LogReadingReport,
} from "../grader/index.ts";
import type { Work } from "./submission-file.ts";

/**
 * One handed-in work entry graded again against the exercise as it is now, by the same grader
 * the page used: rules by `gradeSubmission`, predictions by `gradePredictions`, log answers by
 * `gradeLogReading`. What the file claims it scored is never read. Work of the wrong kind for
 * the exercise, or answers for another number of flows (the exercise changed since), is refused
 * with the reason, since grading it would give a score for a different task.
 */
export type GradedWork =
  | { ok: true; kind: "rules" | "predict"; report: GradeReport }
  | { ok: true; kind: "read-logs"; report: LogReadingReport }
  | { ok: false; reason: string };

const ASKS: Record<Exercise["kind"], string> = {
  "author-rules": "asks for rules",
  "fix-rules": "asks for rules",
  predict: "asks for predictions",
  "read-logs": "asks for answers about a flow log",
};

const HOLDS: Record<Work["kind"], string> = {
  "author-rules": "rules",
  predict: "predictions",
  "read-logs": "answers about a flow log",
};

export function gradeWork(exercise: Exercise, work: Work): GradedWork {
  const fits = work.kind === "author-rules" ? writesRules(exercise) : work.kind === exercise.kind;
  if (!fits)
    return {
      ok: false,
      reason: `the file holds ${HOLDS[work.kind]}, but "${exercise.id}" ${ASKS[exercise.kind]}`,
    };
  if (work.kind === "author-rules")
    return { ok: true, kind: "rules", report: gradeSubmission(exercise, work.rules, work.rulesFormat) };
  const total = exercise.expectations.length;
  if (work.answers.length !== total)
    return {
      ok: false,
      reason: `the file answers ${work.answers.length} flows, but "${exercise.id}" has ${total} now`,
    };
  if (work.kind === "predict")
    return {
      ok: true,
      kind: "predict",
      report: gradePredictions(
        exercise,
        work.answers.map((a) => a ?? undefined),
      ),
    };
  return {
    ok: true,
    kind: "read-logs",
    report: gradeLogReading(
      exercise,
      work.answers.map((a) => a ?? undefined),
    ),
  };
}
