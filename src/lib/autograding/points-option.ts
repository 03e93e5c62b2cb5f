import { fail, issue, ok, type Result } from "../result.ts";

/**
 * What each exercise of an assignment repository is worth: `--points 10` (every exercise the
 * same) or `--points ftp-active=30,ftp-passive=20` (each its own, as a version 2 assignment link
 * gives them; `npm run assignment-repo -- --assignment <link>` writes that form).
 */
export type ExercisePoints = { every: number } | { each: ReadonlyMap<string, number> };

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const WHOLE = /^\d{1,6}$/;

export function readPointsOption(text: string): Result<ExercisePoints> {
  const value = text.trim();
  if (WHOLE.test(value) && Number(value) >= 1) return ok({ every: Number(value) });
  if (!value.includes("="))
    return fail([
      issue(
        "invalid-value",
        `--points must be a whole number of at least 1, or id=points pairs (ftp-active=30,ftp-passive=20), not ${JSON.stringify(value.slice(0, 40))}`,
        ["points"],
      ),
    ]);
  const each = new Map<string, number>();
  for (const pair of value.split(",")) {
    const [id = "", points = "", ...rest] = pair.split("=").map((s) => s.trim());
    if (!ID.test(id) || !WHOLE.test(points) || Number(points) < 1 || rest.length > 0)
      return fail([
        issue(
          "invalid-value",
          `--points: ${JSON.stringify(pair.slice(0, 60))} is not exercise-id=points (a whole number of at least 1)`,
          ["points", id],
        ),
      ]);
    if (each.has(id))
      return fail([issue("invalid-value", `--points gives ${id} points twice`, ["points", id])]);
    each.set(id, Number(points));
  }
  return ok({ each });
}

/** The points of one exercise, or undefined when per-exercise points leave it out. */
export const pointsOf = (points: ExercisePoints, id: string): number | undefined =>
  "every" in points ? points.every : points.each.get(id);

/** `--points` as the command line writes it again: "10", or "ftp-active=30,ftp-passive=20". */
export const pointsArgument = (points: ExercisePoints): string =>
  "every" in points ? String(points.every) : [...points.each].map(([id, n]) => `${id}=${n}`).join(",");
