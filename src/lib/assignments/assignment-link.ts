import { fail, issue, ok, type Issue, type Result } from "../result.ts";
import { z } from "../zod.ts";
import { feedbackLevelSchema, isFeedbackLevel } from "./feedback-level.ts";

/**
 * An assignment is a list of exercise ids (in the order the instructor chose) and an optional
 * title, carried in the query string of the assignment page so the link works on any static
 * host: `assignment/?title=Week%203&exercises=ftp-active,smtp-pay-as-you-go` (version 1, which
 * has no `v`).
 *
 * Version 2 (`v=2`) adds what makes an assignment a small course: `instructions` (Markdown,
 * rendered by instructions.ts), a `due` date (UTC, `2026-11-20T17:00Z`), `points` per exercise
 * (`10,20`, in the order of `exercises`) and `feedback` (full, verdict or none: feedback-level.ts).
 * A link uses version 2 only when it has one of these, so a plain link stays the version 1 link
 * every earlier copy of the site reads.
 */
export const MAX_TITLE = 120;
export const MAX_EXERCISES = 50;
/** What the builder's instructions box accepts; a longer text in a link is refused. */
export const MAX_INSTRUCTIONS = 4000;
/** The most one exercise may be worth (an LMS package's 100 in all is checked when packaging). */
export const MAX_POINTS = 100;
/** The longest query read at all: a version 2 link at its limits is about 13,000 characters. */
export const MAX_QUERY = 16_000;
export const ASSIGNMENT_LINK_VERSION = 2;

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** UTC to the minute (or second), as the builder writes it. */
const DUE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?Z$/;

export const assignmentSchema = z.strictObject({
  title: z.string().max(MAX_TITLE),
  exercises: z.array(z.string().regex(ID)).min(1).max(MAX_EXERCISES),
  instructions: z.string().max(MAX_INSTRUCTIONS).optional(),
  /** ISO 8601 in UTC (`Date.prototype.toISOString`). */
  due: z.iso.datetime().optional(),
  /** One per exercise, in the same order. */
  points: z.array(z.number().int().min(1).max(MAX_POINTS)).optional(),
  /** Absent means full. */
  feedback: feedbackLevelSchema.optional(),
});

export type Assignment = z.infer<typeof assignmentSchema>;

/** `2026-11-20T17:00:00.000Z` as the link writes it: `2026-11-20T17:00Z`. */
const dueInLink = (iso: string): string => iso.replace(/:00\.000Z$/, "Z").replace(/\.000Z$/, "Z");

const usesVersion2 = (a: Assignment): boolean =>
  (a.instructions ?? "").trim() !== "" ||
  a.due !== undefined ||
  a.points !== undefined ||
  (a.feedback !== undefined && a.feedback !== "full");

export function assignmentQuery(assignment: Assignment): string {
  const params = new URLSearchParams();
  const v2 = usesVersion2(assignment);
  if (v2) params.set("v", String(ASSIGNMENT_LINK_VERSION));
  const title = assignment.title.trim();
  if (title) params.set("title", title.slice(0, MAX_TITLE));
  params.set("exercises", assignment.exercises.join(","));
  if (v2) {
    if (assignment.points) params.set("points", assignment.points.join(","));
    if (assignment.due) params.set("due", dueInLink(assignment.due));
    if (assignment.feedback && assignment.feedback !== "full") params.set("feedback", assignment.feedback);
    const instructions = (assignment.instructions ?? "").trim();
    if (instructions) params.set("instructions", instructions);
  }
  return `?${params.toString()}`;
}

/** The assignment, and the ids in the link that name no exercise of this site. */
export type AssignmentRead = Result<{ assignment: Assignment; unknown: string[] }>;

const ASK = "Ask your instructor for a new link.";

/**
 * Reads an assignment from a query string, keeping only exercises that exist (in the given
 * order, without repeats) and reporting the rest, so a stale link still works for what it can.
 * A version 2 field that cannot be read refuses the whole link, naming the field: a wrong due
 * date or points would mislead the learner more than no assignment.
 */
