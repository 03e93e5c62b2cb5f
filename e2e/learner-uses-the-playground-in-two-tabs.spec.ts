import { expect, test, type Page } from "@playwright/test";
import { useCodeEditors } from "./support/playground.ts";

async function openPlayground(page: Page) {
  await page.goto("playground/");
  await useCodeEditors(page);
}

async function typeCli(page: Page, text: string) {
  await page.getByRole("tab", { name: /^Changes/ }).click();
  await page.locator("[data-editor-host=cli] .view-lines").click();
  await page.keyboard.press("Control+End");
  await page.keyboard.insertText(text);
}

test("learner changes the playground in two tabs and keeps both versions", async ({ context }) => {
  const first = await context.newPage();
  const second = await context.newPage();
  await openPlayground(first);
  await openPlayground(second);
  await typeCli(first, "# first tab\n");
  await expect(first.locator("[data-save-status]")).toContainText("Saved in this browser");

  const conflict = second.locator("[data-conflict]");
  await expect(conflict).toBeVisible();
  await typeCli(second, "# second tab\n");
  await expect(second.locator("[data-save-status]")).toHaveText("Not saved: see above.");
  await conflict.getByRole("button", { name: "Load the other tab's playground" }).click();
  await expect(second.locator("[data-editor-host=cli] .view-lines")).toContainText("first tab");
  // The second tab's own work is kept among the earlier playgrounds.
  const history = second.locator("[data-history-panel]");
  await history.getByText(/Earlier playgrounds/).click();
  await history.locator("[data-history-entry]").first().getByRole("button", { name: "Restore" }).click();
  await expect(second.locator("[data-editor-host=cli] .view-lines")).toContainText("second tab");
});
