/**
 * The one browser store: versioned keys, nothing thrown, nothing stored ever thrown away, and
 * records that keep their good entries when one entry is bad.
 */
import { describe, expect, it } from "vitest";
import { backupKeyOf, keyOf, parseRecord, Store } from "../../src/lib/store/store.ts";
import { LESSON_PROGRESS } from "../../src/lib/store/records/lesson-progress.ts";
import { EXERCISE_RESULTS } from "../../src/lib/store/records/exercise-results.ts";
import {
  DRAFT,
  DRAFT_HISTORY,
  HISTORY_LENGTH,
  keepInHistory,
  makeDraft,
} from "../../src/lib/store/records/draft.ts";
import { PLAYGROUND, PLAYGROUND_HISTORY } from "../../src/lib/store/records/playground.ts";
import { makeState } from "../../src/lib/playground/playground-state.ts";
import { memoryStorage } from "../exercise-ui/support.ts";

const at = new Date("2026-11-30T10:00:00Z");

describe("the browser store", () => {
  it("keeps every record under a versioned key, as earlier releases named them", () => {
    expect(keyOf(LESSON_PROGRESS)).toBe("nsg-lab:progress:v1");
    expect(keyOf(EXERCISE_RESULTS)).toBe("nsg-lab:exercises:v2");
    expect(keyOf(DRAFT, "ftp-active")).toBe("nsg-lab:draft:v1:ftp-active");
    expect(backupKeyOf(DRAFT, "ftp-active")).toBe("nsg-lab:draft-backup:v1:ftp-active");
    expect(keyOf(PLAYGROUND)).toBe("nsg-lab:playground:v1");
  });

  it("reads what it wrote, and reports nothing stored as none", () => {
    const store = new Store(memoryStorage());
    expect(store.read(DRAFT, "x")).toEqual({ status: "none" });
    const draft = makeDraft("[]", "json", at);
    expect(store.write(DRAFT, draft, "x").ok).toBe(true);
    expect(store.read(DRAFT, "x")).toMatchObject({ status: "ok", value: draft, dropped: [] });
  });

  it("reports an unusable value without changing it, and copies it to the backup before replacing it", () => {
    const storage = memoryStorage({ "nsg-lab:draft:v1:x": "{not json" });
    const store = new Store(storage);
    expect(store.read(DRAFT, "x")).toEqual({
      status: "corrupt",
      message: "it is not valid JSON",
      backupKey: "nsg-lab:draft-backup:v1:x",
    });
    expect(storage.data.get("nsg-lab:draft:v1:x")).toBe("{not json");
    store.write(DRAFT, makeDraft("[]", "json", at), "x");
    expect(storage.data.get("nsg-lab:draft-backup:v1:x")).toBe("{not json");
    expect(store.read(DRAFT, "x").status).toBe("ok");
  });

  it("moves an unusable value aside on request, and removes a record keeping an unusable one", () => {
    const storage = memoryStorage({ "nsg-lab:progress:v1": '{"version":9}' });
    const store = new Store(storage);
    expect(store.keepAside(LESSON_PROGRESS)).toBe(true);
    expect(storage.data.get("nsg-lab:progress-backup:v1")).toBe('{"version":9}');
    storage.data.set("nsg-lab:progress:v1", "garbage");
    expect(store.remove(LESSON_PROGRESS).ok).toBe(true);
    expect(storage.data.has("nsg-lab:progress:v1")).toBe(false);
    expect(storage.data.get("nsg-lab:progress-backup:v1")).toBe("garbage");
  });

  it("never throws: missing, blocked and full storage are reported in words", () => {
    expect(new Store(undefined).read(DRAFT, "x")).toMatchObject({ status: "unavailable" });
    const blocked = new Store(memoryStorage({}, { read: "blocked", write: "blocked" }));
    expect(blocked.read(LESSON_PROGRESS)).toMatchObject({ status: "unavailable" });
    expect(blocked.update(LESSON_PROGRESS, (p) => p)).toMatchObject({ ok: false });
    const full = new Store(memoryStorage({}, { write: "quota" }));
    expect(full.write(DRAFT, makeDraft("", "json", at), "x")).toMatchObject({
      ok: false,
      errors: [{ code: "storage-full" }],
    });
    expect(new Store(undefined).remove(DRAFT, "x").ok).toBe(false);
  });

  it("parses any text through a record's schema with a reason on failure", () => {
    expect(parseRecord(LESSON_PROGRESS, '{"version":1,"completed":{}}')).toEqual({
      ok: true,
      value: { version: 1, completed: {} },
    });
    expect(parseRecord(LESSON_PROGRESS, "[]")).toMatchObject({
      ok: false,
      errors: [{ code: "storage-corrupt" }],
    });
  });
});

