import { RULE_FORMATS, type RuleFormat } from "../formats/rule-document.ts";
import { fail, issue, ok, type Issue, type Result } from "../result.ts";
import { EDITOR_FORMATS, isEditorFormat, ruleFormatOf, type EditorFormat } from "./editor-format.ts";
import { checkLearnerName } from "./learner-name.ts";
import { parseLogAnswer, type LogAnswer } from "../grader/log-answer.ts";

/**
 * The file a learner downloads to hand in their work: one exercise from its page, or every
 * exercise of an assignment from the assignment page. Version 2 carries the learner's name and
 * a list of work, each entry the rules as text in their own format (so `npm run grade` grades
 * exactly what the browser graded), the allow/deny answers of a predict exercise, or the answers
 * of a read-logs exercise (verdict, deciding rule, why another did not). `result` is
 * what the browser saw, and only that: the re-grade grades the work again and never uses it.
 *
 * Version 1 files (one exercise's rules, from before names existed) are still read, as one
 * entry; a `learner` field, which instructors could add by hand, is read from them too.
 */
export const SUBMISSION_FORMAT = "nsg-lab-submission";
export const SUBMISSION_VERSION = 2;

/** What the browser saw when the file was made. Informational: never trusted. */
export interface Claimed {
  passed: number;
  failed: number;
}

/** Rules the learner wrote: an author-rules or a fix-rules exercise (the kind names the shape). */
export interface RulesWork {
  exercise: string;
  kind: "author-rules";
  rulesFormat: RuleFormat;
  rules: string;
  result?: Claimed;
}

export interface PredictWork {
  exercise: string;
  kind: "predict";
  /** One per flow, in the exercise's order; null where the learner gave no answer. */
  answers: ("allow" | "deny" | null)[];
  result?: Claimed;
}

export interface LogWork {
  exercise: string;
  kind: "read-logs";
  /** One per question, in the exercise's order; null where the learner gave no answer. */
  answers: (LogAnswer | null)[];
  result?: Claimed;
}

export type Work = RulesWork | PredictWork | LogWork;

export interface HandedInAssignment {
  title: string;
  /** Every exercise of the assignment, in its order, handed in or not. */
  exercises: string[];
  /** When the assignment link said it is due (ISO 8601), so the re-grade can flag a late file. */
  due?: string;
}

export interface Submission {
  format: typeof SUBMISSION_FORMAT;
  /** The version the file was written in; files are written as version 2. */
  version: 1 | 2;
  /** The name or id the learner typed; absent when they typed none. */
  learner?: string;
  assignment?: HandedInAssignment;
  /** ISO 8601. */
  savedAt: string;
  work: Work[];
}

/** Entries and answers beyond these are not a learner's work. */
const MAX_WORK = 200;
const MAX_ANSWERS = 1000;
const MAX_TITLE = 200;

export function buildSubmission(input: {
  work: Work[];
  learner?: string;
  assignment?: HandedInAssignment;
  now?: Date;
}): Submission {
  return {
    format: SUBMISSION_FORMAT,
    version: SUBMISSION_VERSION,
    ...(input.learner ? { learner: input.learner } : {}),
    ...(input.assignment ? { assignment: input.assignment } : {}),
    savedAt: (input.now ?? new Date()).toISOString(),
    work: input.work,
  };
}

export const rulesWork = (input: {
  exercise: string;
  rulesFormat: RuleFormat;
  rules: string;
  result?: Claimed;
}): RulesWork => ({
  exercise: input.exercise,
  kind: "author-rules",
  rulesFormat: input.rulesFormat,
  rules: input.rules,
  ...(input.result ? { result: input.result } : {}),
});

export const predictWork = (input: {
  exercise: string;
  answers: readonly ("allow" | "deny" | undefined)[];
  result?: Claimed;
}): PredictWork => ({
  exercise: input.exercise,
  kind: "predict",
  answers: input.answers.map((a) => a ?? null),
  ...(input.result ? { result: input.result } : {}),
});

export const logWork = (input: {
  exercise: string;
  answers: readonly (LogAnswer | undefined)[];
  result?: Claimed;
}): LogWork => ({
  exercise: input.exercise,
  kind: "read-logs",
  answers: input.answers.map((a) => (a && Object.keys(a).length > 0 ? a : null)),
  ...(input.result ? { result: input.result } : {}),
});

export const submissionText = (submission: Submission): string => `${JSON.stringify(submission, null, 2)}\n`;

