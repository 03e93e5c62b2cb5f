/**
 * Re-grade time as a learner meets it, in real Chromium: build the site, open the FTP exercise,
 * type into Monaco key by key (each pause longer than the island's debounce), and read the
 * island's "nsg-lab:regrade" measures (grade + render of the results). Target: one 60 Hz frame.
 * The same build then measures opening the editor (editor-download.ts).
 */
import { execSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { extname, join, normalize } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";
import { ms, ratio } from "./measure.ts";
import { editorDownloadBench } from "./editor-download.ts";

export const OUT = "dist-bench";
const FRAME_MS = 16;
/** ftp-active's rule, typed into the editor before the measured keys. */
const FTP_RULE = [
  "az network nsg rule create -g rg-nsg-lab --nsg-name nsg-snet-ingest --name Allow-FTP-Control-Studio",
  "--priority 200 --direction Inbound --access Allow --protocol Tcp --source-address-prefixes 198.51.100.0/28",
  "--destination-address-prefixes 10.0.3.4 --destination-port-ranges 21",
].join(" ");
const TYPES: Record<string, string> = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".ttf": "font/ttf",
  ".wasm": "application/wasm",
};

/**
 * Serves a build. `base` is the path the site was built under (as GitHub Pages serves it under
 * "/<repo>/"); `gzip` compresses responses when the browser asks, as GitHub Pages does, for
 * Lighthouse, whose simulated network counts the bytes sent.
 */
export function serve(
  root: string,
  { base = "/", gzip = false }: { base?: string; gzip?: boolean } = {},
): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    if (!pathname.startsWith(base)) return void res.writeHead(404).end();
    const path = normalize(`/${pathname.slice(base.length)}`).replace(/^(\.\.[/\\])+/, "");
    let file = join(root, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (!existsSync(file)) return void res.writeHead(404).end();
    const headers: Record<string, string> = {
      "content-type": TYPES[extname(file)] ?? "application/octet-stream",
    };
    let body = readFileSync(file);
    if (gzip && /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""))) {
      body = gzipSync(body);
      headers["content-encoding"] = "gzip";
    }
    res.writeHead(200, headers).end(body);
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({
        server,
        url: `http://127.0.0.1:${(server.address() as { port: number }).port}${base}`,
      }),
    ),
  );
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * The site built once for the browser benches, under "/" (`dist-bench/`): the whole build,
 * service worker included, so the editor's second open comes from its copy.
 */
export function buildBenchSite(): void {
  execSync("npm run build", {
    stdio: "ignore",
    env: { ...process.env, BASE_PATH: "/", ASTRO_OUT_DIR: OUT },
  });
}

export const launchChromium = () =>
  chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });

export async function browserRegradeBench(line: (label: string, value: string) => void): Promise<void> {
  console.log(
    "\n6. Re-grading while typing, in Chromium (grade with the semantic comparison, + render, per pause in typing)",
  );
  if (!existsSync(CHROMIUM)) {
    line("skipped", `no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);
    return;
  }
  buildBenchSite();
  const { server, url } = await serve(OUT);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(`${url}exercises/ftp-active/`);
    await page.getByRole("button", { name: /open the editor/i }).click();
    await page.waitForFunction(() => document.activeElement?.closest(".monaco-editor") !== null, undefined, {
      timeout: 30_000,
    });
    await page.keyboard.press("ControlOrMeta+End");
    // The starter only explains the task: put a rule in, then re-grade it key by key.
    await page.keyboard.insertText(FTP_RULE);
    await page.waitForTimeout(400);
    await page.evaluate(() => performance.clearMeasures("nsg-lab:regrade"));
    for (const key of " --description 'studio uploads'") {
      await page.keyboard.type(key);
      await page.waitForTimeout(220); // longer than the debounce: every key is re-graded
    }
    const durations = (
      await page.evaluate(() => performance.getEntriesByName("nsg-lab:regrade").map((e) => e.duration))
    ).sort((a, b) => a - b);
    line(`re-grades measured`, String(durations.length));
    line("median", `${ms(quantile(durations, 0.5))}  ${ratio(quantile(durations, 0.5), FRAME_MS)}`);
    line(
      "95th percentile",
      `${ms(quantile(durations, 0.95))}  ${ratio(quantile(durations, 0.95), FRAME_MS)}`,
    );
    await editorDownloadBench(browser, url, line);
  } finally {
    await browser.close();
    server.close();
  }
}
