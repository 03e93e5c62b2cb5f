import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createNodeIo } from "./io.ts";
import type { PackageIo } from "./package-command.ts";

/** A built site's files by path ("lessons/x/index.html"); links and other non-files are refused. */
export function readSiteFolder(root: string): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  const pending = [""];
  for (let dir = pending.pop(); dir !== undefined; dir = pending.pop()) {
    let entries;
    try {
      entries = readdirSync(join(root, dir), { withFileTypes: true });
    } catch (e) {
      throw new Error(
        `cannot read ${join(root, dir)}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
        { cause: e },
      );
    }
    for (const entry of entries) {
      const path = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) pending.push(path);
      else if (entry.isFile()) files.set(path, new Uint8Array(readFileSync(join(root, path))));
      else
        throw new Error(
          `${join(root, path)} is not a regular file (a link or a device): a built site has none`,
        );
    }
  }
  return files;
}

const tail = (text: string, lines: number): string => text.trimEnd().split("\n").slice(-lines).join("\n");

/**
 * Builds the site with `npm run build` under `base` into a folder of its own inside the project
 * (dist-*, ignored by git, so Vite builds inside the project root), reads it and removes it.
 */
function buildSite(base: string): Map<string, Uint8Array> {
  const outDir = `dist-package-${process.pid}`;
  try {
    const run = spawnSync("npm", ["run", "build"], {
      env: { ...process.env, BASE_PATH: base, ASTRO_OUT_DIR: `./${outDir}` },
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    if (run.error) throw new Error(`cannot run npm run build: ${run.error.message}`);
    if (run.status !== 0)
      throw new Error(
        `npm run build failed (exit ${run.status}); its last lines:\n${tail(`${run.stdout}${run.stderr}`, 30)}`,
      );
    return readSiteFolder(outDir);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

export function createPackageIo(): PackageIo {
  const io = createNodeIo();
  return {
    ...io,
    buildSite,
    readSite: readSiteFolder,
    writeBytes: (path, bytes) => writeFileSync(path, bytes),
  };
}
