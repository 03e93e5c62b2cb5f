import { fail, issue, ok, type Result } from "../result.ts";
import { PREDICTIONS } from "../store/records/predictions.ts";
import { keyOf, parseRecord, type Store } from "../store/store.ts";
import type { PredictSession } from "./predict-session.ts";
import { readSavedAnswers, saveAnswers } from "./saved-answers.ts";

/**
 * A learner's predictions, remembered across reloads in the browser store (record `predict`,
 * one key per predict exercise). Nothing here throws.
 */

export const predictAnswersKey = (exerciseId: string): string => keyOf(PREDICTIONS, exerciseId);

/**
 * Parses a stored value. Predictions saved for a different number of flows (the exercise has
 * changed since) no longer line up with the flows: they read as nothing saved.
 */
export function parsePredictAnswers(raw: string, flowCount: number): Result<PredictSession | undefined> {
  const parsed = parseRecord(PREDICTIONS, raw);
  if (!parsed.ok)
    return fail([issue("storage-corrupt", `Saved predictions are unusable: ${parsed.errors[0]!.message}.`)]);
  return ok(parsed.value.flows.length === flowCount ? { flows: parsed.value.flows } : undefined);
}

/** The saved predictions of an exercise; `ok(undefined)` when there are none. */
export const readPredictAnswers = (
  store: Store,
  exerciseId: string,
  flowCount: number,
): Result<PredictSession | undefined> =>
  readSavedAnswers(store, PREDICTIONS, exerciseId, "predictions", (saved) =>
    saved.flows.length === flowCount ? { flows: saved.flows } : undefined,
  );

export const savePredictAnswers = (
  store: Store,
  exerciseId: string,
  session: PredictSession,
  now: Date = new Date(),
): Result<undefined> =>
  saveAnswers(store, PREDICTIONS, exerciseId, {
    version: 1 as const,
    flows: session.flows,
    savedAt: now.toISOString(),
  });
