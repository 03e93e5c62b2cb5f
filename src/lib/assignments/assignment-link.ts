import { fail, issue, ok, type Result } from "../result.ts";

/**
 * An assignment is a list of exercise ids (in the order the instructor chose) and an optional
 * title, carried in the query string of the assignment page so the link works on any static
 * host: `assignment/?title=Week%203&exercises=ftp-active,smtp-pay-as-you-go`.
 */
export interface Assignment {
  title: string;
  exercises: string[];
}

export const MAX_TITLE = 120;
export const MAX_EXERCISES = 50;
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function assignmentQuery(assignment: Assignment): string {
  const params = new URLSearchParams();
  const title = assignment.title.trim();
  if (title) params.set("title", title.slice(0, MAX_TITLE));
  params.set("exercises", assignment.exercises.join(","));
  return `?${params.toString()}`;
}

/** The assignment, and the ids in the link that name no exercise of this site. */
export type AssignmentRead = Result<{ assignment: Assignment; unknown: string[] }>;

/**
 * Reads an assignment from a query string, keeping only exercises that exist (in the given
 * order, without repeats) and reporting the rest, so a stale link still works for what it can.
 */
export function readAssignment(search: string, known: ReadonlySet<string>): AssignmentRead {
  const params = new URLSearchParams(search);
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
    .filter(Boolean);
  const exercises: string[] = [];
  const unknown: string[] = [];
  for (const id of ids.slice(0, MAX_EXERCISES)) {
    if (!ID.test(id) || !known.has(id)) unknown.push(id);
    else if (!exercises.includes(id)) exercises.push(id);
  }
  if (exercises.length === 0)
    return fail([
      issue(
        "unknown-exercise",
        `None of the exercises in this link exist on this site (${unknown.join(", ")}).`,
        ["exercises"],
      ),
    ]);
  const title = (params.get("title") ?? "").trim().slice(0, MAX_TITLE);
  return ok({ assignment: { title: title || "Assignment", exercises }, unknown });
}
