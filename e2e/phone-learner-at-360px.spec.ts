import { expect, test } from "@playwright/test";
import { expectNoHorizontalScroll, lessonsFromHome } from "./support/course.ts";

test.use({ viewport: { width: 360, height: 740 } });

test("phone learner sees every page without sideways scrolling", async ({ page }) => {
  const lessons = await lessonsFromHome(page);
  await expectNoHorizontalScroll(page);
  for (const lesson of lessons) {
    await page.goto(lesson.url);
    await expectNoHorizontalScroll(page);
  }
  for (const path of ["search/?q=rule", "no-such-page/"]) {
    await page.goto(path);
    await expectNoHorizontalScroll(page);
  }
});

test("phone learner opens and closes the lesson list with the keyboard", async ({ page }) => {
  const lessons = await lessonsFromHome(page);
  await page.goto(lessons[0]!.url);
  const toggle = page.getByRole("button", { name: /All lessons/ });
  const list = page.locator("#lesson-nav-list");
  await expect(toggle).toBeVisible();
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await expect(list).toBeHidden();

  // Tab from the top of the page: skip link, home link, search box, search button, toggle.
  for (let i = 0; i < 8 && !(await toggle.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press("Tab");
  }
  await expect(toggle).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  await expect(list).toBeVisible();
  await expectNoHorizontalScroll(page);

  await page.keyboard.press("Tab");
  await expect(list.getByRole("link").first()).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(list).toBeHidden();
  await expect(toggle).toBeFocused();

  await page.keyboard.press("Space");
  await expect(list).toBeVisible();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(lessons[0]!.url);
});

test("wide-screen learner always sees the sidebar, without a toggle", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const lessons = await lessonsFromHome(page);
  await page.goto(lessons[0]!.url);
  await expect(page.locator("#lesson-nav-list")).toBeVisible();
  await expect(page.getByRole("button", { name: /All lessons/ })).toBeHidden();
});
