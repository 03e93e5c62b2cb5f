import { describe, expect, it } from "vitest";
import {
  EXERCISE_PROGRESS_KEY,
  hasPassed,
  lessonExercisesPassed,
  parseExerciseProgress,
  readExerciseProgress,
  recordExercisePassed,
} from "../../src/lib/exercise-ui/exercise-progress.ts";
import { memoryStorage } from "./support.ts";

const first = new Date("2026-11-01T10:00:00.000Z");
const later = new Date("2026-11-02T10:00:00.000Z");

describe("exercise progress", () => {
  it("records a pass once, keeping the first date", () => {
    const storage = memoryStorage();
    recordExercisePassed(storage, "ftp-active", first);
    const again = recordExercisePassed(storage, "ftp-active", later);
    expect(again).toEqual({ ok: true, value: { version: 1, passed: { "ftp-active": first.toISOString() } } });
    expect(JSON.parse(storage.data.get(EXERCISE_PROGRESS_KEY)!)).toEqual({
      version: 1,
      passed: { "ftp-active": first.toISOString() },
    });
  });

  it("marks a lesson done only when all its exercises passed", () => {
    const storage = memoryStorage();
    const after1 = recordExercisePassed(storage, "a", first);
    expect(after1.ok && lessonExercisesPassed(after1.value, ["a", "b"])).toBe(false);
    const after2 = recordExercisePassed(storage, "b", first);
    expect(after2.ok && lessonExercisesPassed(after2.value, ["a", "b"])).toBe(true);
    expect(after2.ok && lessonExercisesPassed(after2.value, [])).toBe(false);
    expect(after2.ok && hasPassed(after2.value, "c")).toBe(false);
  });

  it("replaces a corrupt record when recording, and reports it when reading", () => {
    const storage = memoryStorage({ [EXERCISE_PROGRESS_KEY]: "{oops" });
    expect(readExerciseProgress(storage)).toMatchObject({ ok: false, errors: [{ code: "storage-corrupt" }] });
    expect(recordExercisePassed(storage, "x", first)).toEqual({
      ok: true,
      value: { version: 1, passed: { x: first.toISOString() } },
    });
    expect(parseExerciseProgress(JSON.stringify({ version: 1, passed: { x: "not a date" } }))).toMatchObject({
      ok: false,
      errors: [{ code: "storage-corrupt" }],
    });
    expect(parseExerciseProgress(JSON.stringify({ version: 2, passed: {} }))).toMatchObject({ ok: false });
  });

  it("reports unavailable storage without throwing", () => {
    expect(recordExercisePassed(undefined, "x")).toMatchObject({
      ok: false,
      errors: [{ code: "storage-unavailable" }],
    });
    expect(recordExercisePassed(memoryStorage({}, { write: "quota" }), "x")).toMatchObject({
      ok: false,
      errors: [{ code: "storage-unavailable" }],
    });
    expect(readExerciseProgress(memoryStorage({}, { read: "blocked" }))).toMatchObject({
      ok: false,
      errors: [{ code: "storage-unavailable" }],
    });
  });
});
