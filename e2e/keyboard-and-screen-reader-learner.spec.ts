import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { lessonsFromHome } from "./support/course.ts";

test("keyboard learner skips straight to the content", async ({ page }) => {
  const lessons = await lessonsFromHome(page);
  await page.goto(lessons[0]!.url);
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
  // Landmarks and one h1 per page.
  await expect(page.getByRole("banner")).toHaveCount(1);
  await expect(page.getByRole("main")).toHaveCount(1);
  await expect(page.getByRole("contentinfo")).toHaveCount(1);
  await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`screen-reader learner meets no axe violations in the ${colorScheme} theme`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme });
    const lessons = await lessonsFromHome(page);
    // Every kind of page: each lesson (with its embedded exercises), the course tools and the 404.
    const pages = [
      "./",
      ...lessons.map((l) => l.url),
      "search/?q=rule",
      "exercises/",
      "assign/",
      "assignment/?exercises=ftp-active,which-default-rule",
      "no-such-page/",
    ];
    for (const path of pages) {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      const { violations } = await new AxeBuilder({ page })
        .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
        .analyze();
      const summary = violations.map(
        (v) =>
          `${path}: ${v.id} (${v.nodes.length}) ${v.nodes
            .map((n) => n.target.join(" "))
            .slice(0, 3)
            .join(", ")}`,
      );
      expect(summary, summary.join("\n")).toEqual([]);
    }
  });
}
