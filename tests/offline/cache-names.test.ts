/** Cache names carry the site's path: one github.io origin holds every project site of its owner. */
import { describe, expect, it } from "vitest";
import { cacheName, otherVersions, parseCacheName } from "../../src/lib/offline/cache-names.ts";

describe("cache names", () => {
  it("name a group of one version of one site, and read back", () => {
    const name = cacheName({ group: "editor", version: "abc123", scopePath: "/nsg-lab/" });
    expect(name).toBe("nsg-lab editor abc123 /nsg-lab/");
    expect(parseCacheName(name)).toEqual({ group: "editor", version: "abc123", scopePath: "/nsg-lab/" });
  });

  it("read a scope path with spaces whole", () => {
    expect(parseCacheName("nsg-lab core v1 /my course/")?.scopePath).toBe("/my course/");
  });

  it("are not ours when the prefix, group or parts differ", () => {
    for (const name of [
      "workbox-precache-v2",
      "nsg-lab fonts v1 /nsg-lab/",
      "nsg-lab core v1",
      "other core v1 /nsg-lab/",
    ])
      expect(parseCacheName(name), name).toBeUndefined();
  });

  it("find this site's other versions only, never another site's caches or the current version", () => {
    const names = [
      "nsg-lab core new /nsg-lab/",
      "nsg-lab editor new /nsg-lab/",
      "nsg-lab core old /nsg-lab/",
      "nsg-lab editor old /nsg-lab/",
      "nsg-lab core old /someone-elses-fork/",
      "another-app-cache",
    ];
    expect(otherVersions(names, "/nsg-lab/", "new")).toEqual([
      "nsg-lab core old /nsg-lab/",
      "nsg-lab editor old /nsg-lab/",
    ]);
  });
});
