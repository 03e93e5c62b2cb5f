import { contentRevision, textRevision } from "./content-revision.ts";
import { precacheGroups, type BuiltFile } from "./precache-groups.ts";
import { PRECACHE_GROUPS, type PrecacheEntry, type PrecacheManifest } from "./precache-manifest.ts";
import { SERVICE_WORKER_FILE } from "./worker-protocol.ts";

const NOT_FOUND_PAGE = "404.html";

export interface SiteFile extends BuiltFile {
  bytes: Uint8Array<ArrayBuffer>;
}

/**
 * The address a file is served at, relative to the base: a folder's index.html is the folder,
 * as every link on the site writes it ("lessons/x/"), so the cached response is the one a
 * learner's navigation gets online, without a redirect.
 */
export function urlOfFile(path: string): string {
  if (path === "index.html") return "";
  return path.endsWith("/index.html") ? path.slice(0, -"index.html".length) : path;
}

/** The precache manifest of a built site: its groups, each file's revision, and the version. */
export async function buildPrecacheManifest(files: readonly SiteFile[]): Promise<PrecacheManifest> {
  const site = files.filter((f) => f.path !== SERVICE_WORKER_FILE);
  const byPath = new Map(site.map((f) => [f.path, f]));
  const paths = precacheGroups(site);
  const entries = async (group: readonly string[]): Promise<PrecacheEntry[]> =>
    Promise.all(
      group.map(async (path) => ({
        url: urlOfFile(path),
        revision: await contentRevision(byPath.get(path)!.bytes),
      })),
    );
  const groups = { core: await entries(paths.core), editor: await entries(paths.editor) };
  const version = await textRevision(JSON.stringify(PRECACHE_GROUPS.map((g) => groups[g])));
  return byPath.has(NOT_FOUND_PAGE) ? { version, groups, notFound: NOT_FOUND_PAGE } : { version, groups };
}
