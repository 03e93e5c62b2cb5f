import { expect, test } from "@playwright/test";
import { lessonsFromHome } from "./support/course.ts";

test("learner searches for a word from a lesson's body and opens the result", async ({ page }) => {
  const lessons = await lessonsFromHome(page);
  const lesson = lessons.at(-1)!;
  await page.goto(lesson.url);
  // A distinctive word from the lesson text (not its title), so the body is what is indexed.
  const text = await page.locator("article > p, article > ul li").allInnerTexts();
  const title = lesson.title.toLowerCase();
  const word = text
    .join(" ")
    .split(/[^A-Za-z]+/)
    .filter((w) => w.length >= 7 && !title.includes(w.toLowerCase()))
    .sort((a, b) => b.length - a.length)[0];
  expect(word, "the lesson body has a word to search for").toBeTruthy();

  await page.getByRole("searchbox", { name: "Search lessons" }).fill(word!);
  await page.getByRole("searchbox", { name: "Search lessons" }).press("Enter");
  await expect(page).toHaveURL(/\/search\/\?q=/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Search the lessons");
  await expect(page.getByRole("searchbox")).toHaveValue(word!);

  const results = page.locator("[data-search-results] li");
  await expect(results.first()).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: /match/ })).toBeVisible();
  await expect(results.locator("mark").first()).toBeVisible();
  const link = results.getByRole("link", { name: lesson.title });
  await expect(link).toHaveAttribute("href", new URL(lesson.url).pathname);
  await link.click();
  await expect(page).toHaveURL(lesson.url);
  await expect(page.locator("article")).toContainText(word!);
});

test("learner searching for nonsense is told nothing matches", async ({ page }) => {
  await page.goto("search/?q=zzqxxjv");
  await expect(page.getByRole("status").filter({ hasText: "No lessons match" })).toBeVisible();
  await expect(page.locator("[data-search-results] li")).toHaveCount(0);
});
