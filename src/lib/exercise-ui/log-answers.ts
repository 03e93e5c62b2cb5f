import { fail, issue, ok, type Result } from "../result.ts";
import { LOG_ANSWERS } from "../store/records/log-answers.ts";
import type { Store } from "../store/store.ts";
import type { LogReadingSession } from "./log-reading-session.ts";

/**
 * A learner's answers to a read-logs exercise, remembered across reloads in the browser store
 * (record `log-answers`, one key per exercise). Nothing here throws. Answers saved for another
 * number of questions (the exercise has changed since) no longer line up: they read as none.
 */

/** The saved answers of an exercise; `ok(undefined)` when there are none. */
export function readLogAnswers(
  store: Store,
  exerciseId: string,
  questionCount: number,
): Result<LogReadingSession | undefined> {
  const read = store.read(LOG_ANSWERS, exerciseId);
  if (read.status === "none") return ok(undefined);
  if (read.status === "unavailable")
    return fail([issue("storage-unavailable", `Saved answers cannot be read (${read.message})`)]);
  if (read.status === "corrupt") return fail([issue("storage-corrupt", read.message)]);
  return ok(read.value.questions.length === questionCount ? { questions: read.value.questions } : undefined);
}

/** Fails with `storage-unavailable` or `storage-full`; the message says what happened. */
export function saveLogAnswers(
  store: Store,
  exerciseId: string,
  session: LogReadingSession,
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
    LOG_ANSWERS,
    { version: 1 as const, questions: session.questions, savedAt: now.toISOString() },
    exerciseId,
  );
  if (written.ok) return ok(undefined);
  return fail([
    written.errors[0]!.code === "storage-full"
      ? issue("storage-full", "Browser storage is full, so your answers were not kept for next time.")
      : issue("storage-unavailable", `Your answers could not be kept (${written.errors[0]!.message}).`),
  ]);
}