/** `ftp-active-submission.json`; an assignment's file is named after its title. */
export const submissionFileName = (name: string): string => {
  const slug = name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return `${slug || "assignment"}-submission.json`;
};

const count = (v: unknown) => typeof v === "number" && Number.isInteger(v) && v >= 0;
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const isDate = (v: unknown) => typeof v === "string" && !Number.isNaN(Date.parse(v));
const isRuleFormat = (v: unknown): v is RuleFormat => (RULE_FORMATS as readonly unknown[]).includes(v);

function claimed(value: unknown, path: (string | number)[], errors: Issue[]): Claimed | undefined {
  if (value === undefined) return undefined;
  if (!isObject(value) || !count(value.passed) || !count(value.failed)) {
    errors.push(issue("invalid-value", "result must be { passed, failed } counts", path));
    return undefined;
  }
  return { passed: value.passed as number, failed: value.failed as number };
}

/**
 * The learner's name, when the file has a usable one. A name that is not (too long, control
 * characters) is left out rather than refused: it is informational, and a damaged name must
 * not cost a learner their grade. The re-grade then names them by folder or file.
 */
function learnerOf(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const name = checkLearnerName(value);
  return name.ok ? name.value : undefined;
}

/** A version 1 file: one exercise's rules. */
function validateV1(d: Record<string, unknown>, errors: Issue[]): Submission | undefined {
  const add = (...args: Parameters<typeof issue>) => errors.push(issue(...args));
  if (typeof d.exercise !== "string" || d.exercise === "")
    add("missing-field", "exercise (the exercise id) is missing", ["exercise"]);
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
  if (!isDate(d.savedAt)) add("invalid-value", "savedAt must be a date", ["savedAt"]);
  const learner = learnerOf(d.learner);
  if (errors.length > 0) return undefined;
  return {
    format: SUBMISSION_FORMAT,
    version: 1,
    ...(learner ? { learner } : {}),
    savedAt: d.savedAt as string,
    work: [
      rulesWork({
        exercise: d.exercise as string,
        // The portal form's rules are JSON.
        rulesFormat: ruleFormatOf(d.rulesFormat as EditorFormat),
        rules: d.rules as string,
        result: { passed: result!.passed as number, failed: result!.failed as number },
      }),
    ],
  };
}

function workEntry(value: unknown, i: number, errors: Issue[]): Work | undefined {
  const at = (field?: string) => (field ? ["work", i, field] : ["work", i]);
  if (!isObject(value)) {
    errors.push(issue("invalid-type", `work ${i + 1} is not an object`, at()));
    return undefined;
  }
  const before = errors.length;
  if (typeof value.exercise !== "string" || value.exercise === "")
    errors.push(
      issue("missing-field", `work ${i + 1}: exercise (the exercise id) is missing`, at("exercise")),
    );
  const result = claimed(value.result, at("result"), errors);
  if (value.kind === "author-rules") {
    if (!isRuleFormat(value.rulesFormat))
      errors.push(
        issue(
          "unknown-rule-format",
          `work ${i + 1}: rulesFormat must be one of ${RULE_FORMATS.join(", ")}`,
          at("rulesFormat"),
        ),
      );
    if (typeof value.rules !== "string")
      errors.push(issue("missing-field", `work ${i + 1}: rules (the rules as text) is missing`, at("rules")));
    if (errors.length > before) return undefined;
    return rulesWork({
      exercise: value.exercise as string,
      rulesFormat: value.rulesFormat as RuleFormat,
      rules: value.rules as string,
      ...(result ? { result } : {}),
    });
  }
  if (value.kind === "predict") {
    const answers = value.answers;
    if (
      !Array.isArray(answers) ||
      answers.length > MAX_ANSWERS ||
      !answers.every((a) => a === "allow" || a === "deny" || a === null)
    )
      errors.push(
        issue(
          "invalid-value",
          `work ${i + 1}: answers must be a list of "allow", "deny" or null`,
          at("answers"),
        ),
      );
    if (errors.length > before) return undefined;
    return {
      exercise: value.exercise as string,
      kind: "predict",
      answers: answers as ("allow" | "deny" | null)[],
      ...(result ? { result } : {}),
    };
  }
  if (value.kind === "read-logs") {
    const answers = Array.isArray(value.answers)
      ? value.answers.map((a) => (a === null ? null : parseLogAnswer(a)))
      : [];
    if (!Array.isArray(value.answers) || answers.length > MAX_ANSWERS || answers.includes(undefined))
      errors.push(
        issue(
          "invalid-value",
          `work ${i + 1}: answers must be a list of null or answers with a verdict ("allow" or "deny"), a rule ("nsg/rule") and reasons`,
          at("answers"),
        ),
      );
    if (errors.length > before) return undefined;
    return {
      exercise: value.exercise as string,
      kind: "read-logs",
      answers: answers as (LogAnswer | null)[],
      ...(result ? { result } : {}),
    };
  }
  errors.push(
    issue(
      "invalid-value",
      `work ${i + 1}: kind must be "author-rules", "predict" or "read-logs"`,
      at("kind"),
    ),
  );
  return undefined;
}

