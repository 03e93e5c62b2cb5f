import { PRECACHE_GROUPS, type PrecacheGroup } from "./precache-manifest.ts";

/**
 * Cache Storage is shared by the whole origin, and on GitHub Pages one origin
 * (<owner>.github.io) holds every project site of its owner: each cache name carries the
 * scope's path, so this site only ever reads or deletes its own caches.
 */
const PREFIX = "nsg-lab";

export interface CacheName {
  group: PrecacheGroup;
  version: string;
  scopePath: string;
}

export const cacheName = ({ group, version, scopePath }: CacheName): string =>
  `${PREFIX} ${group} ${version} ${scopePath}`;

export function parseCacheName(name: string): CacheName | undefined {
  const [prefix, group, version, ...scope] = name.split(" ");
  const scopePath = scope.join(" ");
  if (prefix !== PREFIX || !version || !scopePath) return undefined;
  const known = PRECACHE_GROUPS.find((g) => g === group);
  return known ? { group: known, version, scopePath } : undefined;
}

/**
 * This site's caches of other versions: read to reuse the files a new version did not change,
 * deleted once the new version takes over.
 */
export function otherVersions(names: readonly string[], scopePath: string, version: string): string[] {
  return names.filter((name) => {
    const parsed = parseCacheName(name);
    return parsed !== undefined && parsed.scopePath === scopePath && parsed.version !== version;
  });
}
