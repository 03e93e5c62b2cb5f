import { describe, expect, it } from "vitest";
import { readLogAnswers, saveLogAnswers } from "../../src/lib/exercise-ui/log-answers.ts";
import { answer, checkAnswers, startLogSession } from "../../src/lib/exercise-ui/log-reading-session.ts";
import { LOG_ANSWERS } from "../../src/lib/store/records/log-answers.ts";
import { keyOf, Store } from "../../src/lib/store/store.ts";
import { memoryStorage as memory } from "./support.ts";

/** A read-logs exercise's answers, kept in the browser store (record `log-answers`) across reloads. */

const memoryStorage = () => {
  const storage = memory();
  return Object.assign(new Store(storage), { data: storage.data });
};

const session = checkAnswers(
  answer(
    answer(startLogSession(2), 0, { verdict: "deny", rule: "nsg-a/Deny-X", whyNot: ["sourceAddress"] }),
    1,
    {
      verdict: "allow",
    },
  ),
  [false, false],
  [true, false],
);
const at = new Date("2026-12-01T10:00:00.000Z");

describe("remembered log answers", () => {
  it("are read back as they were saved, under one key per exercise", () => {
    const store = memoryStorage();
    expect(readLogAnswers(store, "read-x", 2)).toEqual({ ok: true, value: undefined });
    expect(saveLogAnswers(store, "read-x", session, at)).toEqual({ ok: true, value: undefined });
    expect(JSON.parse(store.data.get(keyOf(LOG_ANSWERS, "read-x"))!)).toEqual({
      version: 1,
      questions: session.questions,
      savedAt: at.toISOString(),
    });
    expect(readLogAnswers(store, "read-x", 2)).toEqual({ ok: true, value: session });
  });

  it("saved for another number of questions read as nothing saved", () => {
    const store = memoryStorage();
    saveLogAnswers(store, "read-x", session, at);
    expect(readLogAnswers(store, "read-x", 3)).toEqual({ ok: true, value: undefined });
  });

  it("report a damaged value as storage-corrupt, and keep it aside", () => {
    for (const questions of [
      [{ answer: { verdict: "maybe" }, wrongTries: 0, revealed: false, checked: false }],
      [{ answer: { whyNot: ["because"] }, wrongTries: 0, revealed: false, checked: false }],
      [{ answer: {}, wrongTries: -1, revealed: false, checked: false }],
      [{ answer: { rule: 7 }, wrongTries: 0, revealed: false, checked: false }],
      [null],
    ]) {
      const store = memoryStorage();
      store.data.set(keyOf(LOG_ANSWERS, "read-x"), JSON.stringify({ version: 1, questions }));
      const read = readLogAnswers(store, "read-x", 1);
      expect(read.ok).toBe(false);
      if (!read.ok) expect(read.errors[0]!.code).toBe("storage-corrupt");
    }
  });
});
