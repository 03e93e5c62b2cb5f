/**
 * Re-grade time as a learner meets it, in real Chromium: build the site, open the FTP exercise,
 * type into Monaco key by key (each pause longer than the island's debounce), and read the
 * island's "nsg-lab:regrade" measures (grade + render of the results). Target: one 60 Hz frame.
 * The same build then measures opening the editor (editor-download.ts).
 */
import { execSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "@playwright/test";
import { ms, ratio } from "./measure.ts";
import { editorDownloadBench } from "./editor-download.ts";
import { serve } from "./site-server.ts";

export const OUT = "dist-bench";
const FRAME_MS = 16;
/** ftp-active's rule, typed into the editor before the measured keys. */
const FTP_RULE = [
  "az network nsg rule create -g rg-nsg-lab --nsg-name nsg-snet-ingest --name Allow-FTP-Control-Studio",
  "--priority 200 --direction Inbound --access Allow --protocol Tcp --source-address-prefixes 198.51.100.0/28",
  "--destination-address-prefixes 10.0.3.4 --destination-port-ranges 21",
].join(" ");
const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * The site built once for the browser benches, under "/" (`dist-bench/`): the whole build,
 * service worker included, so the editor's second open comes from its copy.
 */
export function buildBenchSite(): number {
  const start = performance.now();
  execSync("npm run build", {
    stdio: "ignore",
    env: { ...process.env, BASE_PATH: "/", ASTRO_OUT_DIR: OUT },
  });
  return performance.now() - start;
}

/** Issue 18's anchor: an Astro Starlight build of the same lessons (9 pages), on this machine. */
const STARLIGHT_BUILD_MS = 2950;

/** How many copies of Monaco's core (`editor.api`) the build wrote: once, since issue 18. */
const monacoCoreCopies = () =>
  readdirSync(join(OUT, "_astro")).filter((name) => /^editor\.api\..*\.js$/.test(name)).length;

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
  const built = buildBenchSite();
  line(
    "npm run build (every page, search index, service worker)",
    `${ms(built)}  ×${(built / STARLIGHT_BUILD_MS).toFixed(2)} Starlight's 9 pages`,
  );
  line("copies of Monaco's core in the build", String(monacoCoreCopies()));
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
    await editorDownloadBench(browser, url, OUT, line);
  } finally {
    await browser.close();
    server.close();
  }
}
