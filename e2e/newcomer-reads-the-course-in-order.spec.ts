import { expect, test } from "@playwright/test";
import { lessonsFromHome } from "./support/course.ts";

test("newcomer opens the course home and reads every lesson in order via the next links", async ({
  page,
}) => {
  const lessons = await lessonsFromHome(page);

  await expect(page.getByRole("heading", { level: 1 })).toContainText("NSG Lab");
  await expect(page.locator(".hero")).toContainText("Network Security Groups");
  const start = page.getByRole("link", { name: "Start the course" });
  await expect(start).toBeVisible();
  await start.click();

  for (const [i, lesson] of lessons.entries()) {
    await expect(page).toHaveURL(lesson.url);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(lesson.title);
    await expect(page.getByText(`Lesson ${i + 1} of ${lessons.length}`)).toBeVisible();
    await expect(page.getByRole("heading", { name: "In this lesson you will" })).toBeVisible();
    const sidebar = page.getByRole("navigation", { name: "Lessons" });
    await expect(sidebar.locator('a[aria-current="page"]')).toHaveAttribute(
      "href",
      new URL(lesson.url).pathname,
    );

    const pager = page.getByRole("navigation", { name: "Previous and next lesson" });
    if (i > 0)
      await expect(pager.locator('a[rel="prev"]')).toHaveAttribute(
        "href",
        new URL(lessons[i - 1]!.url).pathname,
      );
    const next = pager.locator('a[rel="next"]');
    if (i < lessons.length - 1) {
      await expect(next).toContainText(lessons[i + 1]!.title);
      await next.click();
    } else {
      await expect(next).toHaveCount(0);
      await pager.getByRole("link", { name: /course overview/ }).click();
      await expect(page.getByRole("heading", { level: 1 })).toContainText("NSG Lab");
    }
  }
});
