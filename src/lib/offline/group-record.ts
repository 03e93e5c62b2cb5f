import { PRECACHE_GROUPS, type PrecacheEntry, type PrecacheGroup } from "./precache-manifest.ts";

/**
 * Written into a group's cache after its last file: the group is complete, and these are the
 * revisions it holds. A later version reuses the files whose revision it shares instead of
 * downloading them again (an update that changes one lesson fetches that page, not Monaco),
 * and keeps the editor group if the learner had it.
 */
export interface GroupRecord {
  version: string;
  group: PrecacheGroup;
  entries: PrecacheEntry[];
}

/** Where a group's record is kept in its cache, relative to the scope; never a site file. */
export const groupRecordUrl = (group: PrecacheGroup): string => `__offline/${group}.json`;

const isEntry = (value: unknown): value is PrecacheEntry =>
  typeof value === "object" &&
  value !== null &&
  typeof (value as PrecacheEntry).url === "string" &&
  typeof (value as PrecacheEntry).revision === "string";

/** A record read back from a cache; undefined when it is not one (another build's format, damage). */
export function readGroupRecord(value: unknown): GroupRecord | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const { version, group, entries } = value as Partial<Record<keyof GroupRecord, unknown>>;
  const known = PRECACHE_GROUPS.find((g) => g === group);
  if (typeof version !== "string" || !known || !Array.isArray(entries) || !entries.every(isEntry))
    return undefined;
  return { version, group: known, entries };
}
