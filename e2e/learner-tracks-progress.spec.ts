import { expect, test } from "@playwright/test";
import { lessonsFromHome } from "./support/course.ts";

test("learner marks a lesson complete and sees checkmarks in home and sidebar after a reload", async ({
  page,
}) => {
  const lessons = await lessonsFromHome(page);
  const [first, second] = lessons;

  await page.goto(first!.url);
  await page.getByRole("button", { name: "Mark lesson complete" }).click();
  await expect(page.getByRole("status").filter({ hasText: "You completed this lesson" })).toBeVisible();

  await page.reload();
  await expect(page.getByRole("button", { name: "Mark as not complete" })).toBeVisible();
  const sidebar = page.getByRole("navigation", { name: "Lessons" });
  await expect(sidebar.locator(`li[data-progress-slug="${first!.slug}"] .done-mark`)).toBeVisible();
  if (second)
    await expect(sidebar.locator(`li[data-progress-slug="${second.slug}"] .done-mark`)).toBeHidden();

  await page.goto("./");
  await expect(
    page.locator(`.lesson-list li[data-progress-slug="${first!.slug}"]`).getByText("Completed"),
  ).toBeVisible();
  if (!second) {
    await expect(page.getByRole("link", { name: "Review from the start" })).toBeVisible();
    return;
  }
  await expect(
    page.locator(`.lesson-list li[data-progress-slug="${second.slug}"]`).getByText("Completed"),
  ).toBeHidden();
  const resume = page.getByRole("link", { name: `Continue: ${second.title}` });
  await expect(resume).toBeVisible();
  await expect(page.getByText(`1 of ${lessons.length} lessons complete`)).toBeVisible();
  await resume.click();
  await expect(page).toHaveURL(second.url);

  // Completing the second lesson and undoing the first sends "continue" back to the first.
  await page.getByRole("button", { name: "Mark lesson complete" }).click();
  await page.goto(first!.url);
  await page.getByRole("button", { name: "Mark as not complete" }).click();
  await expect(page.getByRole("button", { name: "Mark lesson complete" })).toBeVisible();
  await page.goto("./");
  await expect(page.getByRole("link", { name: `Continue: ${first!.title}` })).toBeVisible();
});

test("learner who finished every lesson is offered a review from the start", async ({ page }) => {
  const lessons = await lessonsFromHome(page);
  await page.evaluate(
    (slugs) => {
      const completed = Object.fromEntries(slugs.map((s) => [s, new Date().toISOString()]));
      localStorage.setItem("nsg-lab:progress:v1", JSON.stringify({ version: 1, completed }));
    },
    lessons.map((l) => l.slug),
  );
  await page.reload();
  await expect(page.getByRole("link", { name: "Review from the start" })).toHaveAttribute(
    "href",
    new URL(lessons[0]!.url).pathname,
  );
  await expect(page.getByText(`All ${lessons.length} lessons complete`)).toBeVisible();
  await expect(page.locator(".lesson-list .done-mark")).toHaveCount(lessons.length);
  for (const mark of await page.locator(".lesson-list .done-mark").all()) await expect(mark).toBeVisible();
});
