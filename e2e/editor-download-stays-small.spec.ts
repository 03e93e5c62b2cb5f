import { gzipSync } from "node:zlib";
import { expect, test, type Page, type Response } from "@playwright/test";
import { exerciseOn, openEditorIn } from "./support/exercise.ts";
import { BUILT_SITE, hostSite, waitForOfflineCopy, waitForOfflineEditor } from "./support/offline.ts";

/**
 * Performance budget for the editor (issue 18): what a learner's browser downloads after
 * "Open the editor" until the first grade shows, counted on a fresh browser without the service
 * worker (so every byte comes from the host). Before the split the exercise editor was one
 * self-contained bundle of 4,730 KB raw, 1,223 KB gzipped (issue 18 measured 4,470 / 1,144 KB),
 * and Monaco was bundled a second time for the playground.
 *
 * The issue asks for a third of that (about 1,490 KB raw). Monaco cannot get there: its editor
 * core alone (editor.api) is 2,659 KB raw, 690 KB gzipped, before any contribution, stylesheet
 * or the grader. The budget is what the split reached (JSON, the larger: 4,275 KB raw,
 * 1,139 KB gzipped, the codicon font and the JSON language included) and a 3 % margin, so
 * that anything added to the editor's download is a decision, not a drift.
 */
const BUDGET_RAW = 4400 * 1024;
const BUDGET_GZIP = 1175 * 1024;

/** The score line once the island has graded the rules it opened with. */
const FIRST_GRADE = /checks pass\.|to fix before they can be graded/;

interface Download {
  raw: number;
  gzip: number;
  files: string[];
}

/**
 * Bytes fetched from clicking "Open the editor" on an exercise's page until its first grade
 * shows and nothing more arrives for a moment.
 */
async function editorDownload(page: Page, id: string): Promise<Download> {
  await page.goto(`exercises/${id}/`);
  await page.waitForLoadState("networkidle");
  const bodies: Promise<{ url: string; raw: number; gzip: number }>[] = [];
  const collect = (response: Response) => {
    if (response.status() >= 300) return;
    bodies.push(
      response
        .body()
        .then((body) => ({ url: response.url(), raw: body.length, gzip: gzipSync(body).length })),
    );
  };
  page.on("response", collect);
  const root = exerciseOn(page, id);
  await root.getByRole("button", { name: "Open the editor" }).click();
  await expect(root.locator("[data-score]")).toHaveText(FIRST_GRADE, { timeout: 30_000 });
  // What the open set going finishes too (the JSON language arrives as the model is made).
  let seen = -1;
  while (seen !== bodies.length) {
    seen = bodies.length;
    await page.waitForTimeout(750);
  }
  page.off("response", collect);
  const files = await Promise.all(bodies);
  return {
    raw: files.reduce((n, f) => n + f.raw, 0),
    gzip: files.reduce((n, f) => n + f.gzip, 0),
    files: files.map((f) => `${new URL(f.url).pathname.split("/").pop()} ${Math.round(f.raw / 1024)} KB`),
  };
}

const kb = (n: number) => `${Math.round(n / 1024).toLocaleString("en")} KB`;

test.describe("without the service worker, every byte from the host", () => {
  test.use({ serviceWorkers: "block" });

  for (const [format, id] of [
    ["az CLI", "ftp-active"],
    ["JSON", "app-tier-asg"],
  ] as const) {
    test(`opening the editor on ${id} (${format}) downloads no more than the budget`, async ({ page }) => {
      const download = await editorDownload(page, id);
      console.log(
        `${format} (${id}): ${kb(download.raw)} raw, ${kb(download.gzip)} gzip\n  ${download.files.join("\n  ")}`,
      );
      expect(download.raw, `${format}: ${kb(download.raw)} raw`).toBeLessThanOrEqual(BUDGET_RAW);
      expect(download.gzip, `${format}: ${kb(download.gzip)} gzip`).toBeLessThanOrEqual(BUDGET_GZIP);
    });
  }
});

test("a second editor open, on another exercise and a later page, comes from the cache: nothing from the host", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const host = await hostSite(BUILT_SITE);
  const context = await browser.newContext({ baseURL: host.url });
  const page = await context.newPage();
  try {
    await page.goto("exercises/ftp-active/");
    await waitForOfflineCopy(page);
    await openEditorIn(page, "ftp-active");
    // The first open asks the service worker to keep the editor (src/lib/offline/).
    await waitForOfflineEditor(page);

    host.requests.length = 0;
    await page.goto("exercises/app-tier-asg/");
    const root = exerciseOn(page, "app-tier-asg");
    const opened = Date.now();
    await root.getByRole("button", { name: "Open the editor" }).click();
    await expect(root.locator("[data-score]")).toHaveText(FIRST_GRADE, { timeout: 20_000 });
    console.log(`second open: first grade ${Date.now() - opened} ms after the click`);
    expect(host.requests.filter((path) => path.includes("/_astro/"))).toEqual([]);
  } finally {
    await context.close();
    await host.close();
  }
});

test.describe("the download starts on intent, not on page load", () => {
  const island = (requests: string[]) => requests.filter((url) => /editor-island/.test(url));

  test("hovering the opener starts it", async ({ page }) => {
    const requests: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    await page.goto("exercises/ftp-active/");
    await page.waitForLoadState("networkidle");
    expect(island(requests), "an exercise in view as the page loads is not yet intent").toEqual([]);
    await exerciseOn(page, "ftp-active").getByRole("button", { name: "Open the editor" }).hover();
    await expect.poll(() => island(requests).length).toBeGreaterThan(0);
    await expect(exerciseOn(page, "ftp-active").locator("[data-editor-host] .monaco-editor")).toHaveCount(0);
  });

  test("scrolling the exercise into view on a lesson starts it", async ({ page }) => {
    const requests: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    await page.goto("lessons/capstone-active-ftp/");
    await page.waitForLoadState("networkidle");
    expect(island(requests)).toEqual([]);
    await exerciseOn(page, "ftp-active").scrollIntoViewIfNeeded();
    await expect.poll(() => island(requests).length).toBeGreaterThan(0);
  });
});