function validateV2(d: Record<string, unknown>, errors: Issue[]): Submission | undefined {
  if (!isDate(d.savedAt)) errors.push(issue("invalid-value", "savedAt must be a date", ["savedAt"]));
  const learner = learnerOf(d.learner);
  let assignment: HandedInAssignment | undefined;
  if (d.assignment !== undefined) {
    const a = d.assignment;
    if (
      !isObject(a) ||
      typeof a.title !== "string" ||
      a.title.length > MAX_TITLE ||
      !Array.isArray(a.exercises) ||
      a.exercises.length > MAX_WORK ||
      !a.exercises.every((e) => typeof e === "string" && e !== "")
    )
      errors.push(
        issue("invalid-value", "assignment must be { title, exercises: [exercise ids] }", ["assignment"]),
      );
    else if (a.due !== undefined && !isDate(a.due))
      errors.push(issue("invalid-value", "assignment.due must be a date", ["assignment", "due"]));
    else
      assignment = {
        title: a.title,
        exercises: a.exercises as string[],
        ...(a.due !== undefined ? { due: a.due as string } : {}),
      };
  }
  if (!Array.isArray(d.work)) {
    errors.push(issue("missing-field", "work (the exercises handed in) is missing", ["work"]));
    return undefined;
  }
  if (d.work.length > MAX_WORK) {
    errors.push(issue("invalid-value", `work holds more than ${MAX_WORK} exercises`, ["work"]));
    return undefined;
  }
  const work = d.work.map((w, i) => workEntry(w, i, errors));
  if (errors.length > 0) return undefined;
  return {
    format: SUBMISSION_FORMAT,
    version: 2,
    ...(learner ? { learner } : {}),
    ...(assignment ? { assignment } : {}),
    savedAt: d.savedAt as string,
    work: work as Work[],
  };
}

/** Validates parsed data as a submission file, of either version; every problem is listed. */
export function validateSubmission(data: unknown): Result<Submission> {
  if (!isObject(data)) return fail([issue("invalid-type", "a submission file is a JSON object")]);
  const errors: Issue[] = [];
  if (data.format !== SUBMISSION_FORMAT)
    errors.push(issue("invalid-value", `format must be "${SUBMISSION_FORMAT}"`, ["format"]));
  if (data.version !== 1 && data.version !== 2) {
    errors.push(
      issue(
        "unsupported-version",
        `version ${JSON.stringify(data.version)} is not supported (expected 1 or 2)`,
        ["version"],
      ),
    );
    return fail(errors);
  }
  const value = data.version === 1 ? validateV1(data, errors) : validateV2(data, errors);
  return value && errors.length === 0 ? ok(value) : fail(errors);
}

/** Parses a submission file's text (`npm run grade -- … --rules file`, `--submissions`). */
export function parseSubmission(text: string): Result<Submission> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return fail([issue("invalid-json", `not valid JSON: ${(error as Error).message}`)]);
  }
  return validateSubmission(data);
}

/** The work a file holds for one exercise; `wrong-exercise` when it holds none. */
export function workFor(submission: Submission, exercise: string): Result<Work> {
  const found = submission.work.find((w) => w.exercise === exercise);
  if (found) return ok(found);
  const held = submission.work.map((w) => `"${w.exercise}"`).join(", ") || "no exercise";
  return fail([issue("wrong-exercise", `this submission is for ${held}, not "${exercise}"`, ["work"])]);
}

/** True when parsed data looks like a submission (so a caller can route it to parseSubmission). */
export const isSubmission = (data: unknown): boolean => isObject(data) && data.format === SUBMISSION_FORMAT;
