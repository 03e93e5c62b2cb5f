import { isQuotaExceeded, type StorageLike } from "../progress/storage.ts";
import { fail, issue, ok, type Result } from "../result.ts";
import type { FlowAttempt, PredictSession } from "./predict-session.ts";

/**
 * A learner's predictions, remembered across reloads in the browser storage the course
 * progress uses: one versioned key per predict exercise, like the editor's drafts. Everything
 * about storing them is this pair, readPredictAnswers and savePredictAnswers, so that it can move
 * into a shared store without touching its callers. Nothing here throws.
 */

export const predictAnswersKey = (exerciseId: string): string => `nsg-lab:predict:v1:${exerciseId}`;

interface SavedPredictions extends PredictSession {
  version: 1;
  /** ISO 8601. */
  savedAt: string;
}

const corrupt = (message: string) => fail([issue("storage-corrupt", message)]);
const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

function attempt(value: unknown): FlowAttempt | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const v = value as Record<string, unknown>;
  if (v.answer !== undefined && v.answer !== "allow" && v.answer !== "deny") return undefined;
  if (typeof v.wrongTries !== "number" || !Number.isInteger(v.wrongTries) || v.wrongTries < 0)
    return undefined;
  if (typeof v.revealed !== "boolean" || typeof v.checked !== "boolean") return undefined;
  return {
    ...(v.answer ? { answer: v.answer } : {}),
    wrongTries: v.wrongTries,
    revealed: v.revealed,
    checked: v.checked,
  };
}

/**
 * Parses a stored value. Predictions saved for a different number of flows (the exercise has
 * changed since) no longer line up with the flows: they read as nothing saved.
 */
export function parsePredictAnswers(raw: string, flowCount: number): Result<PredictSession | undefined> {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return corrupt("Saved predictions are not valid JSON.");
  }
  const v = json as Partial<Record<keyof SavedPredictions, unknown>> | null;
  if (typeof v !== "object" || v === null || v.version !== 1 || !Array.isArray(v.flows))
    return corrupt("Saved predictions have an unknown shape.");
  const flows = v.flows.map(attempt);
  if (flows.some((f) => f === undefined)) return corrupt("A saved prediction has an unknown shape.");
  if (flows.length !== flowCount) return ok(undefined);
  return ok({ flows: flows as FlowAttempt[] });
}

/** The saved predictions of an exercise; `ok(undefined)` when there are none. */
export function readPredictAnswers(
  storage: StorageLike | undefined,
  exerciseId: string,
  flowCount: number,
): Result<PredictSession | undefined> {
  if (!storage) return fail([issue("storage-unavailable", "This browser does not offer local storage.")]);
  let raw: string | null;
  try {
    raw = storage.getItem(predictAnswersKey(exerciseId));
  } catch (error) {
    return fail([issue("storage-unavailable", `Saved predictions cannot be read (${errorText(error)}).`)]);
  }
  return raw === null ? ok(undefined) : parsePredictAnswers(raw, flowCount);
}

/** Fails with `storage-unavailable` or `storage-full`; the message says what happened. */
export function savePredictAnswers(
  storage: StorageLike | undefined,
  exerciseId: string,
  session: PredictSession,
  now: Date = new Date(),
): Result<undefined> {
  if (!storage)
    return fail([
      issue(
        "storage-unavailable",
        "This browser does not offer local storage, so your answers are not kept.",
      ),
    ]);
  const saved: SavedPredictions = { version: 1, flows: session.flows, savedAt: now.toISOString() };
  try {
    storage.setItem(predictAnswersKey(exerciseId), JSON.stringify(saved));
    return ok(undefined);
  } catch (error) {
    return fail([
      isQuotaExceeded(error)
        ? issue("storage-full", "Browser storage is full, so your answers were not kept for next time.")
        : issue("storage-unavailable", `Your answers could not be kept (${errorText(error)}).`),
    ]);
  }
}