export function readAssignment(search: string, known: ReadonlySet<string>): AssignmentRead {
  if (search.length > MAX_QUERY)
    return fail([
      issue(
        "value-too-long",
        `This assignment link is ${search.length.toLocaleString("en")} characters long, more than an assignment can be (${MAX_QUERY.toLocaleString("en")}). ${ASK}`,
      ),
    ]);
  const params = new URLSearchParams(search);
  const version = params.get("v");
  if (version !== null && version !== "1" && version !== String(ASSIGNMENT_LINK_VERSION))
    return fail([
      issue(
        "unsupported-version",
        `This assignment link is version ${JSON.stringify(version.slice(0, 20))}, which this copy of NSG Lab does not read (it reads versions 1 and 2). ${ASK}`,
        ["v"],
      ),
    ]);
  const raw = params.get("exercises");
  if (raw === null || raw.trim() === "")
    return fail([
      issue(
        "assignment-empty",
        "This link names no exercises. Ask your instructor for the full assignment link.",
        ["exercises"],
      ),
    ]);
  const ids = raw
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .slice(0, MAX_EXERCISES);
  const extra: Result<Version2Fields> = version === "2" ? readVersion2(params, ids) : ok({});
  if (!extra.ok) return extra;
  const exercises: string[] = [];
  const points: number[] = [];
  const unknown: string[] = [];
  ids.forEach((id, i) => {
    if (!ID.test(id) || !known.has(id)) unknown.push(id);
    else if (!exercises.includes(id)) {
      exercises.push(id);
      if (extra.value.points) points.push(extra.value.points[i]!);
    }
  });
  if (exercises.length === 0)
    return fail([
      issue(
        "unknown-exercise",
        `None of the exercises in this link exist on this site (${unknown.join(", ")}).`,
        ["exercises"],
      ),
    ]);
  const title = (params.get("title") ?? "").trim().slice(0, MAX_TITLE);
  const { points: _all, ...rest } = extra.value;
  return ok({
    assignment: {
      title: title || "Assignment",
      exercises,
      ...rest,
      ...(extra.value.points ? { points } : {}),
    },
    unknown,
  });
}

type Version2Fields = Omit<Assignment, "title" | "exercises">;

/** The fields version 2 adds, each problem naming its field; `ids` as the link lists them. */
function readVersion2(params: URLSearchParams, ids: readonly string[]): Result<Version2Fields> {
  const errors: Issue[] = [];
  const fields: Version2Fields = {};

  const points = params.get("points");
  if (points !== null) {
    const list = points.split(",").map((p) => p.trim());
    if (list.length !== ids.length)
      errors.push(
        issue(
          "invalid-value",
          `This assignment link gives points for ${list.length} exercises but lists ${ids.length}. ${ASK}`,
          ["points"],
        ),
      );
    else {
      const bad = list.findIndex((p) => !/^\d{1,3}$/.test(p) || Number(p) < 1 || Number(p) > MAX_POINTS);
      if (bad >= 0)
        errors.push(
          issue(
            "invalid-value",
            `This assignment link's points for exercise ${bad + 1} (${ids[bad]}) are ${JSON.stringify(list[bad]!.slice(0, 20))}, not a whole number from 1 to ${MAX_POINTS}. ${ASK}`,
            ["points", bad],
          ),
        );
      else fields.points = list.map(Number);
    }
  }

  const due = params.get("due");
  if (due !== null) {
    const iso = dueDate(due.trim());
    if (iso === undefined)
      errors.push(
        issue(
          "invalid-value",
          `This assignment link's due date ${JSON.stringify(due.slice(0, 40))} is not a date and time in UTC such as 2026-11-20T17:00Z. ${ASK}`,
          ["due"],
        ),
      );
    else fields.due = iso;
  }

  const feedback = params.get("feedback");
  if (feedback !== null) {
    if (!isFeedbackLevel(feedback))
      errors.push(
        issue(
          "invalid-value",
          `This assignment link's feedback ${JSON.stringify(feedback.slice(0, 20))} is not full, verdict or none. ${ASK}`,
          ["feedback"],
        ),
      );
    else fields.feedback = feedback;
  }

  const instructions = params.get("instructions");
  if (instructions !== null) {
    if (instructions.length > MAX_INSTRUCTIONS)
      errors.push(
        issue(
          "value-too-long",
          `This assignment link's instructions are ${instructions.length.toLocaleString("en")} characters long, more than ${MAX_INSTRUCTIONS.toLocaleString("en")}. ${ASK}`,
          ["instructions"],
        ),
      );
    else if (instructions.trim() !== "") fields.instructions = instructions.trim();
  }
  return errors.length > 0 ? fail(errors) : ok(fields);
}

/** The due date as ISO 8601, when the text is a real date and time in UTC between 2000 and 2999. */
function dueDate(text: string): string | undefined {
  const m = DUE.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, Number.isNaN(s) ? 0 : s));
  const real =
    y >= 2000 &&
    y <= 2999 &&
    date.getUTCMonth() === mo - 1 &&
    date.getUTCDate() === d &&
    date.getUTCHours() === h &&
    date.getUTCMinutes() === mi;
  return real ? date.toISOString() : undefined;
}
