import { fail, issue, ok, type Issue, type Result } from "../result.ts";
import { EDITOR_FORMATS, isEditorFormat, type EditorFormat } from "./editor-format.ts";

/**
 * The file a learner downloads to hand in or keep their work. It carries the rules as text in
 * their own format, so `npm run grade` can grade exactly what the browser graded; `result` is
 * what the browser saw (informational: the CLI re-grades rather than trusting it).
 */
export const SUBMISSION_FORMAT = "nsg-lab-submission";

export interface Submission {
  format: typeof SUBMISSION_FORMAT;
  version: 1;
  exercise: string;
  rulesFormat: EditorFormat;
  rules: string;
  result: { passed: number; failed: number };
  /** ISO 8601 timestamp. */
  savedAt: string;
}

export interface SubmissionInput {
  exercise: string;
  rulesFormat: EditorFormat;
  rules: string;
  passed: number;
  failed: number;
  now?: Date;
}

export function buildSubmission(input: SubmissionInput): Submission {
  return {
    format: SUBMISSION_FORMAT,
    version: 1,
    exercise: input.exercise,
    rulesFormat: input.rulesFormat,
    rules: input.rules,
    result: { passed: input.passed, failed: input.failed },
    savedAt: (input.now ?? new Date()).toISOString(),
  };
}

export const submissionText = (submission: Submission): string => `${JSON.stringify(submission, null, 2)}\n`;

export const submissionFileName = (exerciseId: string): string => `${exerciseId}-submission.json`;

const count = (v: unknown) => typeof v === "number" && Number.isInteger(v) && v >= 0;

/** Validates parsed data as a submission; `expectedExercise` guards against grading the wrong file. */
export function validateSubmission(data: unknown, expectedExercise?: string): Result<Submission> {
  if (typeof data !== "object" || data === null || Array.isArray(data))
    return fail([issue("invalid-type", "a submission file is a JSON object")]);
  const d = data as Record<string, unknown>;
  const errors: Issue[] = [];
  const add = (...args: Parameters<typeof issue>) => errors.push(issue(...args));
  if (d.format !== SUBMISSION_FORMAT)
    add("invalid-value", `format must be "${SUBMISSION_FORMAT}"`, ["format"]);
  if (d.version !== 1)
    add("unsupported-version", `version ${JSON.stringify(d.version)} is not supported (expected 1)`, [
      "version",
    ]);
  if (typeof d.exercise !== "string" || d.exercise === "")
    add("missing-field", "exercise (the exercise id) is missing", ["exercise"]);
  else if (expectedExercise !== undefined && d.exercise !== expectedExercise)
    add("wrong-exercise", `this submission is for exercise "${d.exercise}", not "${expectedExercise}"`, [
      "exercise",
    ]);
  if (!isEditorFormat(d.rulesFormat))
    add(
      "unknown-rule-format",
      `rulesFormat must be one of ${EDITOR_FORMATS.map((f) => `"${f}"`).join(", ")}`,
      ["rulesFormat"],
    );
  if (typeof d.rules !== "string") add("missing-field", "rules (the rules as text) is missing", ["rules"]);
  const result = d.result as Record<string, unknown> | undefined;
  if (typeof result !== "object" || result === null || !count(result.passed) || !count(result.failed))
    add("invalid-value", "result must be { passed, failed } counts", ["result"]);
  if (typeof d.savedAt !== "string" || Number.isNaN(Date.parse(d.savedAt)))
    add("invalid-value", "savedAt must be a date", ["savedAt"]);
  return errors.length > 0 ? fail(errors) : ok(data as Submission);
}

/** Parses a submission file's text; for the CLI (`--rules submission.json`) and for re-opening one. */
export function parseSubmission(text: string, expectedExercise?: string): Result<Submission> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return fail([issue("invalid-json", `not valid JSON: ${(error as Error).message}`)]);
  }
  return validateSubmission(data, expectedExercise);
}

/** True when parsed data looks like a submission (so a caller can route it to parseSubmission). */
export const isSubmission = (data: unknown): boolean =>
  typeof data === "object" && data !== null && (data as Record<string, unknown>).format === SUBMISSION_FORMAT;
