import { expect, test, type Page } from "@playwright/test";
import { lessonsFromHome, watchErrors } from "./support/course.ts";

/**
 * The exercise lists follow the course: lesson by lesson, and inside a lesson in the order its
 * page shows the exercises, not alphabetically. The order is read from the lesson pages
 * themselves, so the journey follows the content.
 */
async function exercisesOfTheCourse(page: Page): Promise<string[]> {
  const ids: string[] = [];
  for (const lesson of await lessonsFromHome(page)) {
    await page.goto(lesson.url);
    ids.push(
      ...(await page
        .locator("section.ex[data-exercise]")
        .evaluateAll((s) => s.map((e) => e.dataset.exercise!))),
    );
  }
  return ids;
}

test("learner browsing /exercises and instructor building an assignment both meet the exercises in lesson order", async ({
  page,
}) => {
  const errors = watchErrors(page);
  const course = await exercisesOfTheCourse(page);
  expect(course.length).toBeGreaterThan(10);
  // Lesson 4 shows "subnet-then-nic" before "allow-at-both-levels": not the alphabet's order.
  expect(course.indexOf("subnet-then-nic")).toBeLessThan(course.indexOf("allow-at-both-levels"));

  await page.goto("exercises/");
  const groups = page.locator("section.ex-index");
  const listed: string[] = [];
  for (let i = 0; i < (await groups.count()); i++) {
    const ids = await groups
      .nth(i)
      .locator("[data-exercise-link]")
      .evaluateAll((items) => items.map((e) => e.getAttribute("data-exercise-link")!));
    // Each kind's list keeps the course's order.
    expect(ids).toEqual(course.filter((id) => ids.includes(id)));
    listed.push(...ids);
  }
  expect([...listed].sort()).toEqual([...course].sort());

  await page.goto("assign/");
  const choices = await page
    .locator('input[type="checkbox"][name="exercise"]')
    .evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).value));
  expect(choices).toEqual(course);
  // The first exercise of lesson 1 heads the first group of exercises.
  const lessonGroups = page.locator('.assign__group:has(input[name="exercise"])');
  await expect(lessonGroups.first().locator("legend")).toContainText("Lesson 1");
  await expect(lessonGroups.first().locator(".assign__choice").first()).toContainText(
    "Predict: what reaches a brand-new VM?",
  );
  errors.expectNone();
});
