import type { ExerciseStatus } from "../exercise-ui/exercise-progress.ts";
import type { Assignment } from "./assignment-link.ts";
import { showsCompletion, type FeedbackLevel } from "./feedback-level.ts";

/**
 * The top of a learner's assignment page: each exercise with what it is worth and where the
 * learner stands, and one sentence for the whole. At feedback `none` a passed exercise shows as
 * started: the page must not tell what the exercises do not.
 */
export interface OverviewRow {
  id: string;
  state: "passed" | "attempted" | "open";
  /** " — passed ✓", " — started, not passed yet", " — not started". */
  status: string;
  /** "10 points", when the assignment gives points. */
  points?: string;
}

export interface AssignmentOverview {
  rows: OverviewRow[];
  /** "1 of 2 exercises passed: 10 of 30 points." */
  summary: string;
}

const pointsText = (n: number) => `${n} ${n === 1 ? "point" : "points"}`;

export function assignmentOverview(
  assignment: Pick<Assignment, "exercises" | "points">,
  statusOf: (id: string) => ExerciseStatus,
  level: FeedbackLevel,
): AssignmentOverview {
  const verdicts = showsCompletion(level);
  let earned = 0;
  const rows = assignment.exercises.map((id, i): OverviewRow => {
    const real = statusOf(id);
    const shown = !verdicts && real === "passed" ? "attempted" : real;
    const points = assignment.points?.[i];
    if (real === "passed" && points !== undefined) earned += points;
    return {
      id,
      state: shown === "new" ? "open" : shown,
      status:
        shown === "passed"
          ? " — passed ✓"
          : shown === "attempted"
            ? verdicts
              ? " — started, not passed yet"
              : " — started, your work is saved"
            : " — not started",
      ...(points !== undefined ? { points: pointsText(points) } : {}),
    };
  });
  const count = assignment.exercises.length;
  const exercises = `${count} ${count === 1 ? "exercise" : "exercises"}`;
  if (!verdicts) {
    const started = rows.filter((r) => r.state !== "open").length;
    return { rows, summary: `${started} of ${exercises} started.` };
  }
  const passed = rows.filter((r) => r.state === "passed").length;
  const total = assignment.points?.reduce((a, b) => a + b, 0);
  return {
    rows,
    summary:
      total === undefined
        ? `${passed} of ${exercises} passed.`
        : `${passed} of ${exercises} passed: ${earned} of ${pointsText(total)}.`,
  };
}
