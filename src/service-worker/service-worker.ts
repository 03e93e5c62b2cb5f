/**
 * NSG Lab's service worker, bundled to <base>sw.js by scripts/build-service-worker.ts with the
 * build's precache manifest compiled in. The decisions live in src/lib/offline; this file binds
 * them to the worker's events.
 *
 * - install: cache the core group (every page and what pages load), and the editor group too
 *   when the learner had it with the previous version. Each file is checked against its
 *   revision. The new version then waits: pages keep the version they were loaded with until
 *   the learner chooses Reload (or every tab closes); nothing reloads under them.
 * - activate: drop other versions' caches and control open pages (the first visit's too).
 * - fetch: a precached file comes from this version's cache, anything else from the network;
 *   an unknown page with the network off gets the cached 404 page.
 * - message: "keep the editor offline" caches the editor group; "activate" is the learner's Reload.
 */
import { cacheName, otherVersions } from "../lib/offline/cache-names.ts";
import { contentRevision } from "../lib/offline/content-revision.ts";
import { groupRecordUrl, readGroupRecord, type GroupRecord } from "../lib/offline/group-record.ts";
import { hadEditor, planGroup, type EntrySource, type KeptGroup } from "../lib/offline/install-plan.ts";
import { OFFLINE_MESSAGES, readOfflineMessage } from "../lib/offline/worker-protocol.ts";
import { groupOfUrl, type PrecacheGroup, type PrecacheManifest } from "../lib/offline/precache-manifest.ts";
import { precachedUrlFor } from "../lib/offline/precache-routing.ts";

declare const self: ServiceWorkerGlobalScope;
/** Replaced with the manifest's JSON when the worker is bundled. */
declare const __NSG_LAB_PRECACHE__: PrecacheManifest;

const manifest = __NSG_LAB_PRECACHE__;
const scope = self.registration.scope;
const scopePath = new URL(scope).pathname;
const groupOf = groupOfUrl(manifest);
const precached = new Set(groupOf.keys());
const cacheOf = (group: PrecacheGroup) => cacheName({ group, version: manifest.version, scopePath });
const absolute = (url: string) => new URL(url, scope).href;
/** Downloads at once: enough to fill the connection, few enough not to crowd out the page's own requests. */
const PARALLEL_DOWNLOADS = 6;

/** The complete groups other versions left, for their unchanged files (and to know the learner's choices). */
async function keptGroups(): Promise<KeptGroup[]> {
  const kept: KeptGroup[] = [];
  for (const name of otherVersions(await caches.keys(), scopePath, manifest.version)) {
    const cache = await caches.open(name);
    for (const group of ["core", "editor"] as const) {
      const response = await cache.match(absolute(groupRecordUrl(group)));
      const record = readGroupRecord(await response?.json().catch(() => undefined));
      if (record) kept.push({ cacheName: name, record });
    }
  }
  return kept;
}

/** The response a precached file is stored as, its bytes checked against the manifest. */
async function download({ url, revision }: { url: string; revision: string }): Promise<Response> {
  // Vite's _astro/ names carry their content hash, so the HTTP cache may answer; any other file
  // (pages, Pagefind's index) is revalidated with the server.
  const response = await fetch(absolute(url), { cache: url.startsWith("_astro/") ? "default" : "no-cache" });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const bytes = await response.arrayBuffer();
  const actual = await contentRevision(bytes);
  if (actual !== revision)
    throw new Error(`${url}: revision ${actual}, expected ${revision} (a deploy in progress?)`);
  // A fresh Response drops `redirected`, which a navigation may not be answered with.
  return new Response(bytes, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}

async function fill(cache: Cache, source: EntrySource): Promise<void> {
  const url = absolute(source.entry.url);
  const copy = source.from === "cache" ? await (await caches.open(source.cacheName)).match(url) : undefined;
  await cache.put(url, copy ?? (await download(source.entry)));
}

const filling = new Map<PrecacheGroup, Promise<void>>();

/** Caches every file of a group, then its record; a group already complete costs one lookup. */
function precacheGroup(group: PrecacheGroup, kept: Promise<KeptGroup[]> = keptGroups()): Promise<void> {
  const running = filling.get(group);
  if (running) return running;
  const work = (async () => {
    const cache = await caches.open(cacheOf(group));
    if (await cache.match(absolute(groupRecordUrl(group)))) return;
    const present = new Set((await cache.keys()).map((request) => request.url.slice(scope.length)));
    const todo = planGroup(manifest.groups[group], present, await kept);
    const next = () => todo.shift();
    const worker = async () => {
      for (let source = next(); source; source = next()) await fill(cache, source);
    };
    await Promise.all(Array.from({ length: PARALLEL_DOWNLOADS }, worker));
    const record: GroupRecord = { version: manifest.version, group, entries: manifest.groups[group] };
    const json = { headers: { "content-type": "application/json" } };
    await cache.put(absolute(groupRecordUrl(group)), new Response(JSON.stringify(record), json));
  })().finally(() => filling.delete(group));
  filling.set(group, work);
  return work;
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const kept = keptGroups();
      await precacheGroup("core", kept);
      if (hadEditor(await kept)) await precacheGroup("editor", kept);
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const stale = otherVersions(await caches.keys(), scopePath, manifest.version);
      await Promise.all(stale.map((name) => caches.delete(name)));
      await self.clients.claim();
    })(),
  );
});

async function respond(request: Request, url: string, group: PrecacheGroup): Promise<Response> {
  const cached = await caches.match(absolute(url), { cacheName: cacheOf(group) });
  return cached ?? fetch(request);
}

async function navigateWithoutCache(request: Request): Promise<Response> {
  try {
    return await fetch(request);
  } catch (error) {
    const notFound =
      manifest.notFound && (await caches.match(absolute(manifest.notFound), { cacheName: cacheOf("core") }));
    if (!notFound) throw error;
    return new Response(notFound.body, { status: 404, statusText: "Not Found", headers: notFound.headers });
  }
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET") return;
  const url = precachedUrlFor(request.url, scope, precached);
  const group = url === undefined ? undefined : groupOf.get(url);
  if (url !== undefined && group) event.respondWith(respond(request, url, group));
  else if (request.mode === "navigate" && request.url.startsWith(scope))
    event.respondWith(navigateWithoutCache(request));
});

self.addEventListener("message", (event) => {
  const message = readOfflineMessage(event.data);
  if (message === OFFLINE_MESSAGES.activateNewVersion) event.waitUntil(self.skipWaiting());
  else if (message === OFFLINE_MESSAGES.keepEditorOffline) event.waitUntil(precacheGroup("editor"));
});
