import { describe, expect, it } from "vitest";
import {
  exportProgress,
  importProgress,
  mergeExercises,
  parseProgressFile,
  progressFileName,
} from "../../src/lib/store/progress-file.ts";
import { Store } from "../../src/lib/store/store.ts";
import { EXERCISE_RESULTS } from "../../src/lib/store/records/exercise-results.ts";
import { LESSON_PROGRESS } from "../../src/lib/store/records/lesson-progress.ts";
import { memoryStorage } from "../exercise-ui/support.ts";

const at = new Date("2026-12-01T09:00:00Z");
function storeWith(lessons: Record<string, string>, passes: Record<string, string>) {
  const store = new Store(memoryStorage());
  store.write(LESSON_PROGRESS, { version: 1, completed: lessons });
  store.write(EXERCISE_RESULTS, {
    version: 2,
    exercises: Object.fromEntries(Object.entries(passes).map(([id, d]) => [id, { passedAt: d }])),
  });
  return store;
}

describe("progress files", () => {
  it("carries progress from one browser to another and merges without dropping a pass", () => {
    const laptop = storeWith({ "new-vms": "2026-11-01T00:00:00Z" }, { "ftp-active": "2026-11-03T00:00:00Z" });
    const phone = storeWith(
      { smtp: "2026-11-02T00:00:00Z" },
      { "ftp-active": "2026-11-05T00:00:00Z", "app-tier-asg": "2026-11-04T00:00:00Z" },
    );
    const text = JSON.stringify(exportProgress(laptop, at));
    const file = parseProgressFile(text);
    if (!file.ok) throw new Error(file.errors[0]!.message);
    expect(importProgress(phone, file.value)).toEqual({
      ok: true,
      value: { lessonsAdded: 1, passesAdded: 0 },
    });
    expect(phone.valueOf(LESSON_PROGRESS).completed).toEqual({
      smtp: "2026-11-02T00:00:00Z",
      "new-vms": "2026-11-01T00:00:00Z",
    });
    // The earlier pass date wins; a pass only the phone has stays.
    expect(phone.valueOf(EXERCISE_RESULTS).exercises).toEqual({
      "ftp-active": { passedAt: "2026-11-03T00:00:00Z" },
      "app-tier-asg": { passedAt: "2026-11-04T00:00:00Z" },
    });
    expect(progressFileName(at)).toBe("nsg-lab-progress-2026-12-01.json");
  });

  it("never turns a pass into no pass", () => {
    const merged = mergeExercises(
      { version: 2, exercises: { a: { passedAt: "2026-11-01T00:00:00Z" } } },
      { version: 2, exercises: { a: { attemptedAt: "2026-11-09T00:00:00Z" } } },
    );
    expect(merged.exercises.a).toEqual({
      passedAt: "2026-11-01T00:00:00Z",
      attemptedAt: "2026-11-09T00:00:00Z",
    });
  });

  it("refuses anything that is not a progress file, saying why", () => {
    for (const text of [
      "{",
      "[]",
      '{"format":"other"}',
      '{"format":"nsg-lab-progress","version":7}',
      "x".repeat(1_000_001),
    ])
      expect(parseProgressFile(text)).toMatchObject({
        ok: false,
        errors: [{ code: "progress-file-invalid" }],
      });
    expect(
      parseProgressFile('{"format":"nsg-lab-progress","version":1,"lessons":{"version":1},"exercises":{}}'),
    ).toMatchObject({ ok: false, errors: [{ message: expect.stringContaining("damaged") as unknown }] });
  });

  it("reports storage that will not take the import", () => {
    const file = exportProgress(storeWith({}, {}), at);
    expect(importProgress(new Store(memoryStorage({}, { write: "quota" })), file)).toMatchObject({
      ok: false,
    });
  });
});
