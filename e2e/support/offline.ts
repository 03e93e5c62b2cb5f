import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";
import { expect, type Page } from "@playwright/test";
import { E2E_BASE } from "../../playwright.config.ts";
import { parseCacheName, type CacheName } from "../../src/lib/offline/cache-names.ts";
import { groupRecordUrl } from "../../src/lib/offline/group-record.ts";

/** The build the e2e web server serves (playwright.config.ts builds it before any journey). */
export const BUILT_SITE = process.env.ASTRO_OUT_DIR ?? "./dist";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".ttf": "font/ttf",
};

/**
 * A static host for journeys that need what the shared preview server can't give: to stop
 * (the network is really gone) or to change what it serves (a new deploy at the same address).
 * It answers like GitHub Pages: the site under E2E_BASE, a folder by its index.html (a folder
 * without its slash redirected), 404.html for anything else, and `Cache-Control: max-age=600`,
 * so a worker that trusted the HTTP cache after a deploy would get the previous version's pages.
 */
export interface SiteHost {
  /** The site's address, base path included. */
  url: string;
  /** Paths asked for, in order, since the host started or `requests.length = 0`. */
  requests: string[];
  /** Serve another folder from now on: a deploy. */
  deploy(folder: string): void;
  close(): Promise<void>;
}

export async function hostSite(folder: string): Promise<SiteHost> {
  let root = folder;
  const requests: string[] = [];
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://host").pathname);
    requests.push(path);
    const inSite = path.startsWith(E2E_BASE) ? normalize(path.slice(E2E_BASE.length)) : undefined;
    const file = inSite === undefined || inSite.startsWith("..") ? undefined : join(root, inSite);
    if (file && existsSync(file) && statSync(file).isDirectory() && !path.endsWith("/")) {
      response.writeHead(301, { location: `${path}/` }).end();
      return;
    }
    const page = file && existsSync(file) && statSync(file).isDirectory() ? join(file, "index.html") : file;
    const found = page !== undefined && existsSync(page);
    const served = found ? page : join(root, "404.html");
    response.writeHead(found ? 200 : 404, {
      "content-type": TYPES[extname(served)] ?? "application/octet-stream",
      "cache-control": "max-age=600",
    });
    response.end(readFileSync(served));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${E2E_BASE}`,
    requests,
    deploy: (next) => {
      root = next;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** A copy of the built site that a journey may change, removed by `dispose`. */
export function copyOfBuiltSite(): { folder: string; dispose: () => void } {
  const folder = mkdtempSync(join(tmpdir(), "nsg-lab-site-"));
  cpSync(BUILT_SITE, folder, { recursive: true });
  return { folder, dispose: () => rmSync(folder, { recursive: true, force: true }) };
}

/** Waits until the service worker has installed (the course is cached) and controls the page. */
export async function waitForOfflineCopy(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** The groups this site's service worker has cached completely, with their versions. */
export async function offlineGroups(page: Page): Promise<CacheName[]> {
  const ours = (await page.evaluate(() => caches.keys()))
    .map((name) => ({ name, parsed: parseCacheName(name) }))
    .filter((c) => c.parsed?.scopePath === E2E_BASE);
  const complete: CacheName[] = [];
  for (const { name, parsed } of ours) {
    const record = new URL(`${E2E_BASE}${groupRecordUrl(parsed!.group)}`, page.url()).href;
    const has = await page.evaluate(
      async ([cache, url]) => (await (await caches.open(cache!)).match(url!)) !== undefined,
      [name, record],
    );
    if (has) complete.push(parsed!);
  }
  return complete;
}

/** Waits until the editor's files are cached too (asked for when an editor opens). */
export async function waitForOfflineEditor(page: Page): Promise<void> {
  await expect
    .poll(async () => (await offlineGroups(page)).map((g) => g.group), { timeout: 30_000 })
    .toContain("editor");
}
