import { expect, test } from "@playwright/test";
import { lessonsFromHome } from "./support/course.ts";

test("learner answers a knowledge check wrongly, then rightly, and reads the explanation", async ({
  page,
}) => {
  const lessons = await lessonsFromHome(page);
  let found = false;
  for (const lesson of lessons) {
    await page.goto(lesson.url);
    if ((await page.locator("[data-knowledge-check]").count()) > 0) {
      found = true;
      break;
    }
  }
  test.skip(!found, "no lesson has a knowledge check yet");

  const check = page.locator("[data-knowledge-check]").first();
  const answer = Number(await check.getAttribute("data-answer"));
  const options = check.getByRole("radio");
  const wrong = answer === 0 ? 1 : 0;
  await expect(check.getByText("Show answer")).toBeHidden(); // the no-JS fallback is replaced

  await check.getByRole("button", { name: "Check" }).click();
  await expect(check.getByText("Choose an answer first.")).toBeVisible();

  await options.nth(wrong).check();
  await check.getByRole("button", { name: "Check" }).press("Enter");
  await expect(check.locator("[data-kc-feedback]")).toContainText("Not quite.");

  await options.nth(answer).focus();
  await page.keyboard.press("Space");
  await check.getByRole("button", { name: "Check" }).click();
  await expect(check.locator("[data-kc-feedback]")).toContainText("Correct.");
});