describe("records keep their good entries", () => {
  it("one malformed date costs that lesson only, and the original is backed up on the next write", () => {
    const raw = JSON.stringify({
      version: 1,
      completed: { "new-vms": "2026-11-01T00:00:00Z", rules: "yesterday", order: "2026-11-02T00:00:00Z" },
    });
    const storage = memoryStorage({ "nsg-lab:progress:v1": raw });
    const store = new Store(storage);
    const read = store.read(LESSON_PROGRESS);
    expect(read).toMatchObject({
      status: "ok",
      value: { completed: { "new-vms": "2026-11-01T00:00:00Z", order: "2026-11-02T00:00:00Z" } },
      dropped: [{ code: "storage-corrupt", path: ["completed", "rules"] }],
    });
    store.update(LESSON_PROGRESS, (p) => ({ ...p, completed: { ...p.completed, smtp: at.toISOString() } }));
    expect(Object.keys(store.valueOf(LESSON_PROGRESS).completed).sort()).toEqual([
      "new-vms",
      "order",
      "smtp",
    ]);
    expect(storage.data.get("nsg-lab:progress-backup:v1")).toBe(raw);
  });

  it("one malformed exercise result does not make the next pass wipe every earlier pass", () => {
    const raw = JSON.stringify({
      version: 1,
      passed: { "ftp-active": "2026-11-01T00:00:00Z", "smtp-relay-on-587": "not a date" },
    });
    const store = new Store(memoryStorage({ "nsg-lab:exercises:v1": raw }));
    const results = store.update(EXERCISE_RESULTS, (r) => ({
      ...r,
      exercises: { ...r.exercises, "app-tier-asg": { passedAt: at.toISOString() } },
    }));
    expect(results).toMatchObject({
      ok: true,
      value: {
        version: 2,
        exercises: {
          "ftp-active": { passedAt: "2026-11-01T00:00:00Z" },
          "app-tier-asg": { passedAt: at.toISOString() },
        },
      },
    });
  });

  it("reads version 1 exercise results and the one-slot previous draft and playground as history", () => {
    const draft = makeDraft("az network nsg rule list", "azcli", at);
    const state = makeState("{}", "", null);
    const store = new Store(
      memoryStorage({
        "nsg-lab:draft-previous:v1:ftp-active": JSON.stringify(draft),
        "nsg-lab:playground-previous:v1": JSON.stringify({ ...state, savedAt: at.toISOString() }),
      }),
    );
    expect(store.valueOf(DRAFT_HISTORY, "ftp-active").entries).toEqual([{ ...draft, keptBecause: "reset" }]);
    expect(store.valueOf(PLAYGROUND_HISTORY).entries).toEqual([{ state, savedAt: at.toISOString() }]);
  });

  it("refuses predictions that are not allow, deny or unanswered, keeping the other results", () => {
    const parsed = EXERCISE_RESULTS.parse({
      version: 2,
      exercises: { a: { predictions: ["allow", null, "deny"] }, b: { predictions: ["maybe"] } },
    });
    expect(parsed).toMatchObject({
      ok: true,
      value: { exercises: { a: { predictions: ["allow", null, "deny"] } } },
      dropped: [{ path: ["exercises", "b"] }],
    });
  });

  it("keeps a short history of earlier drafts, newest first, without repeating the newest", () => {
    let history = DRAFT_HISTORY.empty();
    for (let i = 0; i < HISTORY_LENGTH + 2; i++)
      history = keepInHistory(history, makeDraft(`v${i}`, "json", at), "link");
    history = keepInHistory(history, makeDraft(`v${HISTORY_LENGTH + 1}`, "json", at), "reset");
    expect(history.entries.map((e) => e.text)).toEqual(["v6", "v5", "v4", "v3", "v2"]);
  });
});
