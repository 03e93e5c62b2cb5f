/** Public API of the grader: shared by the browser island and the CLI. */
export {
  exerciseSchema,
  expectationSchema,
  EXERCISE_KINDS,
  writesRules,
  type ExerciseKind,
  type Exercise,
  type ExerciseInput,
  type Expectation,
} from "./exercise-schema.ts";
export { loadExercise, validateExercise, type ExerciseResult } from "./load-exercise.ts";
export {
  gradeSubmission,
  gradeWithDocument,
  gradeTopology,
  gradePredictions,
  type Prediction,
} from "./grade.ts";
export { detectRuleFormat, parseLearnerRules, isBlankRules } from "./parse-learner-rules.ts";
export { applyRules } from "./apply-rules.ts";
export { flattenTrace, decidedByHolds, deciderLabel, type TraceEntry } from "./trace.ts";
export { describeRule } from "./describe-rule.ts";
export { isComplete, type GradeReport, type ExpectationResult } from "./report.ts";
export { compareWithReference, type DifferenceResult } from "./semantic-check.ts";
export {
  changesBetween,
  changeSize,
  changeSummary,
  changeSizeLine,
  type ChangeReport,
  type RuleChange,
} from "./change-size.ts";
export {
  gradeLogReading,
  ruleChoices,
  findRuleChoice,
  WHY_NOT_REASONS,
  WHY_NOT_LABEL,
  type LogAnswer,
  type LogReadingReport,
  type WhyNotReason,
} from "./log-reading.ts";
