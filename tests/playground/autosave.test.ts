import { describe, expect, it } from "vitest";
import {
  BACKUP_KEY,
  PREVIOUS_KEY,
  SAVE_KEY,
  readPrevious,
  readSaved,
  savePrevious,
  writeSaved,
} from "../../src/lib/playground/autosave.ts";
import { makeState, validateState } from "../../src/lib/playground/playground-state.ts";
import { memoryStorage } from "../progress/memory-storage.ts";

const state = makeState("topology: {}\n", "", {
  from: "a",
  to: "b",
  protocol: "Tcp",
  sourcePort: "",
  port: "80",
  response: true,
});

describe("the playground saves itself", () => {
  it("writes and reads back under a versioned key", () => {
    const storage = memoryStorage();
    expect(readSaved(storage)).toEqual({ status: "none" });
    expect(writeSaved(storage, state, new Date("2025-01-02T03:04:05Z"))).toEqual({ ok: true });
    expect(SAVE_KEY).toMatch(/:v1$/);
    expect(readSaved(storage)).toEqual({ status: "ok", state, savedAt: "2025-01-02T03:04:05.000Z" });
  });

  it("sets a corrupt value aside, untouched, and reports it", () => {
    const storage = memoryStorage();
    storage.setItem(SAVE_KEY, '{"version":1,"scenario":42}');
    expect(readSaved(storage)).toEqual({
      status: "corrupt",
      message: "the scenario text is missing",
      backupKey: BACKUP_KEY,
      moved: true,
    });
    expect(storage.getItem(BACKUP_KEY)).toBe('{"version":1,"scenario":42}');
    expect(storage.getItem(SAVE_KEY)).toBeNull();
    storage.setItem(SAVE_KEY, "{not json");
    expect(readSaved(storage)).toMatchObject({ status: "corrupt", message: "it is not valid JSON" });
  });

  it("never throws when storage is missing, blocked or full", () => {
    expect(readSaved(undefined)).toMatchObject({ status: "unavailable" });
    const blocked = {
      getItem: () => {
        throw new Error("SecurityError");
      },
      setItem: () => {
        throw Object.assign(new Error("full"), { name: "QuotaExceededError" });
      },
      removeItem: () => {},
    };
    expect(readSaved(blocked)).toMatchObject({
      status: "unavailable",
      message: expect.stringMatching(/SecurityError/) as unknown,
    });
    expect(writeSaved(blocked, state)).toMatchObject({
      ok: false,
      errors: [{ code: "storage-full", message: expect.stringMatching(/storage is full/) as unknown }],
    });
    expect(writeSaved(undefined, state)).toMatchObject({ ok: false });
  });

  it("keeps the previous playground for one-click restore", () => {
    const storage = memoryStorage();
    expect(readPrevious(storage)).toBeUndefined();
    savePrevious(storage, state);
    expect(storage.getItem(PREVIOUS_KEY)).not.toBeNull();
    expect(readPrevious(storage)).toEqual(state);
  });

  it("validates every field of a state", () => {
    expect(validateState({ version: 1, scenario: "", cli: "", flow: null })).toMatchObject({ ok: true });
    expect(
      validateState({
        version: 1,
        scenario: "",
        cli: "",
        flow: { from: "a", to: "b", protocol: "Tcp", sourcePort: "", port: 1, response: false },
      }),
    ).toEqual({
      ok: false,
      errors: [{ code: "invalid-type", message: "its flow's port is not text", path: ["flow", "port"] }],
    });
    expect(
      validateState({
        version: 1,
        scenario: "",
        cli: "",
        flow: { from: "a", to: "b", protocol: "Tcp", sourcePort: "", port: "", response: "yes" },
      }),
    ).toEqual({
      ok: false,
      errors: [
        {
          code: "invalid-type",
          message: "its flow's reply flag is not true or false",
          path: ["flow", "response"],
        },
      ],
    });
    expect(validateState([])).toEqual({
      ok: false,
      errors: [{ code: "invalid-type", message: "it is not an object", path: [] }],
    });
    expect(validateState({ version: 2 })).toEqual({
      ok: false,
      errors: [{ code: "unsupported-version", message: "unknown version 2", path: ["version"] }],
    });
  });
});
