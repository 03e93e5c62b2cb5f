import type { PrecacheEntry } from "./precache-manifest.ts";
import type { GroupRecord } from "./group-record.ts";

/** A complete group of an earlier version, and the cache it is in. */
export interface KeptGroup {
  cacheName: string;
  record: GroupRecord;
}

/** Where one file of a group comes from. */
export type EntrySource =
  { entry: PrecacheEntry; from: "network" } | { entry: PrecacheEntry; from: "cache"; cacheName: string };

/**
 * How to fill a group's cache. Files already in it are skipped (an earlier install that was
 * interrupted kept what it had checked); files an earlier version holds with the same
 * revision are copied from its cache; the rest are downloaded.
 */
export function planGroup(
  wanted: readonly PrecacheEntry[],
  alreadyCached: ReadonlySet<string>,
  kept: readonly KeptGroup[],
): EntrySource[] {
  const copies = new Map<string, string>();
  for (const { cacheName, record } of kept)
    for (const entry of record.entries) copies.set(`${entry.revision} ${entry.url}`, cacheName);
  return wanted
    .filter((entry) => !alreadyCached.has(entry.url))
    .map((entry): EntrySource => {
      const cacheName = copies.get(`${entry.revision} ${entry.url}`);
      return cacheName === undefined ? { entry, from: "network" } : { entry, from: "cache", cacheName };
    });
}

/** A learner who had the editor offline keeps it through an update. */
export const hadEditor = (kept: readonly KeptGroup[]): boolean =>
  kept.some((k) => k.record.group === "editor");
