import { describe, expect, it } from "vitest";
import {
  parsePredictAnswers,
  predictAnswersKey,
  readPredictAnswers,
  savePredictAnswers,
} from "../../src/lib/exercise-ui/predict-answers.ts";
import { check, choose, reveal, startSession } from "../../src/lib/exercise-ui/predict-session.ts";
import { memoryStorage as memory } from "./support.ts";
import { Store } from "../../src/lib/store/store.ts";

/** The store over an in-memory storage, with the storage reachable as `.data`. */
const memoryStorage = (...args: Parameters<typeof memory>) => {
  const storage = memory(...args);
  return Object.assign(new Store(storage), { data: storage.data });
};

const session = reveal(
  check(choose(choose(startSession(3), 0, "allow"), 1, "deny"), [false, true, false]),
  0,
);
const at = new Date("2026-12-01T10:00:00.000Z");

describe("remembered predictions", () => {
  it("are read back as they were saved, under one key per exercise", () => {
    const storage = memoryStorage();
    expect(readPredictAnswers(storage, "which-default-rule", 3)).toEqual({ ok: true, value: undefined });
    expect(savePredictAnswers(storage, "which-default-rule", session, at)).toEqual({
      ok: true,
      value: undefined,
    });
    expect(JSON.parse(storage.data.get(predictAnswersKey("which-default-rule"))!)).toEqual({
      version: 1,
      flows: session.flows,
      savedAt: at.toISOString(),
    });
    expect(readPredictAnswers(storage, "which-default-rule", 3)).toEqual({ ok: true, value: session });
    expect(readPredictAnswers(storage, "another-exercise", 3)).toEqual({ ok: true, value: undefined });
  });

  it("saved for a different number of flows read as nothing saved", () => {
    const storage = memoryStorage();
    savePredictAnswers(storage, "x", session, at);
    expect(readPredictAnswers(storage, "x", 4)).toEqual({ ok: true, value: undefined });
  });

  it("report a damaged value as storage-corrupt", () => {
    for (const raw of [
      "{oops",
      "null",
      JSON.stringify({ version: 2, flows: [] }),
      JSON.stringify({ version: 1, flows: {} }),
      JSON.stringify({
        version: 1,
        flows: [{ answer: "maybe", wrongTries: 0, revealed: false, checked: true }],
      }),
      JSON.stringify({ version: 1, flows: [{ wrongTries: -1, revealed: false, checked: true }] }),
      JSON.stringify({ version: 1, flows: [{ wrongTries: 0, revealed: "no", checked: true }] }),
      JSON.stringify({ version: 1, flows: [null] }),
    ])
      expect(parsePredictAnswers(raw, 1), raw).toMatchObject({
        ok: false,
        errors: [{ code: "storage-corrupt" }],
      });
  });

  it("say why when storage is missing, blocked or full, without throwing", () => {
    expect(readPredictAnswers(new Store(undefined), "x", 1)).toMatchObject({
      ok: false,
      errors: [{ code: "storage-unavailable" }],
    });
    expect(readPredictAnswers(memoryStorage({}, { read: "blocked" }), "x", 1)).toMatchObject({
      ok: false,
      errors: [{ code: "storage-unavailable" }],
    });
    expect(savePredictAnswers(new Store(undefined), "x", session)).toMatchObject({
      ok: false,
      errors: [{ code: "storage-unavailable" }],
    });
    expect(savePredictAnswers(memoryStorage({}, { write: "quota" }), "x", session)).toMatchObject({
      ok: false,
      errors: [{ code: "storage-full" }],
    });
    expect(savePredictAnswers(memoryStorage({}, { write: "blocked" }), "x", session)).toMatchObject({
      ok: false,
      errors: [{ code: "storage-unavailable" }],
    });
  });
});
