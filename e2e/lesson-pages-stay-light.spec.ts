import { expect, test } from "@playwright/test";
import { lessonsFromHome } from "./support/course.ts";
import { kb, scriptNames as names, scriptsOf, totalGzip as total } from "./support/page-scripts.ts";

/**
 * Performance budget (issue 18): before its `load` event a lesson page may run at most 5 KB of
 * gzipped JavaScript in at most 2 requests, no more than a Starlight page ships (4–5 KB; 4.4 KB
 * here when set). That is
 * the page's one up-front script (src/components/page/boot.ts: progress marks, the lesson list's
 * button) and the store it reads progress through; every other island starts after `load`
 * (page/deferred-islands.ts). Until the learner does something the page may load at most 20 KB
 * in all, so what moved after `load` cannot grow unseen, and never the editor (Monaco): it loads
 * when an exercise opens. Its styles come in one stylesheet, shared by every page.
 */
const BEFORE_LOAD_BYTES = 5 * 1024;
const BEFORE_LOAD_REQUESTS = 2;
const BEFORE_INTERACTION_BYTES = 20 * 1024;
const EDITOR_CHUNK = /monaco|editor\.(main|api|worker)|json\.worker/i;
/** The site's styles are one cached stylesheet (astro.config.mjs), not one per component. */
const STYLESHEETS = 1;

test(`every lesson page runs at most ${kb(BEFORE_LOAD_BYTES)} of gzipped JS in ${BEFORE_LOAD_REQUESTS} requests before load, and no Monaco`, async ({
  page,
}) => {
  const lessons = await lessonsFromHome(page);
  for (const lesson of lessons) {
    const scripts = await scriptsOf(page, lesson.url);
    const early = scripts.filter((s) => s.beforeLoad);
    expect(
      scripts.filter((s) => EDITOR_CHUNK.test(s.url)).map((s) => s.url),
      `${lesson.slug} loads the editor up front`,
    ).toEqual([]);
    expect(
      total(early),
      `${lesson.slug}: ${kb(total(early))} gzip JS before load (${names(early)})`,
    ).toBeLessThanOrEqual(BEFORE_LOAD_BYTES);
    expect(early.length, `${lesson.slug}: requests before load (${names(early)})`).toBeLessThanOrEqual(
      BEFORE_LOAD_REQUESTS,
    );
    const sheets = await page.locator("link[rel=stylesheet]").count();
    expect(sheets, `${lesson.slug}: stylesheets`).toBeLessThanOrEqual(STYLESHEETS);
    expect(
      total(scripts),
      `${lesson.slug}: ${kb(total(scripts))} gzip JS before any interaction (${names(scripts)})`,
    ).toBeLessThanOrEqual(BEFORE_INTERACTION_BYTES);
  }
});

test("a click on Open the editor before the islands have started still opens it", async ({ page }) => {
  // Hold back the exercise loader, so the click lands while the islands are still on their way.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/_astro\/loader\.[^/]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto("lessons/capstone-active-ftp/");
  const open = page.getByRole("button", { name: /open the editor/i }).first();
  await open.click();
  release();
  await expect(page.locator(".monaco-editor").first()).toBeVisible({ timeout: 20_000 });
  expect(page.url(), "the click did not navigate").toContain("lessons/capstone-active-ftp/");
});

test("a knowledge check answered before the islands have started is checked, not submitted", async ({
  page,
}) => {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/_astro\/knowledge-check\.[^/]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto("lessons/processing-order/");
  const check = page.locator("[data-knowledge-check]").first();
  await check.getByRole("radio").first().check();
  // The Check button shows only once its island runs; Enter submits the form before that.
  await check.getByRole("radio").first().press("Enter");
  release();
  await expect(check.locator("[data-kc-feedback]")).not.toBeEmpty();
  expect(page.url(), "the form did not submit itself").not.toContain("?");
});
