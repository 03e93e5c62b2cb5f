import type { FlowAttempt, PredictSession } from "../../exercise-ui/predict-session.ts";
import type { RecordKind } from "../store.ts";
import { accept, isObject, refuse } from "./validate.ts";

/** A predict exercise's answers and tries, per flow (the record's id is the exercise id). */
export interface SavedPredictions extends PredictSession {
  version: 1;
  /** ISO 8601. */
  savedAt: string;
}

function attempt(value: unknown): FlowAttempt | undefined {
  if (!isObject(value)) return undefined;
  if (value.answer !== undefined && value.answer !== "allow" && value.answer !== "deny") return undefined;
  const tries = value.wrongTries;
  if (typeof tries !== "number" || !Number.isInteger(tries) || tries < 0) return undefined;
  if (typeof value.revealed !== "boolean" || typeof value.checked !== "boolean") return undefined;
  return {
    ...(value.answer ? { answer: value.answer } : {}),
    wrongTries: tries,
    revealed: value.revealed,
    checked: value.checked,
  };
}

export const PREDICTIONS: RecordKind<SavedPredictions> = {
  name: "predict",
  version: 1,
  parse(json) {
    if (!isObject(json) || json.version !== 1 || !Array.isArray(json.flows))
      return refuse("storage-corrupt", "Saved predictions have an unknown shape.");
    const flows = json.flows.map(attempt);
    if (flows.some((f) => f === undefined))
      return refuse("storage-corrupt", "A saved prediction has an unknown shape.");
    const savedAt = typeof json.savedAt === "string" ? json.savedAt : "";
    return accept({ version: 1, flows: flows as FlowAttempt[], savedAt });
  },
};
