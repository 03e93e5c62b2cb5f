import { expect, test } from "@playwright/test";

test("visitor following a dead link gets the not-found page with a way home", async ({ page, baseURL }) => {
  const response = await page.goto("lessons/no-such-lesson/");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  const home = page.getByRole("main").getByRole("link", { name: "Go to the course home" });
  await expect(home).toHaveAttribute("href", new URL(baseURL!).pathname);
  await home.click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("NSG Lab");
});
