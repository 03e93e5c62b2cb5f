import type { RecordKind } from "../store.ts";
import { accept, isDate, isObject, refuse, salvageEntries } from "./validate.ts";

/** A learner's prediction for one flow of a predict exercise; null = not answered. */
export type Prediction = "allow" | "deny" | null;

/** What the browser remembers of one exercise. */
export interface ExerciseResult {
  /** When it first passed (ISO 8601). */
  passedAt?: string;
  /** When it was last graded with an attempt of the learner's own. */
  attemptedAt?: string;
  /** A predict exercise's last answers, in check order. */
  predictions?: Prediction[];
}

export interface ExerciseResults {
  version: 2;
  exercises: Record<string, ExerciseResult>;
}

export const emptyExerciseResults = (): ExerciseResults => ({ version: 2, exercises: {} });

function checkResult(value: unknown, id: string): { keep: ExerciseResult } | { reason: string } {
  if (!isObject(value)) return { reason: `the result for "${id}" is not an object` };
  const result: ExerciseResult = {};
  if (value.passedAt !== undefined) {
    if (!isDate(value.passedAt)) return { reason: `the result for "${id}" has no valid pass date` };
    result.passedAt = value.passedAt;
  }
  if (value.attemptedAt !== undefined) {
    if (!isDate(value.attemptedAt)) return { reason: `the result for "${id}" has no valid attempt date` };
    result.attemptedAt = value.attemptedAt;
  }
  if (value.predictions !== undefined) {
    const p = value.predictions;
    if (!Array.isArray(p) || p.length > 200 || !p.every((x) => x === "allow" || x === "deny" || x === null))
      return { reason: `the predictions for "${id}" are not a list of allow, deny or null` };
    result.predictions = p as Prediction[];
  }
  return { keep: result };
}

/** Version 1 (`nsg-lab:exercises:v1`) kept passes only: `{ version: 1, passed: { id: date } }`. */
function parseVersion1(json: unknown) {
  if (!isObject(json) || json.version !== 1 || !isObject(json.passed))
    return refuse<ExerciseResults>("storage-corrupt", "Saved exercise results have an unknown shape.");
  const { kept, dropped } = salvageEntries<ExerciseResult>(json.passed, "passed", (at, id) =>
    isDate(at) ? { keep: { passedAt: at } } : { reason: `saved result for "${id}" has no valid date` },
  );
  return accept<ExerciseResults>({ version: 2, exercises: kept }, dropped);
}

export const EXERCISE_RESULTS: RecordKind<ExerciseResults> & { empty: () => ExerciseResults } = {
  name: "exercises",
  version: 2,
  empty: emptyExerciseResults,
  legacy: { key: () => "nsg-lab:exercises:v1", parse: parseVersion1 },
  parse(json) {
    if (!isObject(json) || json.version !== 2 || !isObject(json.exercises))
      return refuse("storage-corrupt", "Saved exercise results have an unknown shape.");
    const { kept, dropped } = salvageEntries(json.exercises, "exercises", checkResult);
    return accept({ version: 2, exercises: kept }, dropped);
  },
};
