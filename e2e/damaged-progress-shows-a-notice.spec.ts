import { expect, test } from "@playwright/test";
import { lessonsFromHome, PROGRESS_KEY, watchErrors } from "./support/course.ts";

test("learner whose saved progress is corrupt sees a notice and can keep learning", async ({ page }) => {
  const errors = watchErrors(page);
  const lessons = await lessonsFromHome(page);
  await page.evaluate((key) => localStorage.setItem(key, '{"version":1,"completed":'), PROGRESS_KEY);
  await page.reload();

  const notice = page.locator("[data-progress-notice]");
  await expect(notice).toBeVisible();
  await expect(notice).toContainText("could not be read");
  await expect(page.getByRole("link", { name: "Start the course" })).toBeVisible();

  await page.goto(lessons[0]!.url);
  await expect(notice).toBeVisible();
  await page.getByRole("button", { name: "Mark lesson complete" }).click();
  await expect(notice).toBeHidden();
  await page.reload();
  await expect(page.getByRole("button", { name: "Mark as not complete" })).toBeVisible();
  errors.expectNone();
});

test("learner can reset corrupt progress from the notice", async ({ page }) => {
  await page.goto("./");
  await page.evaluate((key) => localStorage.setItem(key, JSON.stringify({ version: 99 })), PROGRESS_KEY);
  await page.reload();
  await page.getByRole("button", { name: "Reset saved progress" }).click();
  await expect(page.locator("[data-progress-notice]")).toBeHidden();
  expect(await page.evaluate((key) => localStorage.getItem(key), PROGRESS_KEY)).toBeNull();
});

test("learner whose browser blocks storage is told progress won't be saved, and pages still work", async ({
  page,
}) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, "localStorage", {
      get() {
        throw new DOMException("Access is denied for this document.", "SecurityError");
      },
    });
  });
  const errors = watchErrors(page);
  const lessons = await lessonsFromHome(page);
  await expect(page.locator("[data-progress-notice]")).toContainText("not letting NSG Lab save progress");
  await expect(page.getByRole("button", { name: "Reset saved progress" })).toBeHidden();
  await page.goto(lessons[0]!.url);
  await page.getByRole("button", { name: "Mark lesson complete" }).click();
  await expect(page.getByText("Could not save")).toBeVisible();
  await page.getByRole("navigation", { name: "Previous and next lesson" }).getByRole("link").last().click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  errors.expectNone();
});
