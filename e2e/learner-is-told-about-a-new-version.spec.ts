import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { writeServiceWorker } from "../scripts/write-service-worker.ts";
import { exerciseOn, openEditorIn, pasteRules } from "./support/exercise.ts";
import {
  BUILT_SITE,
  copyOfBuiltSite,
  hostSite,
  offlineGroups,
  waitForOfflineCopy,
  waitForOfflineEditor,
} from "./support/offline.ts";

/**
 * A new deploy while a learner is working: the service worker downloads the new version in the
 * background, a polite notice offers Reload, and nothing reloads until the learner chooses to,
 * in this tab or any other. The deploy is real: the host serves build A, then a build B in
 * which one lesson changed and sw.js was written again, as `npm run build` would.
 */

const LESSON = "lessons/capstone-active-ftp/";
const OTHER_LESSON = "lessons/processing-order/";
const WORK = "# my half-written rule, kept through the update";

/** Build B: the capstone lesson gains a paragraph, and the worker's manifest follows. */
async function buildWithAChangedLesson(folder: string): Promise<void> {
  const page = join(folder, LESSON, "index.html");
  const html = readFileSync(page, "utf8");
  const marker = '<main id="main" tabindex="-1">';
  expect(html, "the lesson page has its main element").toContain(marker);
  writeFileSync(page, html.replace(marker, `${marker}<p data-build="b">This lesson was revised.</p>`));
  await writeServiceWorker(folder);
}

const notice = (page: Page) =>
  page.getByRole("status").filter({ hasText: "A new version of NSG Lab is available" });

/** Marks the page, to tell later whether it was reloaded. */
const mark = (page: Page) => page.evaluate(() => ((window as { unreloaded?: boolean }).unreloaded = true));
const wasReloaded = async (page: Page) =>
  !(await page.evaluate(() => (window as { unreloaded?: boolean }).unreloaded === true));

test("learner is told about a new version, keeps working until choosing Reload, then gets it in every tab", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const buildB = copyOfBuiltSite();
  await buildWithAChangedLesson(buildB.folder);
  const host = await hostSite(BUILT_SITE);
  const context = await browser.newContext({ baseURL: host.url });
  try {
    const page = await context.newPage();
    await page.goto(LESSON);
    await waitForOfflineCopy(page);
    await openEditorIn(page, "ftp-active");
    await waitForOfflineEditor(page);
    await pasteRules(page, "ftp-active", WORK);
    const other = await context.newPage();
    await other.goto(OTHER_LESSON);
    const [versionA] = await offlineGroups(page);
    await mark(page);
    await mark(other);

    host.requests.length = 0;
    host.deploy(buildB.folder);
    // Browsers look for a new worker on every navigation and now and then on their own; a
    // learner who stays on one page gets the latter, asked for here.
    await page.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())?.update();
    });

    await expect(notice(page)).toBeVisible({ timeout: 30_000 });
    await expect(notice(other)).toBeVisible();
    expect(await wasReloaded(page)).toBe(false);
    expect(await wasReloaded(other)).toBe(false);
    await expect(page.locator("[data-build=b]")).toHaveCount(0);
    // Only what changed was downloaded: unchanged files, Monaco included, were copied from
    // the previous version's cache.
    expect(new Set(host.requests)).toEqual(new Set(["/nsg-lab/sw.js", `/nsg-lab/${LESSON}`]));

    // Reload is the next stop after the skip link, and works from the keyboard.
    await page.locator(".skip-link").focus();
    await page.keyboard.press("Tab");
    const reload = notice(page).getByRole("button", { name: "Reload" });
    await expect(reload).toBeFocused();
    await Promise.all([page.waitForEvent("load"), page.keyboard.press("Enter")]);

    expect(await wasReloaded(page)).toBe(true);
    await expect(page.locator("[data-build=b]")).toHaveText("This lesson was revised.");
    await expect(notice(page)).toBeHidden();
    // The learner's work came through, and the new version keeps the editor for offline use too.
    await openEditorIn(page, "ftp-active");
    await expect(exerciseOn(page, "ftp-active").locator("[data-editor-host] .view-lines")).toContainText(
      "my half-written rule",
    );
    const groups = await offlineGroups(page);
    expect(groups.map((g) => g.group).sort()).toEqual(["core", "editor"]);
    expect(groups.every((g) => g.version !== versionA?.version)).toBe(true);

    // The other tab was left alone, still offering the reload, which brings it up to date.
    expect(await wasReloaded(other)).toBe(false);
    await expect(notice(other)).toBeVisible();
    await Promise.all([
      other.waitForEvent("load"),
      notice(other).getByRole("button", { name: "Reload" }).click(),
    ]);
    expect(await wasReloaded(other)).toBe(true);
    await expect(notice(other)).toBeHidden();
  } finally {
    await context.close();
    await host.close();
    buildB.dispose();
  }
});

test("learner who is not ready puts the notice away with Not now", async ({ browser }) => {
  const buildB = copyOfBuiltSite();
  await buildWithAChangedLesson(buildB.folder);
  const host = await hostSite(BUILT_SITE);
  const context = await browser.newContext({ baseURL: host.url });
  try {
    const page = await context.newPage();
    await page.goto(OTHER_LESSON);
    await waitForOfflineCopy(page);
    host.deploy(buildB.folder);
    // A navigation is one of the moments the browser checks for a new worker.
    await page.goto(LESSON);
    await expect(notice(page)).toBeVisible({ timeout: 30_000 });
    // Served by the version the learner has until they choose: the page is still build A's.
    await expect(page.locator("[data-build=b]")).toHaveCount(0);
    await notice(page).getByRole("button", { name: "Not now" }).click();
    await expect(notice(page)).toBeHidden();
  } finally {
    await context.close();
    await host.close();
    buildB.dispose();
  }
});
