import { describe, expect, it } from "vitest";
import { LEARNER } from "../../src/lib/store/records/learner.ts";
import { keyOf } from "../../src/lib/store/store.ts";

describe("record learner (the name work is handed in under)", () => {
  it("lives under one versioned key, with no id", () => {
    expect(keyOf(LEARNER)).toBe("nsg-lab:learner:v1");
  });

  it("keeps a usable name as kept", () => {
    expect(
      LEARNER.parse({ version: 1, name: " Ada  Lovelace ", savedAt: "2026-09-01T10:00:00.000Z" }),
    ).toEqual({
      ok: true,
      value: { version: 1, name: "Ada Lovelace", savedAt: "2026-09-01T10:00:00.000Z" },
      dropped: [],
    });
  });

  it("refuses another shape, version or an unusable name as storage-corrupt", () => {
    for (const json of [
      null,
      [],
      { version: 2, name: "Ada" },
      { version: 1 },
      { version: 1, name: "" },
      { version: 1, name: "a\u0007b" },
    ]) {
      const parsed = LEARNER.parse(json);
      expect(parsed.ok || parsed.errors[0]!.code, JSON.stringify(json)).toBe("storage-corrupt");
    }
  });
});
