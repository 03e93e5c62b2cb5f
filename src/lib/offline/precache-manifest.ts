/**
 * What the service worker keeps for offline use, written at build time from the built site
 * (scripts/build-service-worker.ts) and compiled into sw.js. Two groups: `core` is cached when
 * the worker installs (every page and what the pages load without opening an editor); `editor`
 * (Monaco, its workers and the large-rules grader) only once a learner has opened an editor,
 * so a first visit does not download ten megabytes the learner may never use.
 */
export const PRECACHE_GROUPS = ["core", "editor"] as const;
export type PrecacheGroup = (typeof PRECACHE_GROUPS)[number];

export interface PrecacheEntry {
  /** Relative to the service worker's scope (the site's base path): "", "lessons/x/", "_astro/a.js". */
  url: string;
  /** The content's hash (`contentRevision`): the worker caches these bytes and no others. */
  revision: string;
}

export interface PrecacheManifest {
  /** One hash over every entry: a deploy that changes any byte is a new version. */
  version: string;
  groups: Record<PrecacheGroup, PrecacheEntry[]>;
  /** The page served for an unknown address when the network is off, if the site has one. */
  notFound?: string;
}

/** The group each precached URL belongs to. */
export function groupOfUrl(manifest: PrecacheManifest): Map<string, PrecacheGroup> {
  const groups = new Map<string, PrecacheGroup>();
  for (const group of PRECACHE_GROUPS)
    for (const entry of manifest.groups[group]) groups.set(entry.url, group);
  return groups;
}
