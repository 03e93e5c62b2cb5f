import type { RuleDocument, RuleFormat } from "../formats/rule-document.ts";
import type { Exercise } from "../grader/exercise-schema.ts";
import { gradeWithDocument } from "../grader/grade.ts";
import { isComplete, type GradeReport } from "../grader/report.ts";
import type { Issue } from "../result.ts";

/**
 * One exercise of an assignment repository, graded from its rules file: what the job summary,
 * the annotations and result.json are made of. An exercise earns all of its points when it is
 * complete (every check passes and nothing differs from the reference, as on the site), else
 * none: a rules file that nearly works is not yet the network the task asks for.
 */
export type ExerciseStatus =
  /** Every check passes and the network does what the reference solution's does. */
  | "complete"
  /** Graded, with failing checks or differences from the reference. */
  | "incomplete"
  /** The rules file could not be read, or its rules could not be parsed or validated. */
  | "invalid"
  /** No rules file for the exercise. */
  | "missing";

export interface ExerciseGrade {
  exercise: Exercise;
  /** The rules file as the repository names it ("rules/ftp-active.sh"); the expected name when missing. */
  file: string;
  status: ExerciseStatus;
  points: number;
  maxPoints: number;
  /** What was graded, when the file was read. */
  rules?: { text: string; format: RuleFormat };
  /** The grade, when the file was read (for invalid rules: the located errors). */
  report?: GradeReport;
  /** The parsed rules, to place a failing check on the rule that decided it. */
  doc?: RuleDocument;
  /** Why the file was not graded at all (missing, unreadable, two files for one exercise). */
  problems: Issue[];
}

/** Grades one rules file's text against its exercise, exactly as `npm run grade -- … --rules` does. */
export function gradeRulesFile(
  exercise: Exercise,
  file: string,
  text: string,
  format: RuleFormat,
  maxPoints: number,
): ExerciseGrade {
  const { report, doc } = gradeWithDocument(exercise, text, format);
  const status = report.status === "invalid" ? "invalid" : isComplete(report) ? "complete" : "incomplete";
  return {
    exercise,
    file,
    status,
    points: status === "complete" ? maxPoints : 0,
    maxPoints,
    rules: { text, format },
    report,
    ...(doc ? { doc } : {}),
    problems: [],
  };
}

/** An exercise whose rules file could not be graded: none, two, or one that cannot be read. */
export function ungradedExercise(
  exercise: Exercise,
  file: string,
  maxPoints: number,
  problems: Issue[],
): ExerciseGrade {
  const missing = problems.every((p) => p.code === "missing-rules-file");
  return { exercise, file, status: missing ? "missing" : "invalid", points: 0, maxPoints, problems };
}

export interface AssignmentGrade {
  exercises: ExerciseGrade[];
  score: number;
  maxScore: number;
}

export function assignmentGrade(exercises: ExerciseGrade[]): AssignmentGrade {
  return {
    exercises,
    score: exercises.reduce((sum, e) => sum + e.points, 0),
    maxScore: exercises.reduce((sum, e) => sum + e.maxPoints, 0),
  };
}
