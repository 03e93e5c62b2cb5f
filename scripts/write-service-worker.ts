/**
 * Writes the service worker into a built site: the precache manifest of exactly the files in
 * the output (their hashed names and revisions, src/lib/offline/build-manifest.ts) compiled
 * into src/service-worker/service-worker.ts, bundled to one classic script at the site's root.
 * It runs after `astro build` and Pagefind, so both their outputs are listed. The manifest is
 * relative to the worker's scope, so one build works under any base path.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { build } from "esbuild";
import { buildPrecacheManifest, type SiteFile } from "../src/lib/offline/build-manifest.ts";
import { SERVICE_WORKER_FILE } from "../src/lib/offline/worker-protocol.ts";
import type { PrecacheManifest } from "../src/lib/offline/precache-manifest.ts";

/** Files that can name other files (pages, scripts, styles, data). */
const TEXT_FILE = /\.(?:html|js|mjs|css|json)$/;

function siteFiles(outDir: string): SiteFile[] {
  return readdirSync(outDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const path = relative(outDir, join(entry.parentPath, entry.name)).split(sep).join("/");
      const bytes = new Uint8Array(readFileSync(join(outDir, path)));
      return TEXT_FILE.test(path) ? { path, bytes, text: new TextDecoder().decode(bytes) } : { path, bytes };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}

export interface WrittenServiceWorker {
  manifest: PrecacheManifest;
  /** Bytes per group, for the build's summary line. */
  bytes: Record<keyof PrecacheManifest["groups"], number>;
}

export async function writeServiceWorker(outDir: string): Promise<WrittenServiceWorker> {
  const files = siteFiles(outDir);
  const manifest = await buildPrecacheManifest(files);
  const sizes = new Map(files.map((f) => [f.path, f.bytes.byteLength]));
  const bytesOf = (urls: { url: string }[]) =>
    urls.reduce((sum, { url }) => sum + (sizes.get(url) ?? sizes.get(`${url}index.html`) ?? 0), 0);
  const bundle = await build({
    entryPoints: [new URL("../src/service-worker/service-worker.ts", import.meta.url).pathname],
    bundle: true,
    // A classic script: module service workers are not supported by every browser yet.
    format: "iife",
    target: "es2022",
    minify: true,
    write: false,
    legalComments: "none",
    define: { __NSG_LAB_PRECACHE__: JSON.stringify(manifest) },
  });
  writeFileSync(join(outDir, SERVICE_WORKER_FILE), bundle.outputFiles[0]!.contents);
  return {
    manifest,
    bytes: { core: bytesOf(manifest.groups.core), editor: bytesOf(manifest.groups.editor) },
  };
}
