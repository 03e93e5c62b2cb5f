import { fail, issue, ok, type Result } from "../result.ts";
import { LEARNER } from "../store/records/learner.ts";
import { keyOf, type Store } from "../store/store.ts";
import { checkLearnerName } from "./learner-name.ts";

/**
 * The learner's name in the browser store (record `learner`): read by every download, saved
 * from any exercise or assignment page. Nothing here throws.
 */
export const LEARNER_KEY = keyOf(LEARNER);

/** Dispatched on the document when the name changes, so every name on the page follows. */
export const LEARNER_CHANGED_EVENT = "nsg-lab:learner-changed";

/** The saved name; `ok(undefined)` when none is saved (or it was unusable: the learner types it again). */
export function readLearnerName(store: Store): Result<string | undefined> {
  const read = store.read(LEARNER);
  if (read.status === "unavailable")
    return fail([issue("storage-unavailable", `Your saved name cannot be read (${read.message}).`)]);
  return ok(read.status === "ok" ? read.value.name : undefined);
}

/** Checks and saves a typed name; the value is the name as kept. */
export function saveLearnerName(store: Store, typed: string, now: Date = new Date()): Result<string> {
  const name = checkLearnerName(typed);
  if (!name.ok) return name;
  if (!store.available)
    return fail([
      issue(
        "storage-unavailable",
        "This browser does not offer local storage: your name is used on this page only.",
      ),
    ]);
  const written = store.write(LEARNER, { version: 1 as const, name: name.value, savedAt: now.toISOString() });
  if (written.ok) return ok(name.value);
  return fail([
    written.errors[0]!.code === "storage-full"
      ? issue("storage-full", "Browser storage is full, so your name is used on this page only.")
      : issue("storage-unavailable", `Your name could not be kept (${written.errors[0]!.message}).`),
  ]);
}
