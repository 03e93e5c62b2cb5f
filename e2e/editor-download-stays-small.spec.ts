import { gzipSync } from "node:zlib";
import { expect, test, type Browser, type Page, type Response } from "@playwright/test";
import { exerciseOn, openEditorIn } from "./support/exercise.ts";
import { BUILT_SITE, hostSite, waitForOfflineCopy, waitForOfflineEditor } from "./support/offline.ts";

/**
 * Performance budget for the editor (issue 18): what a learner's browser downloads after
 * "Open the editor", counted on a fresh browser without the service worker (so every byte comes
 * from the host). Before the split the exercise editor was one self-contained bundle of 4,730 KB
 * raw, 1,223 KB gzipped (issue 18 measured 4,470 / 1,144 KB), and Monaco was bundled a second
 * time for the playground.
 *
 * The editor opens on a plain text area and is graded as soon as the island and the grader are
 * in; Monaco downloads beside that and takes the text area's place after the first grade. So
 * there are two budgets:
 * - what the first grade needs (counted with Monaco's files refused, so the grade cannot have
 *   used them), the goal: a third of the bytes before the split;
 * - everything, Monaco included (its core alone is 2,659 KB raw, 690 KB gzipped): what the split
 *   reached (JSON, the larger: 4,275 KB raw, 1,139 KB gzipped, the codicon font and the JSON
 *   language included) and a 3 % margin, so that anything added is a decision, not a drift.
 */
const BEFORE = { raw: 4470 * 1024, gzip: 1144 * 1024 };
const FIRST_GRADE_BUDGET = { raw: BEFORE.raw / 3, gzip: BEFORE.gzip / 3 };
const WHOLE_BUDGET = { raw: 4400 * 1024, gzip: 1175 * 1024 };
/**
 * Files to the first grade: over HTTP/1.1 a browser fetches six at a time, and on Fast 3G each
 * round costs 562 ms. The islands' small shared modules are one chunk (astro.config.mjs's
 * `exercise-shared`), which took the count from 25 to 18 and the Fast 3G open from 3.7 to 2.9 s.
 */
const FIRST_GRADE_FILES = 18;

/** The score line once the island has graded the rules it opened with. */
const FIRST_GRADE = /checks pass\.|to fix before they can be graded/;

interface Bytes {
  raw: number;
  gzip: number;
  files: string[];
}

interface Download {
  /** What the first grade needed: everything fetched until it showed, with Monaco refused. */
  firstGrade: Bytes;
  /** Everything, once Monaco is in and nothing more arrives for a moment. */
  whole: Bytes;
}

/** Monaco's own files: what only src/components/shared/monaco-setup.ts reaches. */
const MONACO_FILES =
  /\/_astro\/(editor\.api|monaco-setup|monaco-styles|codicon|jsonMode|editor\.worker|json\.worker)[.-]/;

const bytesOf = (files: readonly { url: string; raw: number; gzip: number }[]): Bytes => ({
  raw: files.reduce((n, f) => n + f.raw, 0),
  gzip: files.reduce((n, f) => n + f.gzip, 0),
  files: files.map((f) => `${new URL(f.url).pathname.split("/").pop()} ${Math.round(f.raw / 1024)} KB`),
});

/**
 * Bytes fetched from clicking "Open the editor" on an exercise's page until the first grade
 * shows (`withMonaco` false: Monaco's files refused) or until Monaco is in.
 */
async function openEditorCounting(page: Page, id: string, withMonaco: boolean): Promise<Bytes> {
  if (!withMonaco) await page.route(MONACO_FILES, (route) => route.abort("blockedbyclient"));
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
  if (withMonaco)
    await expect(root.locator("[data-editor-host] .monaco-editor")).toBeVisible({ timeout: 30_000 });
  // What the open set going finishes too (the JSON language arrives as the model is made).
  let seen = -1;
  while (seen !== bodies.length) {
    seen = bodies.length;
    await page.waitForTimeout(750);
  }
  page.off("response", collect);
  await page.unroute(MONACO_FILES);
  return bytesOf(await Promise.all(bodies));
}

/** Each count on a browser of its own: nothing comes from the other's cache. */
async function editorDownload(browser: Browser, baseURL: string, id: string): Promise<Download> {
  const count = async (withMonaco: boolean) => {
    const context = await browser.newContext({ baseURL, serviceWorkers: "block" });
    try {
      return await openEditorCounting(await context.newPage(), id, withMonaco);
    } finally {
      await context.close();
    }
  };
  return { firstGrade: await count(false), whole: await count(true) };
}

const kb = (n: number) => `${Math.round(n / 1024).toLocaleString("en")} KB`;

test.describe("without the service worker, every byte from the host", () => {
  for (const [format, id] of [
    ["az CLI", "ftp-active"],
    ["JSON", "app-tier-asg"],
  ] as const) {
    test(`opening the editor on ${id} (${format}) stays within both budgets`, async ({
      browser,
      baseURL,
    }) => {
      test.setTimeout(60_000);
      const { firstGrade, whole } = await editorDownload(browser, baseURL!, id);
      console.log(
        `${format} (${id}): to the first grade ${firstGrade.files.length} files, ${kb(firstGrade.raw)} raw, ${kb(firstGrade.gzip)} gzip; in all ${kb(whole.raw)} raw, ${kb(whole.gzip)} gzip\n  ${whole.files.join("\n  ")}`,
      );
      expect(firstGrade.files.join(" "), "the grade does not wait for Monaco").not.toMatch(/editor\.api/);
      expect(firstGrade.files.length, `${format}: files to the first grade`).toBeLessThanOrEqual(
        FIRST_GRADE_FILES,
      );
      expect(firstGrade.raw, `${format}: ${kb(firstGrade.raw)} raw to the first grade`).toBeLessThanOrEqual(
        FIRST_GRADE_BUDGET.raw,
      );
      expect(
        firstGrade.gzip,
        `${format}: ${kb(firstGrade.gzip)} gzip to the first grade`,
      ).toBeLessThanOrEqual(FIRST_GRADE_BUDGET.gzip);
      expect(whole.raw, `${format}: ${kb(whole.raw)} raw`).toBeLessThanOrEqual(WHOLE_BUDGET.raw);
      expect(whole.gzip, `${format}: ${kb(whole.gzip)} gzip`).toBeLessThanOrEqual(WHOLE_BUDGET.gzip);
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
