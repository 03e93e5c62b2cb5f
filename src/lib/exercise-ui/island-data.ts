import type { Exercise } from "../grader/exercise-schema.ts";
import { detectRuleFormat } from "../grader/parse-learner-rules.ts";
import type { EditorFormat } from "./editor-format.ts";
import { ruleSetsToJson } from "./format-conversion.ts";

/** What an <Exercise> embeds for its island (as <script type="application/json" data-exercise-data>). */
export interface ExerciseData {
  /** Validated at build time; for `predict` and `read-logs` exercises the answers (expect, decidedBy) are left out. */
  exercise: Exercise;
}

/**
 * A predict or read-logs exercise's answers must not sit in the page source: the island grades
 * answers against the evaluator (gradePredictions, gradeLogReading), never against the file's
 * `expect` and `decidedBy`.
 */
export function withoutAnswers(exercise: Exercise): Exercise {
  if (exercise.kind !== "predict" && exercise.kind !== "read-logs") return exercise;
  return {
    ...exercise,
    expectations: exercise.expectations.map(({ decidedBy: _d, ...e }) => ({
      ...e,
      expect: "allow" as const,
    })),
  };
}

export interface EditorRules {
  text: string;
  format: EditorFormat;
}

/** Rules text as an author wrote it, in the editor format it is in (YAML opens as JSON, its superset's sibling). */
function asEditorRules(text: string): EditorRules {
  const detected = detectRuleFormat(text);
  return { text, format: detected === "azcli" || detected === "powershell" ? detected : "json" };
}

/** What the editor starts with: the exercise's starter, or an empty rule list per editable NSG. */
export const starterRules = (exercise: Exercise): EditorRules =>
  exercise.starter === undefined
    ? { text: ruleSetsToJson([], exercise.editable), format: "json" }
    : asEditorRules(exercise.starter);

export const solutionRules = (exercise: Exercise): EditorRules | undefined =>
  exercise.solution === undefined ? undefined : asEditorRules(exercise.solution);
