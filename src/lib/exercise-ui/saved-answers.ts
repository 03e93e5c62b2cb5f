import { fail, issue, ok, type Result } from "../result.ts";
import type { RecordKind, Store } from "../store/store.ts";

/**
 * Answers an exercise keeps in the browser store without the editor (predictions, log answers):
 * one key per exercise, read and written the same way whatever the record. Nothing here throws.
 */

/**
 * The saved answers of an exercise through `pick` (undefined: they no longer line up with the
 * exercise); `ok(undefined)` when there are none. `what` names them in messages.
 */
export function readSavedAnswers<T, S>(
  store: Store,
  record: RecordKind<T>,
  exerciseId: string,
  what: string,
  pick: (saved: T) => S | undefined,
): Result<S | undefined> {
  const read = store.read(record, exerciseId);
  if (read.status === "none") return ok(undefined);
  if (read.status === "unavailable")
    return fail([issue("storage-unavailable", `Saved ${what} cannot be read (${read.message})`)]);
  if (read.status === "corrupt") return fail([issue("storage-corrupt", read.message)]);
  return ok(pick(read.value));
}

/** Fails with `storage-unavailable` or `storage-full`; the message says what happened. */
export function saveAnswers<T>(
  store: Store,
  record: RecordKind<T>,
  exerciseId: string,
  value: T,
): Result<undefined> {
  if (!store.available)
    return fail([
      issue(
        "storage-unavailable",
        "This browser does not offer local storage, so your answers are not kept.",
      ),
    ]);
  const written = store.write(record, value, exerciseId);
  if (written.ok) return ok(undefined);
  return fail([
    written.errors[0]!.code === "storage-full"
      ? issue("storage-full", "Browser storage is full, so your answers were not kept for next time.")
      : issue("storage-unavailable", `Your answers could not be kept (${written.errors[0]!.message}).`),
  ]);
}
