import { fail, issue, ok, type Issue, type Result } from "../result.ts";
import { MAX_INSTRUCTIONS, MAX_POINTS, type Assignment } from "./assignment-link.ts";
import type { FeedbackLevel } from "./feedback-level.ts";

/**
 * The builder's form (assign/) as an assignment, or what to fix, each issue naming its field
 * (`["points", id]` for one exercise's points). The due date arrives as the instructor typed it
 * in a `datetime-local` field, in their own time zone; `localTime` reads it (the browser's
 * `new Date("2026-11-20T18:00")` does) and the link carries it in UTC.
 */
export interface AssignmentFormValues {
  title: string;
  exercises: string[];
  instructions: string;
  /** "2026-11-20T18:00", or "" for no due date. */
  due: string;
  /** Per exercise id, as typed; undefined when the form gives no points. */
  points?: Readonly<Record<string, string>>;
  feedback: FeedbackLevel;
}

const LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;

export function assignmentFromForm(
  values: AssignmentFormValues,
  localTime: (text: string) => Date = (text) => new Date(text),
): Result<Assignment> {
  const errors: Issue[] = [];
  if (values.exercises.length === 0)
    errors.push(issue("assignment-empty", "Choose at least one exercise.", ["exercises"]));
  const instructions = values.instructions.trim();
  if (instructions.length > MAX_INSTRUCTIONS)
    errors.push(
      issue(
        "value-too-long",
        `The instructions are ${instructions.length.toLocaleString("en")} characters long; an assignment link holds ${MAX_INSTRUCTIONS.toLocaleString("en")}.`,
        ["instructions"],
      ),
    );
  let due: string | undefined;
  if (values.due.trim() !== "") {
    const date = LOCAL.test(values.due.trim()) ? localTime(values.due.trim()) : new Date(NaN);
    const year = date.getUTCFullYear();
    if (Number.isNaN(date.getTime()) || year < 2000 || year > 2999)
      errors.push(issue("invalid-value", "The due date is not a date and time.", ["due"]));
    else due = new Date(Math.floor(date.getTime() / 60_000) * 60_000).toISOString();
  }
  let points: number[] | undefined;
  if (values.points) {
    const given = values.points;
    points = values.exercises.map((id) => {
      const text = (Object.hasOwn(given, id) ? given[id]! : "").trim();
      const n = Number(text);
      if (!/^\d+$/.test(text) || n < 1 || n > MAX_POINTS)
        errors.push(
          issue(
            "invalid-value",
            `Points for ${id} must be a whole number from 1 to ${MAX_POINTS}, not ${JSON.stringify(text)}.`,
            ["points", id],
          ),
        );
      return n;
    });
  }
  if (errors.length > 0) return fail(errors);
  return ok({
    title: values.title,
    exercises: values.exercises,
    ...(instructions ? { instructions } : {}),
    ...(due ? { due } : {}),
    ...(points ? { points } : {}),
    ...(values.feedback !== "full" ? { feedback: values.feedback } : {}),
  });
}
