import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectNoHorizontalScroll, lessonsFromHome, watchErrors } from "./support/course.ts";

/**
 * A wrong answer to a knowledge check is a reason to think again, not the answer: the learner
 * reads why their choice is wrong (when the lesson says), retries, and sees the answer only on
 * request or after a second wrong try.
 */

const DOUBLED_STOP = /[.!?]”\./;

async function lessonWithWhy(page: Page): Promise<Locator> {
  // Lesson 4 (processing order) gives each wrong option its own explanation.
  const lessons = await lessonsFromHome(page);
  const lesson = lessons.find((l) => l.slug === "processing-order");
  expect(lesson, "the processing-order lesson exists").toBeDefined();
  await page.goto(lesson!.url);
  return page
    .locator("[data-knowledge-check]")
    .filter({ hasText: "priority 100 denies any traffic from 198.51.100.128/25" });
}

for (const width of [1280, 360]) {
  test(`learner gets a check wrong twice and is then shown the answer, at ${width} px`, async ({ page }) => {
    const errors = watchErrors(page);
    await page.setViewportSize({ width, height: 900 });
    const check = await lessonWithWhy(page);
    const feedback = check.locator("[data-kc-feedback]");
    const answerText = (await check.locator(".kc__option").nth(1).innerText()).trim();

    await check.getByRole("radio", { name: /an Allow rule always wins/ }).check();
    await check.getByRole("button", { name: "Check" }).click();
    await expect(feedback).toContainText("Not quite.");
    // That choice's own why, and no answer yet.
    await expect(feedback).toContainText("Azure doesn't weigh Allow against Deny.");
    await expect(feedback).not.toContainText(answerText);
    await expect(check.getByRole("button", { name: "Show the answer" })).toBeVisible();

    await check.getByRole("radio", { name: /cancel each other out/ }).check();
    await check.getByRole("button", { name: "Check" }).click();
    await expect(feedback).toContainText("Rules never cancel each other out.");
    await expect(feedback).toContainText(`The answer is “${answerText}”`);
    await expect(feedback).toContainText("Azure checks them in priority order");
    expect(await feedback.innerText()).not.toMatch(DOUBLED_STOP);
    await expect(check.getByRole("button", { name: "Show the answer" })).toBeHidden();
    await expectNoHorizontalScroll(page);

    await check.getByRole("radio", { name: answerText }).check();
    await check.getByRole("button", { name: "Check" }).click();
    await expect(feedback).toContainText("Correct.");
    errors.expectNone();
  });
}

test("keyboard learner asks for the answer after one wrong try", async ({ page }) => {
  const check = await lessonWithWhy(page);
  const feedback = check.locator("[data-kc-feedback]");
  const answerText = (await check.locator(".kc__option").nth(1).innerText()).trim();

  await check.getByRole("radio", { name: /more specific/ }).focus();
  await page.keyboard.press("Space");
  await check.getByRole("button", { name: "Check" }).focus();
  await page.keyboard.press("Enter");
  await expect(feedback).toContainText("How specific a rule is doesn't matter.");
  const show = check.getByRole("button", { name: "Show the answer" });
  await show.focus();
  await page.keyboard.press("Enter");
  await expect(feedback).toContainText(`The answer is “${answerText}”`);
  expect(await feedback.innerText()).not.toMatch(DOUBLED_STOP);
  await expect(check).not.toHaveAttribute("data-result");
  await expect(show).toBeHidden();
  // The button hid itself; the keyboard is left on the answer, not thrown back to the page.
  await expect(feedback).toBeFocused();
});

test("no knowledge check on any lesson ends its answer with a doubled full stop", async ({ page }) => {
  const lessons = await lessonsFromHome(page);
  for (const lesson of lessons) {
    await page.goto(lesson.url);
    for (const check of await page.locator("[data-knowledge-check]").all()) {
      const wrong = Number(await check.getAttribute("data-answer")) === 0 ? 1 : 0;
      await check.getByRole("radio").nth(wrong).check();
      await check.getByRole("button", { name: "Check" }).click();
      await check.getByRole("button", { name: "Show the answer" }).click();
      const text = await check.locator("[data-kc-feedback]").innerText();
      expect(text, lesson.slug).toContain("The answer is “");
      expect(text, `${lesson.slug}: ${text}`).not.toMatch(DOUBLED_STOP);
    }
  }
});
