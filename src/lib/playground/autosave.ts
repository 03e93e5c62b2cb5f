import { isQuotaExceeded, type StorageLike } from "../progress/storage.ts";
import { fail, issue, ok, type Result } from "../result.ts";
import { validateState, type PlaygroundState } from "./playground-state.ts";

/**
 * The playground saves itself in localStorage under one versioned key. A stored value that
 * does not validate is never dropped: it is moved, untouched, to a backup key and reported.
 * Before the playground is replaced wholesale (a shared link, an exercise, "Start blank"),
 * the current state is kept under a "previous" key so one click brings it back.
 * Nothing here throws: storage may be missing, blocked or full.
 */
export const SAVE_KEY = "nsg-lab:playground:v1";
export const BACKUP_KEY = "nsg-lab:playground-backup:v1";
export const PREVIOUS_KEY = "nsg-lab:playground-previous:v1";

export type SavedRead =
  | { status: "none" }
  | { status: "ok"; state: PlaygroundState; savedAt: string }
  | { status: "corrupt"; message: string; backupKey: string; moved: boolean }
  | { status: "unavailable"; message: string };

/** Fails with `storage-unavailable` or `storage-full`; the message says what the learner can do. */
export type SaveWrite = Result<undefined>;

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** A stored value; the issue's message is the reason it is unusable ("savedAt is not a date"). */
export function parseSaved(raw: string): Result<{ state: PlaygroundState; savedAt: string }> {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return fail([issue("invalid-json", "it is not valid JSON")]);
  }
  const state = validateState(json);
  if (!state.ok) return state;
  const savedAt = (json as { savedAt?: unknown }).savedAt;
  if (typeof savedAt !== "string" || Number.isNaN(Date.parse(savedAt)))
    return fail([issue("invalid-value", "savedAt is not a date", ["savedAt"])]);
  return ok({ state: state.value, savedAt });
}

function read(storage: StorageLike | undefined, key: string): SavedRead {
  if (!storage)
    return {
      status: "unavailable",
      message: "This browser offers no local storage, so the playground is not saved.",
    };
  let raw: string | null;
  try {
    raw = storage.getItem(key);
  } catch (error) {
    return { status: "unavailable", message: `The saved playground cannot be read (${errorText(error)}).` };
  }
  if (raw === null) return { status: "none" };
  const parsed = parseSaved(raw);
  if (parsed.ok) return { status: "ok", state: parsed.value.state, savedAt: parsed.value.savedAt };
  return { status: "corrupt", message: parsed.errors[0]!.message, backupKey: BACKUP_KEY, moved: false };
}

/** The saved playground; a corrupt value is moved to BACKUP_KEY and reported. */
export function readSaved(storage: StorageLike | undefined): SavedRead {
  const result = read(storage, SAVE_KEY);
  if (result.status !== "corrupt" || !storage) return result;
  try {
    storage.setItem(BACKUP_KEY, storage.getItem(SAVE_KEY) ?? "");
    storage.removeItem(SAVE_KEY);
    return { ...result, moved: true };
  } catch {
    return result;
  }
}

function write(storage: StorageLike | undefined, key: string, state: PlaygroundState, now: Date): SaveWrite {
  if (!storage)
    return fail([
      issue(
        "storage-unavailable",
        "This browser offers no local storage: the playground is not saved. Copy a share link to keep it.",
      ),
    ]);
  try {
    storage.setItem(key, JSON.stringify({ ...state, savedAt: now.toISOString() }));
    return ok(undefined);
  } catch (error) {
    return fail([
      isQuotaExceeded(error)
        ? issue(
            "storage-full",
            "Browser storage is full, so the playground was not saved. It is still on the page: copy a share link to keep it.",
          )
        : issue(
            "storage-unavailable",
            `The playground could not be saved (${errorText(error)}). Copy a share link to keep it.`,
          ),
    ]);
  }
}

export const writeSaved = (
  storage: StorageLike | undefined,
  state: PlaygroundState,
  now: Date = new Date(),
): SaveWrite => write(storage, SAVE_KEY, state, now);

export const savePrevious = (
  storage: StorageLike | undefined,
  state: PlaygroundState,
  now: Date = new Date(),
): SaveWrite => write(storage, PREVIOUS_KEY, state, now);

export function readPrevious(storage: StorageLike | undefined): PlaygroundState | undefined {
  const result = read(storage, PREVIOUS_KEY);
  return result.status === "ok" ? result.state : undefined;
}
