import { describe, expect, it } from "vitest";
import { LEARNER_KEY, readLearnerName, saveLearnerName } from "../../src/lib/exercise-ui/learner-identity.ts";
import { checkLearnerName, MAX_LEARNER_NAME } from "../../src/lib/exercise-ui/learner-name.ts";
import { Store, type StorageLike } from "../../src/lib/store/store.ts";

function memory(
  initial: Record<string, string> = {},
  full = false,
): StorageLike & { data: Record<string, string> } {
  const data = { ...initial };
  return {
    data,
    getItem: (k) => data[k] ?? null,
    setItem: (k, v) => {
      if (full) throw Object.assign(new Error("quota"), { name: "QuotaExceededError" });
      data[k] = v;
    },
    removeItem: (k) => {
      delete data[k];
    },
  };
}

describe("the learner's name", () => {
  it("is kept trimmed, with runs of spaces made one", () => {
    expect(checkLearnerName("  Ada   Lovelace\t")).toEqual({ ok: true, value: "Ada Lovelace" });
  });

  it("must be there, short enough and free of control characters", () => {
    const blank = checkLearnerName("   ");
    expect(blank.ok || blank.errors[0]!.code).toBe("missing-field");
    const long = checkLearnerName("x".repeat(MAX_LEARNER_NAME + 1));
    expect(long.ok || long.errors[0]!.code).toBe("value-too-long");
    const hidden = checkLearnerName("eve\u202egnp.exe");
    expect(hidden.ok || hidden.errors[0]!.code).toBe("invalid-value");
  });

  it("is saved once in the versioned store and read back", () => {
    const storage = memory();
    const store = new Store(storage);
    expect(readLearnerName(store)).toEqual({ ok: true, value: undefined });
    expect(saveLearnerName(store, " s1234567 ", new Date("2026-09-01T10:00:00Z"))).toEqual({
      ok: true,
      value: "s1234567",
    });
    expect(LEARNER_KEY).toBe("nsg-lab:learner:v1");
    expect(JSON.parse(storage.data[LEARNER_KEY]!)).toEqual({
      version: 1,
      name: "s1234567",
      savedAt: "2026-09-01T10:00:00.000Z",
    });
    expect(readLearnerName(store)).toEqual({ ok: true, value: "s1234567" });
  });

  it("reads a damaged record as no name, so the learner types it again", () => {
    const store = new Store(memory({ [LEARNER_KEY]: '{"version":1,"name":"\\u0007"}' }));
    expect(readLearnerName(store)).toEqual({ ok: true, value: undefined });
  });

  it("says so when storage refuses it", () => {
    const full = saveLearnerName(new Store(memory({}, true)), "Ada");
    expect(full.ok || full.errors[0]!.code).toBe("storage-full");
    const none = saveLearnerName(new Store(undefined), "Ada");
    expect(none.ok || none.errors[0]!.code).toBe("storage-unavailable");
    expect(saveLearnerName(new Store(undefined), "").ok).toBe(false);
  });
});
