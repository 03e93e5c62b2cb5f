import { expect, test } from "@playwright/test";
import { exerciseOn, openEditorIn, pasteRules } from "./support/exercise.ts";

const ID = "ftp-active";

test("learner edits one exercise in two tabs and chooses which version to keep", async ({ context }) => {
  const first = await context.newPage();
  const second = await context.newPage();
  for (const page of [first, second]) {
    await page.goto(`exercises/${ID}/`);
    await openEditorIn(page, ID);
  }
  await pasteRules(first, ID, "# from the first tab\n");
  await expect(exerciseOn(first, ID).locator("[data-save-status]")).toContainText("Saved in this browser");

  // The second tab hears of the other tab's save and says so, instead of saving over it.
  const conflict = exerciseOn(second, ID).locator("[data-conflict]");
  await expect(conflict).toBeVisible();
  await pasteRules(second, ID, "# from the second tab\n");
  await expect(exerciseOn(second, ID).locator("[data-save-status]")).toHaveText("Not saved: see above.");
  expect(await second.evaluate(() => localStorage.getItem("nsg-lab:draft:v1:ftp-active"))).toContain(
    "first tab",
  );

  await conflict.getByRole("button", { name: "Keep this tab's rules" }).click();
  await expect(conflict).toBeHidden();
  await expect(exerciseOn(second, ID).locator("[data-save-status]")).toContainText("Saved in this browser");
  // The first tab's version is not lost: it is an earlier version in the second tab.
  const history = exerciseOn(second, ID).locator("[data-history-panel]");
  await history.getByText(/Earlier versions/).click();
  await expect(history.locator("[data-history-entry]").first()).toContainText("from another tab");

  // And the first tab now offers the second tab's version.
  const firstConflict = exerciseOn(first, ID).locator("[data-conflict]");
  await expect(firstConflict).toBeVisible();
  await firstConflict.getByRole("button", { name: "Load the other tab's rules" }).click();
  await expect(exerciseOn(first, ID).locator("[data-editor-host] .view-lines")).toContainText(
    "from the second tab",
  );
});
