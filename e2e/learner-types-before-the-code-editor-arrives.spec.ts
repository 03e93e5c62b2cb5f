import { expect, test, type Page, type Route } from "@playwright/test";
import { watchErrors } from "./support/course.ts";
import { exerciseFile, exerciseOn } from "./support/exercise.ts";

/**
 * The exercise editor opens on a plain text area, graded as soon as the grader is in, and Monaco
 * (about 1 MB gzipped, seconds on a slow line) takes its place afterwards (editor-island.ts).
 * These journeys hold Monaco back, as a slow line does, or refuse it, as an offline first visit
 * does, and follow a learner who types meanwhile: nothing typed is lost, the caret stays where
 * it was, and the checks answer all along.
 */

const ID = "ftp-active";
const checks = exerciseFile(ID).expectations.length;
const MONACO_CORE = "**/_astro/editor.api.*.js";
const command = (ports: string) =>
  `az network nsg rule create --resource-group rg-nsg-lab --nsg-name nsg-snet-ingest --name Allow-FTP-Control-Studio --priority 200 --direction Inbound --access Allow --protocol Tcp --source-address-prefixes 198.51.100.0/28 --destination-address-prefixes 10.0.3.4 --destination-port-ranges ${ports}`;

/** Monaco's core is held until `release` is called, as on a slow line. */
async function holdMonaco(page: Page): Promise<() => void> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(MONACO_CORE, async (route: Route) => {
    await released;
    await route.continue();
  });
  return release;
}

const plainText = (page: Page) =>
  page.getByRole("textbox", { name: /^Rules for nsg-snet-ingest, in az CLI\.$/ });
const score = (page: Page) => exerciseOn(page, ID).locator("[data-score]");
const status = (page: Page) => exerciseOn(page, ID).locator("[data-editor-status]");
const monaco = (page: Page) => exerciseOn(page, ID).locator("[data-editor-host] .monaco-editor");
/** Monaco's Tab-key advice, which does not apply to a text area (Tab leaves it). */
const tabNote = (page: Page) => exerciseOn(page, ID).getByText(/Tab indents inside the editor/);

for (const width of [1280, 360]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 800 } });

    test("learner types in the text area while the code editor loads, and goes on in Monaco where they were", async ({
      page,
    }) => {
      test.setTimeout(60_000);
      const errors = watchErrors(page);
      const release = await holdMonaco(page);
      await page.goto(`exercises/${ID}/`);
      await exerciseOn(page, ID).getByRole("button", { name: "Open the editor" }).click();

      // Usable at once: the starter in a focused text area, graded, and a word on what is coming.
      await expect(plainText(page)).toBeFocused();
      await expect(plainText(page)).toHaveValue(/nsg-snet-ingest holds only Azure's default rules/);
      await expect(score(page)).toHaveText(/checks pass\./);
      await expect(status(page)).toHaveText(/Loading the code editor .*you can type already/);
      await expect(tabNote(page)).toBeHidden();
      if (width === 360)
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

      await page.keyboard.press("ControlOrMeta+End");
      await page.keyboard.type(`\n${command("20-21")}`);
      await expect(score(page)).toHaveText(/^\d+ of \d+ checks pass\.$/);
      await expect(score(page)).not.toHaveText(`All ${checks} checks pass.`);
      await expect(monaco(page)).toHaveCount(0);

      release();
      await expect(monaco(page)).toBeVisible({ timeout: 30_000 });
      await expect(plainText(page)).toHaveCount(0);
      await expect(status(page)).toHaveText("");
      await expect(tabNote(page)).toBeVisible();
      // Focus and caret came across: the next keys edit the end of the port range just typed.
      expect(await page.evaluate(() => document.activeElement?.closest(".monaco-editor") !== null)).toBe(
        true,
      );
      for (let i = 0; i < "20-21".length; i++) await page.keyboard.press("Backspace");
      await page.keyboard.type("21");
      await expect(score(page)).toHaveText(`All ${checks} checks pass.`);
      await expect
        .poll(() => page.evaluate(() => localStorage.getItem("nsg-lab:draft:v1:ftp-active") ?? ""))
        .toContain("--destination-port-ranges 21");
      errors.expectNone();
    });
  });
}

test("learner whose code editor cannot load solves the exercise in the text area, and gets Monaco after a reload", async ({
  page,
}) => {
  test.setTimeout(60_000);
  await page.route(MONACO_CORE, (route) => route.abort("internetdisconnected"));
  await page.goto(`exercises/${ID}/`);
  await exerciseOn(page, ID).getByRole("button", { name: "Open the editor" }).click();
  await expect(status(page)).toHaveText(
    /could not be loaded .*The plain text box works the same.*reload the page/,
  );
  await expect(tabNote(page)).toBeHidden();

  await plainText(page).press("ControlOrMeta+End");
  await page.keyboard.type(`\n${command("21")}`);
  await expect(score(page)).toHaveText(`All ${checks} checks pass.`);
  await expect(exerciseOn(page, ID).locator("[data-complete]")).toContainText("Exercise complete ✓");

  // Back on line, a reload brings the code editor, with the rules that were saved.
  await page.unroute(MONACO_CORE);
  await page.reload();
  await exerciseOn(page, ID).getByRole("button", { name: "Open the editor" }).click();
  await expect(monaco(page)).toBeVisible({ timeout: 30_000 });
  await expect(monaco(page).locator(".view-lines")).toContainText("--destination-port-ranges 21");
  await expect(score(page)).toHaveText(`All ${checks} checks pass.`);
});
