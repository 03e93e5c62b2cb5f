import { fail, issue, ok, type Issue, type Result } from "../result.ts";
import { emptyProgress, progressSchema, type Progress } from "./schema.ts";

/** One versioned key: a future format gets a new key (and may migrate from this one). */
export const PROGRESS_KEY = "nsg-lab:progress:v1";

/** The part of the Web Storage API we use; tests pass an in-memory fake. */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** True for the error a full storage throws (DOMException QuotaExceededError, or Firefox's name). */
export function isQuotaExceeded(error: unknown): boolean {
  return (
    error instanceof Error &&
    (error.name === "QuotaExceededError" || error.name === "NS_ERROR_DOM_QUOTA_REACHED")
  );
}

/**
 * Fails with `storage-corrupt`: the stored value is not valid progress (hand-edited, truncated,
 * other format); or `storage-unavailable`: storage is missing or throws (private mode, blocked
 * cookies, quota full).
 */
export type ProgressResult = Result<Progress>;

const corrupt = (message: string, path: Issue["path"] = []): Issue => issue("storage-corrupt", message, path);
const unavailable = (message: string): Issue => issue("storage-unavailable", message);

/** Parses a stored value; nothing stored yet is an empty, valid progress. */
export function parseProgress(raw: string | null): ProgressResult {
  if (raw === null) return ok(emptyProgress());
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    return fail([corrupt(`Saved progress is not valid JSON: ${(error as Error).message}`)]);
  }
  const parsed = progressSchema.safeParse(json);
  if (parsed.success) return ok(parsed.data);
  return fail(
    parsed.error.issues.map((iss) =>
      corrupt(
        iss.message,
        iss.path.map((p) => (typeof p === "symbol" ? String(p) : p)),
      ),
    ),
  );
}

export function readProgress(storage: StorageLike | undefined): ProgressResult {
  if (!storage) return fail([unavailable("This browser does not offer local storage.")]);
  let raw: string | null;
  try {
    raw = storage.getItem(PROGRESS_KEY);
  } catch (error) {
    return fail([unavailable(`Local storage cannot be read: ${(error as Error).message}`)]);
  }
  return parseProgress(raw);
}

export function writeProgress(storage: StorageLike | undefined, progress: Progress): ProgressResult {
  if (!storage) return fail([unavailable("This browser does not offer local storage.")]);
  try {
    storage.setItem(PROGRESS_KEY, JSON.stringify(progress));
    return ok(progress);
  } catch (error) {
    return fail([unavailable(`Local storage cannot be written: ${(error as Error).message}`)]);
  }
}

/**
 * Read, change, write. A corrupt stored value is replaced (it could not be used anyway);
 * unavailable storage is reported and nothing is written.
 */
export function updateProgress(
  storage: StorageLike | undefined,
  change: (progress: Progress) => Progress,
): ProgressResult {
  const current = readProgress(storage);
  if (!current.ok && current.errors.some((e) => e.code === "storage-unavailable")) return current;
  return writeProgress(storage, change(current.ok ? current.value : emptyProgress()));
}

/** Forgets all progress; used by the "reset" action of the damaged-progress notice. */
export function clearProgress(storage: StorageLike | undefined): ProgressResult {
  if (!storage) return fail([unavailable("This browser does not offer local storage.")]);
  try {
    storage.removeItem(PROGRESS_KEY);
    return ok(emptyProgress());
  } catch (error) {
    return fail([unavailable(`Local storage cannot be written: ${(error as Error).message}`)]);
  }
}
