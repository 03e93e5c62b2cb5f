import type { ExpectationResult, GradeReport } from "../grader/report.ts";
import {
  neverChecked,
  scoreText as predictScore,
  type FlowView,
  type PredictSession,
} from "../exercise-ui/predict-session.ts";
import { scoreText as logScore, type LogReadingSession } from "../exercise-ui/log-reading-session.ts";
import { z } from "../zod.ts";

/**
 * How much an assignment's exercises tell the learner while they work (the link's `feedback`):
 *
 * - `full`: everything, as on the lesson pages: each check's verdict, the path that decided it,
 *   why it fails, the comparison with the task, hints and the solution.
 * - `verdict`: pass or fail per check and whether the exercise is complete; no path, no
 *   explanation, no comparison, no hints, no solution. For a test that still says "not yet".
 * - `none`: only that the work is saved; an exam, graded afterwards by the instructor.
 *
 * Problems that keep the rules from being read (a syntax error, a priority out of range) show at
 * every level: they say whether the text can be graded, not whether it is right.
 *
 * This is a teaching setting, not a secret: the grader runs in the learner's browser. What an
 * instructor must keep from learners lives in an expectations file (expectations-file.ts).
 */
export const FEEDBACK_LEVELS = ["full", "verdict", "none"] as const;
export const feedbackLevelSchema = z.enum(FEEDBACK_LEVELS);
export type FeedbackLevel = z.infer<typeof feedbackLevelSchema>;

export const isFeedbackLevel = (value: unknown): value is FeedbackLevel =>
  (FEEDBACK_LEVELS as readonly unknown[]).includes(value);

/** The level a page's attribute names; anything else (no assignment, a typo) is `full`. */
export const feedbackLevelOf = (value: string | undefined): FeedbackLevel =>
  isFeedbackLevel(value) ? value : "full";

/** What one check of a graded author-rules exercise shows at a level. */
export interface CheckFeedback {
  state: "pass" | "fail" | "pending";
  /** The status label beside the check's name. */
  label: string;
  /** Whether the verdict line, the path and the explanation show under it. */
  details: boolean;
}

export function checkFeedback(result: ExpectationResult | undefined, level: FeedbackLevel): CheckFeedback {
  if (!result) return { state: "pending", label: "Not graded", details: false };
  if (level === "none") return { state: "pending", label: "Saved", details: false };
  return {
    state: result.pass ? "pass" : "fail",
    label: result.pass ? "✓ Pass" : "✗ Fail",
    details: level === "full",
  };
}

/** The score line of an author-rules exercise at a level, or undefined for the usual one. */
export function limitedScoreText(report: GradeReport, level: FeedbackLevel): string | undefined {
  if (level !== "none" || report.status === "invalid") return undefined;
  return "Your rules are saved. Your instructor grades them; this assignment shows no results.";
}

/**
 * The line under the score about the comparison with the task: at `verdict` only that the rules
 * are not yet what the task asks (the checks may all pass), never where.
 */
export function limitedComparisonText(report: GradeReport, level: FeedbackLevel): string | undefined {
  if (level === "full" || report.status === "invalid") return undefined;
  if (level === "none") return "";
  return report.differences.length > 0 || report.comparisonProblem
    ? "But your rules do not yet do exactly what the task asks."
    : "";
}

/**
 * How a predict exercise's flow shows at a level: as usual, as a bare "not quite" (no verdict,
 * no path, no "Show the answer"), or only as saved.
 */
export type FlowFeedback = "as-usual" | "not-quite" | "saved";

export function flowFeedback(view: FlowView, level: FeedbackLevel): FlowFeedback {
  if (level === "full" || view.kind === "open") return "as-usual";
  if (level === "none") return "saved";
  return view.kind === "try-again" || view.kind === "shown" ? "not-quite" : "as-usual";
}

export const NOT_QUITE_TEXT = "Not right yet: think again, then check again.";
export const SAVED_TEXT = "Saved.";

/** The line above a predict exercise's flows at a level; undefined before any check. */
export function predictScoreText(
  session: PredictSession,
  passes: readonly boolean[],
  level: FeedbackLevel,
): string | undefined {
  const usual = predictScore(session, passes);
  if (level === "full" || usual === undefined || neverChecked(session)) return usual;
  if (level === "none")
    return "Your answers are saved. Your instructor grades them; this assignment shows no results.";
  const right = session.flows.filter((f, i) => f.checked && f.answer !== undefined && passes[i]).length;
  if (right === session.flows.length) return usual;
  return `${right} of ${session.flows.length} predictions are right. Change the ones marked “Not quite” and check again.`;
}

/** Whether the comparison with the task, hints and the reference solution show at a level. */
export const showsGuidance = (level: FeedbackLevel): boolean => level === "full";

/** Whether "Exercise complete" and a passed mark show at a level. */
/** A read-logs exercise's score line at a level: at `verdict`, how many are right, no more. */
export function logScoreText(
  session: LogReadingSession,
  passes: readonly boolean[],
  asksWhyNot: readonly boolean[],
  level: FeedbackLevel,
): string | undefined {
  const usual = logScore(session, passes, asksWhyNot);
  if (level === "full" || usual === undefined) return usual;
  if (level === "none")
    return "Your answers are saved. Your instructor grades them; this assignment shows no results.";
  return usual;
}

export const showsCompletion = (level: FeedbackLevel): boolean => level !== "none";

/** What the learner is told about the level, on the assignment page; empty at `full`. */
export const FEEDBACK_NOTICE: Record<FeedbackLevel, string> = {
  full: "",
  verdict:
    "In this assignment each check says only pass or fail: no paths, explanations, hints or solutions.",
  none: "In this assignment the exercises show no results: your work is saved as you go, and your instructor grades it.",
};
