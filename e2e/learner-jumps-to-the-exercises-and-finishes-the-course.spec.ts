import { expect, test, type Page } from "@playwright/test";
import { expectNoHorizontalScroll, lessonsFromHome, watchErrors } from "./support/course.ts";

/**
 * A learner finds their way around a lesson with its table of contents, skips straight to the
 * exercises, and at the end of the last lesson reads the course summary and where to go next.
 * At 1280 px and at 360 px.
 */
const WIDTHS = [
  { name: "desktop", width: 1280, height: 900 },
  { name: "phone", width: 360, height: 780 },
] as const;

/** Every link of the "On this page" list leads to a heading of this page. */
async function expectTocLinksToHeadings(page: Page) {
  const toc = page.getByRole("navigation", { name: "On this page" });
  await expect(toc).toBeVisible();
  const targets = await toc.locator("ol a").evaluateAll((links) =>
    links.map((a) => {
      const id = decodeURIComponent((a as HTMLAnchorElement).hash.slice(1));
      const target = document.getElementById(id);
      return { id, tag: target?.tagName ?? "missing", text: a.textContent?.trim() ?? "" };
    }),
  );
  expect(targets.length).toBeGreaterThan(3);
  for (const t of targets) expect(t.tag, `#${t.id} (${t.text})`).toMatch(/^H[23]$/);
}

for (const viewport of WIDTHS) {
  test.describe(`at ${viewport.width} px`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });

    test(`learner reads each lesson's table of contents and jumps straight to its exercises (${viewport.name})`, async ({
      page,
    }) => {
      const errors = watchErrors(page);
      for (const lesson of await lessonsFromHome(page)) {
        await page.goto(lesson.url);
        await expectTocLinksToHeadings(page);
        const jump = page.getByRole("link", { name: /^Jump to the exercises/ });
        await expect(jump).toBeVisible();
        const exercises = await page.locator("section.ex[data-exercise]").count();
        await expect(jump).toContainText(`(${exercises} exercise${exercises === 1 ? "" : "s"})`);
        await expectNoHorizontalScroll(page);

        await jump.click();
        await expect(page).toHaveURL(/#try-it$/);
        const heading = page.getByRole("heading", { level: 2, name: "Try it" });
        await expect(heading).toBeInViewport();
        // The exercises follow the heading the link lands on.
        const firstExercise = page.locator("section.ex[data-exercise]").first();
        const [headingBox, exerciseBox] = [await heading.boundingBox(), await firstExercise.boundingBox()];
        expect(exerciseBox!.y).toBeGreaterThan(headingBox!.y);
      }
      errors.expectNone();
    });

    test(`learner finishes the last lesson and reads the course summary and where to go next (${viewport.name})`, async ({
      page,
    }) => {
      const errors = watchErrors(page);
      const lessons = await lessonsFromHome(page);
      // Only the last lesson ends the course.
      await page.goto(lessons[0]!.url);
      await expect(page.getByRole("heading", { name: "Course summary" })).toHaveCount(0);

      const last = lessons.at(-1)!;
      await page.goto(last.url);
      const toc = page.getByRole("navigation", { name: "On this page" });
      await toc.getByRole("link", { name: "Course summary" }).click();
      await expect(page).toHaveURL(/#course-summary$/);
      await expect(page.getByRole("heading", { level: 2, name: "Course summary" })).toBeInViewport();

      // One sentence per lesson, each linking back to its lesson.
      const end = page.locator("[data-course-end]");
      const recap = end.locator(".course-end__recap > li");
      await expect(recap).toHaveCount(lessons.length);
      for (const [i, lesson] of lessons.entries()) {
        const link = recap.nth(i).getByRole("link");
        await expect(link).toHaveText(lesson.title);
        expect(await link.evaluate((a) => (a as HTMLAnchorElement).href)).toBe(lesson.url);
        expect((await recap.nth(i).innerText()).length).toBeGreaterThan(lesson.title.length + 30);
      }

      await expect(end.getByRole("heading", { level: 2, name: "Where to go next" })).toBeVisible();
      for (const [name, path] of [
        ["All exercises", "/nsg-lab/exercises/"],
        ["flow tracer playground", "/nsg-lab/playground/"],
        ["Build an assignment", "/nsg-lab/assign/"],
      ] as const)
        await expect(end.getByRole("link", { name })).toHaveAttribute("href", path);
      await expect(end.getByRole("link", { name: "NSG diagnostics" })).toHaveAttribute(
        "href",
        /^https:\/\/learn\.microsoft\.com\//,
      );
      await expectNoHorizontalScroll(page);

      // Where to go next leads somewhere real.
      await end.getByRole("link", { name: "All exercises" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Exercises");
      errors.expectNone();
    });
  });
}
