/** How an install fills a group: what it already has, what an earlier version can lend, what to download. */
import { describe, expect, it } from "vitest";
import { readGroupRecord, groupRecordUrl, type GroupRecord } from "../../src/lib/offline/group-record.ts";
import { hadEditor, planGroup, type KeptGroup } from "../../src/lib/offline/install-plan.ts";

const entry = (url: string, revision: string) => ({ url, revision });
const kept = (cacheName: string, record: GroupRecord): KeptGroup => ({ cacheName, record });

describe("planning a group's install", () => {
  const wanted = [entry("", "home-2"), entry("lessons/x/", "x-1"), entry("_astro/a.js", "a-1")];
  const earlier = kept("nsg-lab core v1 /nsg-lab/", {
    version: "v1",
    group: "core",
    entries: [entry("", "home-1"), entry("lessons/x/", "x-1"), entry("_astro/a.js", "a-1")],
  });

  it("copies unchanged files from an earlier version and downloads the changed ones", () => {
    expect(planGroup(wanted, new Set(), [earlier])).toEqual([
      { entry: entry("", "home-2"), from: "network" },
      { entry: entry("lessons/x/", "x-1"), from: "cache", cacheName: earlier.cacheName },
      { entry: entry("_astro/a.js", "a-1"), from: "cache", cacheName: earlier.cacheName },
    ]);
  });

  it("skips what an interrupted install already checked and stored", () => {
    expect(planGroup(wanted, new Set(["", "_astro/a.js"]), [])).toEqual([
      { entry: entry("lessons/x/", "x-1"), from: "network" },
    ]);
  });

  it("downloads everything on a first visit", () => {
    expect(planGroup(wanted, new Set(), []).map((s) => s.from)).toEqual(["network", "network", "network"]);
  });

  it("keeps the editor through an update only for a learner who had it", () => {
    expect(hadEditor([earlier])).toBe(false);
    expect(hadEditor([earlier, kept("e", { version: "v1", group: "editor", entries: [] })])).toBe(true);
  });
});

describe("group records", () => {
  it("live at a path no site file has, one per group", () => {
    expect(groupRecordUrl("core")).toBe("__offline/core.json");
    expect(groupRecordUrl("editor")).toBe("__offline/editor.json");
  });

  it("read back what was written, and nothing that is not one", () => {
    const record: GroupRecord = { version: "v1", group: "editor", entries: [entry("_astro/a.js", "a-1")] };
    expect(readGroupRecord(JSON.parse(JSON.stringify(record)))).toEqual(record);
    for (const bad of [
      undefined,
      null,
      "v1",
      { version: "v1", group: "fonts", entries: [] },
      { version: 1, group: "core", entries: [] },
      { version: "v1", group: "core", entries: [{ url: "a" }] },
      { version: "v1", group: "core", entries: {} },
    ])
      expect(readGroupRecord(bad), JSON.stringify(bad)).toBeUndefined();
  });
});
