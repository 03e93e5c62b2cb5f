import { expect, test } from "@playwright/test";

test("newcomer opens the course home under the base path", async ({ page }) => {
  await page.goto("./");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("NSG Lab");
});
