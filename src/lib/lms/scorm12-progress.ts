import { exercisePoints, type CompletionStatus, type PackageConfig } from "./package-config.ts";
import { showsCompletion, type FeedbackLevel } from "../assignments/feedback-level.ts";

/**
 * Assignment progress as SCORM 1.2 data model values (the SCORM 1.2 Run-Time Environment's cmi.core elements). Pure: the session
 * (`scorm12-session.ts`) sets what this returns. The score is the points of the passed exercises
 * out of the assignment's total (min 0, max the total), as the graders decided them in the
 * browser; the status is "incomplete" until every exercise has passed, then the package's
 * completion status.
 */

/** The elements the package writes, in the order it writes them. */
export type Scorm12Element =
  | "cmi.core.score.min"
  | "cmi.core.score.max"
  | "cmi.core.score.raw"
  | "cmi.core.lesson_status"
  | "cmi.suspend_data";

/** What the LMS held for this learner when the session started (LMSGetValue after LMSInitialize). */
export interface LmsStart {
  lessonStatus: string;
  scoreRaw: string;
  suspendData: string;
}

export interface AssignmentScore {
  /** The passed exercises, in the assignment's order. */
  passed: string[];
  points: number;
  total: number;
  complete: boolean;
}

/** The passed exercises among `passed` (any order, repeats, other ids) and what they are worth. */
export function assignmentScore(config: PackageConfig, passed: Iterable<string>): AssignmentScore {
  const done = new Set(passed);
  const inOrder = config.exercises.filter((id) => done.has(id));
  const worth = exercisePoints(config);
  return {
    passed: inOrder,
    points: config.exercises.reduce((sum, id, i) => sum + (done.has(id) ? worth[i]! : 0), 0),
    total: worth.reduce((a, b) => a + b, 0),
    complete: inOrder.length === config.exercises.length,
  };
}

/**
 * The words under the package's title bar: "1 of 2 exercises passed: 10 of 20 points." An
 * assignment whose exercises show no results (feedback `none`, an exam) does not tell them here
 * either: the LMS still gets the score, for the instructor.
 */
export function scoreSentence(
  score: AssignmentScore,
  exerciseCount: number,
  feedback: FeedbackLevel = "full",
): string {
  const exercises = exerciseCount === 1 ? "exercise" : "exercises";
  if (!showsCompletion(feedback))
    return `Your work on the ${exerciseCount === 1 ? "" : `${exerciseCount} `}${exercises} is saved as you go; this assignment shows no results.`;
  return `${score.passed.length} of ${exerciseCount} ${exercises} passed: ${score.points} of ${score.total} points.`;
}

const FINISHED = new Set(["passed", "completed"]);

/**
 * The values to set for this progress. Nothing goes backwards: a status the LMS already holds as
 * passed or completed stays (a learner on another computer, whose browser knows fewer passes),
 * and so does a higher score the LMS recorded for the same total.
 */
export function scorm12Values(
  config: PackageConfig,
  score: AssignmentScore,
  before: LmsStart,
): Array<[Scorm12Element, string]> {
  const status: CompletionStatus | "incomplete" = FINISHED.has(before.lessonStatus)
    ? (before.lessonStatus as CompletionStatus)
    : score.complete
      ? config.completion
      : "incomplete";
  const earlier = Number(before.scoreRaw);
  const raw =
    before.scoreRaw.trim() !== "" &&
    Number.isFinite(earlier) &&
    earlier > score.points &&
    earlier <= score.total
      ? earlier
      : score.points;
  return [
    ["cmi.core.score.min", "0"],
    ["cmi.core.score.max", String(score.total)],
    ["cmi.core.score.raw", String(raw)],
    ["cmi.core.lesson_status", status],
    ["cmi.suspend_data", suspendData(score.passed)],
  ];
}

/**
 * The passed exercises as cmi.suspend_data (CMIString4096), so a learner who opens the package
 * on another computer keeps them: at most 50 ids of at most ~40 characters fit well within 4,096.
 */
const SUSPEND_PREFIX = "nsg-lab:v1:";

export const suspendData = (passed: readonly string[]): string => `${SUSPEND_PREFIX}${passed.join(",")}`;

/** The passed exercises a suspend_data value records, keeping only this assignment's. */
export function passesInSuspendData(text: string, config: PackageConfig): string[] {
  if (!text.startsWith(SUSPEND_PREFIX)) return [];
  const ids = new Set(text.slice(SUSPEND_PREFIX.length).split(","));
  return config.exercises.filter((id) => ids.has(id));
}

/**
 * cmi.core.student_name is "family name, given name" in SCORM 1.2 ("normally presented as last name, first name"), e.g. "Doe, Jane":
 * shown as "Jane Doe". A name without exactly one comma is shown as the LMS wrote it. Control
 * characters are dropped; an empty name is no name.
 */
export function learnerName(studentName: string): string | undefined {
  const clean = studentName
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (clean === "") return undefined;
  const parts = clean.split(",");
  if (parts.length !== 2) return clean;
  const [family, given] = parts.map((p) => p.trim());
  return given && family ? `${given} ${family}` : clean.replace(/,/g, "").trim();
}

/** A duration as CMITimespan, HHHH:MM:SS.SS (SCORM 1.2 data types: hours in 2 to 4 digits, at most 9999). */
export function scorm12Timespan(milliseconds: number): string {
  const hundredths = Math.min(Math.max(0, Math.round(milliseconds / 10)), 9999 * 360000 + 359999);
  const hours = Math.floor(hundredths / 360000);
  const minutes = Math.floor((hundredths % 360000) / 6000);
  const seconds = (hundredths % 6000) / 100;
  const pad = (n: number, width: number) => String(n).padStart(width, "0");
  return `${pad(hours, 4)}:${pad(minutes, 2)}:${seconds.toFixed(2).padStart(5, "0")}`;
}
