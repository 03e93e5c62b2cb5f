import { expect, test } from "@playwright/test";
import { watchErrors } from "./support/course.ts";
import { exerciseFile, exerciseOn, openEditorIn, pasteRules } from "./support/exercise.ts";
import { useCodeEditors } from "./support/playground.ts";
import {
  BUILT_SITE,
  hostSite,
  offlineGroups,
  waitForOfflineCopy,
  waitForOfflineEditor,
} from "./support/offline.ts";

/**
 * Offline (src/service-worker/): after one visit the course, its exercises (editor included,
 * once one has been opened) and the playground work with the network gone. The site is served
 * by a host this journey stops, on top of Chromium's offline mode, so nothing can come from it.
 */

test("learner visits once, opens an editor, then goes offline and keeps reading, solving and tracing", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const host = await hostSite(BUILT_SITE);
  const context = await browser.newContext({ baseURL: host.url });
  const page = await context.newPage();
  const errors = watchErrors(page);

  await page.goto("./");
  await waitForOfflineCopy(page);
  // The first visit keeps the course, not the editor: that waits until a learner opens one.
  expect((await offlineGroups(page)).map((g) => g.group)).toEqual(["core"]);

  await page.goto("lessons/capstone-active-ftp/");
  await openEditorIn(page, "ftp-active");
  await waitForOfflineEditor(page);

  await host.close();
  await context.setOffline(true);

  // A lesson this learner has never opened.
  await page.goto("lessons/the-default-rules/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.locator("main")).toContainText("65000");

  // The exercise on its own page: the editor loads from the offline copy and grades.
  const exercise = exerciseFile("ftp-active");
  await page.goto("exercises/ftp-active/");
  await openEditorIn(page, "ftp-active");
  await exerciseOn(page, "ftp-active")
    .getByRole("group", { name: "Rules format" })
    .getByLabel("az CLI")
    .check();
  await pasteRules(page, "ftp-active", exercise.solution!);
  await expect(exerciseOn(page, "ftp-active").locator("[data-score]")).toHaveText(
    `All ${exercise.expectations.length} checks pass.`,
  );

  // The playground, with its own Monaco, traces a flow.
  await page.goto("playground/");
  await useCodeEditors(page);
  await page.getByLabel("Load exercise scenario").selectOption("ftp-active-studio");
  await page.getByRole("button", { name: "Load", exact: true }).click();
  await page
    .getByLabel("Sample flow")
    .selectOption({ label: "The studio opens the control connection (TCP 21)" });
  await expect(page.locator("[data-verdict-banner]")).toContainText("Denied by nsg-snet-ingest");

  // Search runs on its cached index.
  await page.goto("search/?q=priority");
  await expect(page.locator("[data-search-results] li").first()).toBeVisible();
  errors.expectNone();

  // An address the site never had gets its not-found page, not the browser's offline error.
  const missing = await page.goto("lessons/no-such-lesson/");
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(/not found/i);
  await context.close();
});

test.describe("without service workers", () => {
  test.use({ serviceWorkers: "block" });

  test("learner whose browser refuses service workers still reads, solves and sees no notice", async ({
    page,
  }) => {
    const errors = watchErrors(page);
    await page.goto("lessons/capstone-active-ftp/");
    expect(await page.evaluate(() => navigator.serviceWorker?.controller ?? null)).toBeNull();
    const exercise = exerciseFile("ftp-active");
    await openEditorIn(page, "ftp-active");
    await exerciseOn(page, "ftp-active")
      .getByRole("group", { name: "Rules format" })
      .getByLabel("az CLI")
      .check();
    await pasteRules(page, "ftp-active", exercise.solution!);
    await expect(exerciseOn(page, "ftp-active").locator("[data-score]")).toHaveText(
      `All ${exercise.expectations.length} checks pass.`,
    );
    await expect(page.locator("[data-update-body]")).toBeHidden();
    errors.expectNone();
  });
});
