import type { Result } from "../result.ts";
import { LOG_ANSWERS } from "../store/records/log-answers.ts";
import type { Store } from "../store/store.ts";
import type { LogReadingSession } from "./log-reading-session.ts";
import { readSavedAnswers, saveAnswers } from "./saved-answers.ts";

/**
 * A learner's answers to a read-logs exercise, remembered across reloads in the browser store
 * (record `log-answers`, one key per exercise). Nothing here throws. Answers saved for another
 * number of questions (the exercise has changed since) no longer line up: they read as none.
 */

/** The saved answers of an exercise; `ok(undefined)` when there are none. */
export const readLogAnswers = (
  store: Store,
  exerciseId: string,
  questionCount: number,
): Result<LogReadingSession | undefined> =>
  readSavedAnswers(store, LOG_ANSWERS, exerciseId, "answers", (saved) =>
    saved.questions.length === questionCount ? { questions: saved.questions } : undefined,
  );

export const saveLogAnswers = (
  store: Store,
  exerciseId: string,
  session: LogReadingSession,
  now: Date = new Date(),
): Result<undefined> =>
  saveAnswers(store, LOG_ANSWERS, exerciseId, {
    version: 1 as const,
    questions: session.questions,
    savedAt: now.toISOString(),
  });
