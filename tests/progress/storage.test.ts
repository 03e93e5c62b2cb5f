import { describe, expect, it } from "vitest";
import {
  clearProgress,
  emptyProgress,
  markComplete,
  parseProgress,
  PROGRESS_KEY,
  readProgress,
  type Progress,
  updateProgress,
  writeProgress,
} from "../../src/lib/progress/index.ts";
import { memoryStorage } from "./memory-storage.ts";

const at = new Date("2025-01-02T03:04:05.000Z");

describe("reading progress", () => {
  it("uses one versioned key", () => expect(PROGRESS_KEY).toBe("nsg-lab:progress:v1"));

  it("treats nothing stored as empty progress", () => {
    expect(readProgress(memoryStorage())).toEqual({ ok: true, value: emptyProgress() });
  });

  it("reads what it wrote", () => {
    const storage = memoryStorage();
    const progress = markComplete(emptyProgress(), "rules", at);
    expect(writeProgress(storage, progress).ok).toBe(true);
    expect(readProgress(storage)).toEqual({ ok: true, value: progress });
  });

  it("reports invalid JSON as corrupt", () => {
    const result = readProgress(memoryStorage({ [PROGRESS_KEY]: "{not json" }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.code).toBe("storage-corrupt");
  });

  it.each([
    ["a wrong version", { version: 2, completed: {} }],
    ["a missing field", { version: 1 }],
    ["a non-date completion", { version: 1, completed: { rules: "yesterday" } }],
    ["an array", []],
    ["null", null],
  ])("reports %s as corrupt, with the path of the problem", (_name, value) => {
    const result = parseProgress(JSON.stringify(value));
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors.every((e) => e.code === "storage-corrupt" && Array.isArray(e.path))).toBe(true);
  });

  it("points at the offending lesson", () => {
    const result = parseProgress(JSON.stringify({ version: 1, completed: { rules: 42 } }));
    expect(result.ok ? [] : result.errors[0]?.path).toEqual(["completed", "rules"]);
  });

  it("reports missing or throwing storage as unavailable, without throwing", () => {
    for (const storage of [undefined, memoryStorage({}, true)]) {
      const result = readProgress(storage);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.errors[0]?.code).toBe("storage-unavailable");
    }
    expect(writeProgress(memoryStorage({}, true), emptyProgress()).ok).toBe(false);
    expect(clearProgress(undefined).ok).toBe(false);
  });
});

describe("updating progress", () => {
  it("reads, changes and writes", () => {
    const storage = memoryStorage();
    updateProgress(storage, (p) => markComplete(p, "a", at));
    const result = updateProgress(storage, (p) => markComplete(p, "b", at));
    expect(result.ok && Object.keys(result.value.completed)).toEqual(["a", "b"]);
    expect((JSON.parse(storage.data.get(PROGRESS_KEY)!) as Progress).completed).toHaveProperty("b");
  });

  it("replaces corrupt progress instead of failing forever", () => {
    const storage = memoryStorage({ [PROGRESS_KEY]: "garbage" });
    const result = updateProgress(storage, (p) => markComplete(p, "a", at));
    expect(result.ok).toBe(true);
    expect(readProgress(storage).ok).toBe(true);
  });

  it("writes nothing when storage is unavailable", () => {
    const result = updateProgress(memoryStorage({}, true), (p) => markComplete(p, "a", at));
    expect(result.ok).toBe(false);
  });

  it("clears progress", () => {
    const storage = memoryStorage({ [PROGRESS_KEY]: "garbage" });
    expect(clearProgress(storage).ok).toBe(true);
    expect(storage.data.has(PROGRESS_KEY)).toBe(false);
  });
});
