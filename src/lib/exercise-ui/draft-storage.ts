import { isQuotaExceeded, type StorageLike } from "../progress/storage.ts";
import { fail, issue, ok, type Result } from "../result.ts";
import { isEditorFormat, type EditorFormat } from "./editor-format.ts";

/**
 * A learner's unfinished rules, one versioned localStorage key per exercise. A value that does
 * not validate is never thrown away: it is moved to a backup key and reported, so a learner
 * (or support) can still recover the text. Nothing here throws: storage may be missing,
 * blocked (SecurityError) or full (QuotaExceededError).
 */

export interface Draft {
  version: 1;
  text: string;
  format: EditorFormat;
  /** ISO 8601 timestamp. */
  savedAt: string;
}

export const draftKey = (exerciseId: string): string => `nsg-lab:draft:v1:${exerciseId}`;
/** Where an unreadable draft is moved, untouched. */
export const draftBackupKey = (exerciseId: string): string => `nsg-lab:draft-backup:v1:${exerciseId}`;
/** The draft as it was before "Reset to starter" or loading other rules, for undo. */
export const previousDraftKey = (exerciseId: string): string => `nsg-lab:draft-previous:v1:${exerciseId}`;

export type DraftRead =
  | { status: "none" }
  | { status: "ok"; draft: Draft }
  /** The stored value was unusable; it now sits under `backupKey` (unless `moved` is false). */
  | { status: "corrupt"; message: string; backupKey: string; moved: boolean }
  | { status: "unavailable"; message: string };

/** Fails with `storage-unavailable` or `storage-full`; the message says what the learner can do. */
export type DraftWrite = Result<undefined>;

/** Validates a parsed draft; the issue's message is the reason it is not one ("text is missing"). */
export function validateDraft(value: unknown): Result<Draft> {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return fail([issue("invalid-type", "it is not an object")]);
  const v = value as Record<string, unknown>;
  if (v.version !== 1)
    return fail([issue("unsupported-version", `unknown version ${JSON.stringify(v.version)}`, ["version"])]);
  if (typeof v.text !== "string") return fail([issue("missing-field", "text is missing", ["text"])]);
  if (!isEditorFormat(v.format))
    return fail([issue("unknown-rule-format", `unknown format ${JSON.stringify(v.format)}`, ["format"])]);
  if (typeof v.savedAt !== "string" || Number.isNaN(Date.parse(v.savedAt)))
    return fail([issue("invalid-value", "savedAt is not a date", ["savedAt"])]);
  return ok({ version: 1, text: v.text, format: v.format, savedAt: v.savedAt });
}

export function parseDraft(raw: string): Result<Draft> {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return fail([issue("invalid-json", "it is not valid JSON")]);
  }
  return validateDraft(json);
}

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

function readKey(storage: StorageLike | undefined, key: string): DraftRead {
  if (!storage)
    return {
      status: "unavailable",
      message: "This browser does not offer local storage, so your rules are not saved.",
    };
  let raw: string | null;
  try {
    raw = storage.getItem(key);
  } catch (error) {
    return { status: "unavailable", message: `Saved rules cannot be read (${errorText(error)}).` };
  }
  if (raw === null) return { status: "none" };
  const parsed = parseDraft(raw);
  if (parsed.ok) return { status: "ok", draft: parsed.value };
  return { status: "corrupt", message: parsed.errors[0]!.message, backupKey: "", moved: false };
}

/** Reads the saved draft of an exercise; a corrupt one is moved to the backup key. */
export function readDraft(storage: StorageLike | undefined, exerciseId: string): DraftRead {
  const key = draftKey(exerciseId);
  const read = readKey(storage, key);
  if (read.status !== "corrupt" || !storage) return read;
  const backupKey = draftBackupKey(exerciseId);
  try {
    storage.setItem(backupKey, storage.getItem(key) ?? "");
    storage.removeItem(key);
    return { ...read, backupKey, moved: true };
  } catch {
    return { ...read, backupKey, moved: false };
  }
}

export const makeDraft = (text: string, format: EditorFormat, now: Date = new Date()): Draft => ({
  version: 1,
  text,
  format,
  savedAt: now.toISOString(),
});

function writeKey(storage: StorageLike | undefined, key: string, draft: Draft): DraftWrite {
  if (!storage)
    return fail([
      issue(
        "storage-unavailable",
        "This browser does not offer local storage: your rules stay in the editor but are not saved. Download them to keep them.",
      ),
    ]);
  try {
    storage.setItem(key, JSON.stringify(draft));
    return ok(undefined);
  } catch (error) {
    return fail([
      isQuotaExceeded(error)
        ? issue(
            "storage-full",
            "Browser storage is full, so your latest rules were not saved. They are still in the editor: download them or free some space.",
          )
        : issue(
            "storage-unavailable",
            `Your rules could not be saved (${errorText(error)}). They are still in the editor: download them to keep them.`,
          ),
    ]);
  }
}

export const writeDraft = (storage: StorageLike | undefined, exerciseId: string, draft: Draft): DraftWrite =>
  writeKey(storage, draftKey(exerciseId), draft);

export function clearDraft(storage: StorageLike | undefined, exerciseId: string): DraftWrite {
  try {
    storage?.removeItem(draftKey(exerciseId));
    return ok(undefined);
  } catch (error) {
    return fail([issue("storage-unavailable", `Saved rules could not be removed (${errorText(error)}).`)]);
  }
}

/** Keeps `draft` as the one restorable earlier version (before a reset or a replace). */
export const savePreviousDraft = (
  storage: StorageLike | undefined,
  exerciseId: string,
  draft: Draft,
): DraftWrite => writeKey(storage, previousDraftKey(exerciseId), draft);

export function readPreviousDraft(storage: StorageLike | undefined, exerciseId: string): Draft | undefined {
  const read = readKey(storage, previousDraftKey(exerciseId));
  return read.status === "ok" ? read.draft : undefined;
}

export function clearPreviousDraft(storage: StorageLike | undefined, exerciseId: string): void {
  try {
    storage?.removeItem(previousDraftKey(exerciseId));
  } catch {
    // Nothing to do: the undo offer simply stays.
  }
}
