import { parseLogAnswer } from "../../grader/log-answer.ts";
import type { LogReadingSession, QuestionAttempt } from "../../exercise-ui/log-reading-session.ts";
import type { RecordKind } from "../store.ts";
import { accept, isObject, refuse } from "./validate.ts";

/** A read-logs exercise's answers and tries, per question (the record's id is the exercise id). */
export interface SavedLogAnswers extends LogReadingSession {
  version: 1;
  /** ISO 8601. */
  savedAt: string;
}

function attempt(value: unknown): QuestionAttempt | undefined {
  if (!isObject(value)) return undefined;
  const answer = parseLogAnswer(value.answer);
  const tries = value.wrongTries;
  if (!answer || typeof tries !== "number" || !Number.isInteger(tries) || tries < 0) return undefined;
  if (typeof value.revealed !== "boolean" || typeof value.checked !== "boolean") return undefined;
  return { answer, wrongTries: tries, revealed: value.revealed, checked: value.checked };
}

export const LOG_ANSWERS: RecordKind<SavedLogAnswers> = {
  name: "log-answers",
  version: 1,
  parse(json) {
    if (!isObject(json) || json.version !== 1 || !Array.isArray(json.questions))
      return refuse("storage-corrupt", "Saved log answers have an unknown shape.");
    const questions = json.questions.map(attempt);
    if (questions.some((q) => q === undefined))
      return refuse("storage-corrupt", "A saved log answer has an unknown shape.");
    const savedAt = typeof json.savedAt === "string" ? json.savedAt : "";
    return accept({ version: 1, questions: questions as QuestionAttempt[], savedAt });
  },
};
