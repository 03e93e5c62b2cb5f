import { expect, type Page } from "@playwright/test";

export const PROGRESS_KEY = "nsg-lab:progress:v1";

export interface LessonLink {
  title: string;
  /** Absolute URL of the lesson page. */
  url: string;
  slug: string;
}

/** The lessons as the course home lists them, in order. */
export async function lessonsFromHome(page: Page): Promise<LessonLink[]> {
  await page.goto("./");
  const cards = page.locator(".lesson-list > li");
  const count = await cards.count();
  expect(count, "the course home lists lessons").toBeGreaterThanOrEqual(1);
  const lessons: LessonLink[] = [];
  for (let i = 0; i < count; i++) {
    const card = cards.nth(i);
    const link = card.getByRole("heading").getByRole("link");
    lessons.push({
      title: (await link.innerText()).trim(),
      url: await link.evaluate((a) => (a as HTMLAnchorElement).href),
      slug: (await card.getAttribute("data-progress-slug")) ?? "",
    });
  }
  return lessons;
}

/** Records console errors and uncaught exceptions; call `expectNone()` at the end. */
export function watchErrors(page: Page) {
  const errors: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(`console error on ${page.url()}: ${msg.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`page error on ${page.url()}: ${error.message}`));
  return {
    errors,
    expectNone: () => expect(errors, errors.join("\n")).toEqual([]),
  };
}

/** The page must not scroll sideways (the 360px layout check). */
export async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(overflow.scrollWidth, `page at ${page.url()} scrolls sideways`).toBeLessThanOrEqual(
    overflow.clientWidth,
  );
}
