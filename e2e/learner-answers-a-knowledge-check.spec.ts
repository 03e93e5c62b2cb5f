import { expect, test } from "@playwright/test";
import { lessonsFromHome } from "./support/course.ts";

test("learner answers a knowledge check wrongly, is asked to try again without the answer, then answers rightly and reads the explanation", async ({
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
  const answerText = (await check.locator(".kc__option").nth(answer).innerText()).trim();
  await expect(check.getByText("Show answer", { exact: true })).toBeHidden(); // the no-JS fallback is replaced
  await expect(check.getByRole("button", { name: "Show the answer" })).toBeHidden();

  await check.getByRole("button", { name: "Check" }).click();
  await expect(check.getByText("Choose an answer first.")).toBeVisible();
  await expect(check.getByRole("button", { name: "Show the answer" })).toBeHidden();

  await options.nth(wrong).check();
  await check.getByRole("button", { name: "Check" }).press("Enter");
  const feedback = check.locator("[data-kc-feedback]");
  await expect(feedback).toContainText("Not quite.");
  // A first wrong try does not give the answer away.
  await expect(feedback).not.toContainText("The answer is");
  await expect(feedback).not.toContainText(answerText);
  await expect(check).toHaveAttribute("data-result", "incorrect");

  await options.nth(answer).focus();
  await page.keyboard.press("Space");
  await expect(feedback).toBeEmpty();
  await check.getByRole("button", { name: "Check" }).click();
  await expect(feedback).toContainText("Correct.");
  await expect(check).toHaveAttribute("data-result", "correct");
});
