import { describe, expect, it } from "vitest";
import {
  clearDraft,
  draftBackupKey,
  draftKey,
  makeDraft,
  parseDraft,
  previousDraftKey,
  readDraft,
  readPreviousDraft,
  savePreviousDraft,
  writeDraft,
} from "../../src/lib/exercise-ui/draft-storage.ts";
import { memoryStorage } from "./support.ts";

const at = new Date("2026-11-20T10:00:00.000Z");

describe("drafts", () => {
  it("uses one versioned key per exercise", () => {
    expect(draftKey("ftp-active")).toBe("nsg-lab:draft:v1:ftp-active");
  });

  it("round-trips a draft and reports none when nothing is saved", () => {
    const storage = memoryStorage();
    expect(readDraft(storage, "ftp-active")).toEqual({ status: "none" });
    expect(writeDraft(storage, "ftp-active", makeDraft("az network …", "azcli", at))).toEqual({ ok: true });
    expect(readDraft(storage, "ftp-active")).toEqual({
      status: "ok",
      draft: { version: 1, text: "az network …", format: "azcli", savedAt: at.toISOString() },
    });
    expect(clearDraft(storage, "ftp-active")).toEqual({ ok: true });
    expect(readDraft(storage, "ftp-active").status).toBe("none");
  });

  it.each([
    ["not JSON", "{nope", "not valid JSON"],
    [
      "another version",
      JSON.stringify({ version: 2, text: "", format: "json", savedAt: at.toISOString() }),
      "unknown version 2",
    ],
    [
      "an unknown format",
      JSON.stringify({ version: 1, text: "", format: "bicep", savedAt: at.toISOString() }),
      'unknown format "bicep"',
    ],
    ["no text", JSON.stringify({ version: 1, format: "json", savedAt: at.toISOString() }), "text is missing"],
    [
      "a bad date",
      JSON.stringify({ version: 1, text: "", format: "json", savedAt: "yesterday" }),
      "savedAt is not a date",
    ],
    ["an array", "[]", "not an object"],
  ])("moves a draft with %s aside, untouched, and says why", (_, raw, reason) => {
    const storage = memoryStorage({ [draftKey("x")]: raw });
    const read = readDraft(storage, "x");
    expect(read).toEqual({
      status: "corrupt",
      message: expect.stringContaining(reason) as unknown,
      backupKey: draftBackupKey("x"),
      moved: true,
    });
    expect(storage.data.get(draftBackupKey("x"))).toBe(raw);
    expect(storage.data.has(draftKey("x"))).toBe(false);
  });

  it("reports a corrupt draft it cannot move without throwing", () => {
    const storage = memoryStorage({ [draftKey("x")]: "{nope" }, { write: "blocked" });
    expect(readDraft(storage, "x")).toMatchObject({ status: "corrupt", moved: false });
  });

  it("reports missing or blocked storage instead of throwing", () => {
    expect(readDraft(undefined, "x").status).toBe("unavailable");
    expect(readDraft(memoryStorage({}, { read: "blocked" }), "x")).toMatchObject({
      status: "unavailable",
      message: expect.stringContaining("insecure") as unknown,
    });
    expect(writeDraft(undefined, "x", makeDraft("t", "json", at))).toMatchObject({
      ok: false,
      errors: [
        { code: "storage-unavailable", message: expect.stringContaining("stay in the editor") as unknown },
      ],
    });
  });

  it("explains a full storage in words, keeping the rules in the editor", () => {
    const result = writeDraft(memoryStorage({}, { write: "quota" }), "x", makeDraft("t", "json", at));
    expect(result).toEqual({
      ok: false,
      errors: [
        { code: "storage-full", message: expect.stringContaining("storage is full") as unknown, path: [] },
      ],
    });
    expect(
      writeDraft(memoryStorage({}, { write: "blocked" }), "x", makeDraft("t", "json", at)),
    ).toMatchObject({
      ok: false,
      errors: [
        { code: "storage-unavailable", message: expect.stringContaining("could not be saved") as unknown },
      ],
    });
  });

  it("keeps one previous draft for undo", () => {
    const storage = memoryStorage();
    expect(readPreviousDraft(storage, "x")).toBeUndefined();
    savePreviousDraft(storage, "x", makeDraft("old", "json", at));
    expect(storage.data.has(previousDraftKey("x"))).toBe(true);
    expect(readPreviousDraft(storage, "x")?.text).toBe("old");
  });

  it("validates parsed drafts", () => {
    expect(parseDraft(JSON.stringify(makeDraft("a", "json", at)))).toEqual({
      ok: true,
      value: makeDraft("a", "json", at),
    });
  });
});
