import { expect, test, type Page } from "@playwright/test";
import { watchErrors } from "./support/course.ts";
import { kb, scriptNames, scriptsOf, totalGzip } from "./support/page-scripts.ts";
import { playgroundStarted } from "./support/playground.ts";

/**
 * Performance budget for the playground (issue 18): the scenario and the flow form work on plain
 * text areas; Monaco (about 1 MB gzipped, and 28 KB of CSS) loads only when the learner first
 * focuses, presses or types in an editor, and its stylesheets are never linked in the page's head,
 * where they would block the first paint.
 */
const MONACO = /monaco|editor\.(main|api|worker)|json\.worker|jsonMode|codicon/i;

/** Scripts and stylesheets the page has fetched so far. */
function watchRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on("request", (request) => {
    if (["script", "stylesheet"].includes(request.resourceType())) urls.push(request.url());
  });
  return urls;
}

test("learner traces a flow before the code editor has loaded, which arrives when they click into an editor, keeping what they typed", async ({
  page,
}) => {
  const errors = watchErrors(page);
  const requests = watchRequests(page);
  await page.goto("playground/");
  await playgroundStarted(page);
  const stylesheets = await page
    .locator("link[rel=stylesheet]")
    .evaluateAll((links) => links.map((l) => (l as HTMLLinkElement).href));
  expect(
    stylesheets.filter((href) => MONACO.test(href)),
    "Monaco's CSS is linked up front",
  ).toEqual([]);

  // The starter scenario is there as text, and its sample flows check without Monaco.
  await expect(page.getByLabel("Scenario, YAML or JSON")).toHaveValue(/vnets:/);
  await page.getByLabel("Sample flow").selectOption({ label: "Web VM to the database (SQL)" });
  await expect(page.locator("[data-verdict-banner]")).toContainText("Allowed");
  await page.getByRole("button", { name: "Check flow" }).click();
  await expect(page.locator("[data-path]")).not.toBeEmpty();
  expect(
    requests.filter((url) => MONACO.test(url)),
    "Monaco loaded before any editor was used",
  ).toEqual([]);

  // Clicking into the changes and typing at once: the text survives the switch to Monaco.
  await page.getByRole("tab", { name: /^Changes/ }).click();
  await page.getByLabel("Changes (az CLI or Azure PowerShell)").click();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.type("# typed while the editor loaded\n");
  await expect(page.locator("[data-editor-host=cli][data-ready]")).toBeVisible({ timeout: 20_000 });
  await expect(page.locator("[data-editor-host=scenario][data-ready]")).toBeAttached();
  await expect(page.locator("[data-editor-host=cli] .view-lines")).toContainText(
    "# typed while the editor loaded",
  );
  expect(
    requests.some((url) => MONACO.test(url)),
    "Monaco loaded once an editor was used",
  ).toBe(true);
  errors.expectNone();
});

/**
 * What the playground runs before the learner uses an editor, gzipped: the scenario reader, the
 * evaluator and the views, no Monaco. Its Total Blocking Time at 4× CPU (the yardstick:
 * ≤ 200 ms) grows with this code and is measured by `npm run bench` (6c and Lighthouse's 6d): a
 * timed assertion here failed whenever the machine was busy, the bytes do not. 198 KB when set,
 * plus 3 %.
 */
const PLAYGROUND_JS_BYTES = 204 * 1024;

test(`the playground runs at most ${kb(PLAYGROUND_JS_BYTES)} of gzipped JS before an editor is used, none of it Monaco`, async ({
  page,
}) => {
  const scripts = await scriptsOf(page, "playground/");
  await playgroundStarted(page);
  expect(
    scripts.filter((s) => MONACO.test(s.url)).map((s) => s.url),
    "Monaco loaded before any editor was used",
  ).toEqual([]);
  expect(
    totalGzip(scripts),
    `${kb(totalGzip(scripts))} of gzipped JS before an editor is used (${scriptNames(scripts)})`,
  ).toBeLessThanOrEqual(PLAYGROUND_JS_BYTES);
});
