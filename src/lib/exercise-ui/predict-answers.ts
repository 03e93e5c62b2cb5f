import { fail, issue, ok, type Result } from "../result.ts";
import { PREDICTIONS } from "../store/records/predictions.ts";
import { keyOf, parseRecord, type Store } from "../store/store.ts";
import type { PredictSession } from "./predict-session.ts";

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
export function readPredictAnswers(
  store: Store,
  exerciseId: string,
  flowCount: number,
): Result<PredictSession | undefined> {
  const read = store.read(PREDICTIONS, exerciseId);
  if (read.status === "none") return ok(undefined);
  if (read.status === "unavailable")
    return fail([issue("storage-unavailable", `Saved predictions cannot be read (${read.message})`)]);
  if (read.status === "corrupt") return fail([issue("storage-corrupt", read.message)]);
  return ok(read.value.flows.length === flowCount ? { flows: read.value.flows } : undefined);
}

/** Fails with `storage-unavailable` or `storage-full`; the message says what happened. */
export function savePredictAnswers(
  store: Store,
  exerciseId: string,
  session: PredictSession,
  now: Date = new Date(),
): Result<undefined> {
  if (!store.available)
    return fail([
      issue(
        "storage-unavailable",
        "This browser does not offer local storage, so your answers are not kept.",
      ),
    ]);
  const written = store.write(
    PREDICTIONS,
    { version: 1 as const, flows: session.flows, savedAt: now.toISOString() },
    exerciseId,
  );
  if (written.ok) return ok(undefined);
  return fail([
    written.errors[0]!.code === "storage-full"
      ? issue("storage-full", "Browser storage is full, so your answers were not kept for next time.")
      : issue("storage-unavailable", `Your answers could not be kept (${written.errors[0]!.message}).`),
  ]);
}
