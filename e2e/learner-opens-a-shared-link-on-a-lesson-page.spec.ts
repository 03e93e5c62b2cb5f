import { expect, test } from "@playwright/test";
import { lessonsFromHome } from "./support/course.ts";
import { exerciseOn, openEditorIn, pasteRules } from "./support/exercise.ts";

/** Lesson 7 embeds three exercises; links must find their own. */
const TARGET = "ftp-passive";
const OTHER = "ftp-active";

async function linkFor(page: import("@playwright/test").Page, text: string): Promise<string> {
  await page.goto(`exercises/${TARGET}/`);
  await openEditorIn(page, TARGET);
  await pasteRules(page, TARGET, text);
  await page.getByText("Share a link to these rules").click();
  await page.getByRole("button", { name: "Copy link" }).click();
  return page.getByLabel("Link", { exact: true }).inputValue();
}

test("a link made for one exercise opens on a lesson page at that exercise, and only there", async ({
  page,
  browser,
}) => {
  const link = await linkFor(page, "# passive FTP attempt\n");
  const hash = new URL(link).hash;
  expect(hash).toMatch(/^#rules=v2\.ftp-passive\./);
  const lessons = await lessonsFromHome(page);
  // The lesson that embeds both FTP exercises: the capstone, wherever it sits in the course.
  const capstone = lessons.find((l) => l.url.includes("capstone"))!;

  const classmate = await browser.newContext();
  const other = await classmate.newPage();
  await other.goto(capstone.url + hash);
  const target = exerciseOn(other, TARGET);
  await expect(target.locator("[data-opener-note]")).toContainText(
    "carries someone's rules for this exercise",
  );
  await expect(target).toBeInViewport();
  await expect(exerciseOn(other, OTHER).locator("[data-opener-note]")).not.toContainText(
    "carries someone's rules",
  );

  // Opening another exercise first does not pour the link into it.
  await openEditorIn(other, OTHER);
  await expect(exerciseOn(other, OTHER).locator("[data-message]")).not.toContainText(
    "Loaded the rules from the link",
  );
  await openEditorIn(other, TARGET);
  await expect(target.locator("[data-message]")).toContainText("Loaded the rules from the link.");
  await expect(target.locator("[data-editor-host] .view-lines")).toContainText("passive FTP attempt");
  await classmate.close();
});

test("a link cut when copied is refused with a message, and the learner's rules stay", async ({ page }) => {
  const link = await linkFor(page, "# my own rules\n");
  await page.waitForFunction(() => localStorage.getItem("nsg-lab:draft:v1:ftp-passive")?.includes("my own"));
  const cut = link.slice(0, Math.floor(link.length * 0.6));
  await page.goto("./");
  await page.goto(cut);
  await openEditorIn(page, TARGET);
  await expect(exerciseOn(page, TARGET).locator("[data-message]")).toContainText("damaged");
  await expect(exerciseOn(page, TARGET).locator("[data-editor-host] .view-lines")).toContainText(
    "my own rules",
  );
});

test("two shared links in a row never lose the learner's own rules", async ({ page }) => {
  const first = await linkFor(page, "# first link\n");
  const second = await linkFor(page, "# second link\n");
  await pasteRules(page, TARGET, "# my own work\n");
  await page.waitForFunction(() =>
    localStorage.getItem("nsg-lab:draft:v1:ftp-passive")?.includes("my own work"),
  );
  for (const link of [first, second]) {
    await page.goto("./");
    await page.goto(link);
    await exerciseOn(page, TARGET).getByRole("button", { name: "Open the editor" }).click();
    // The saved draft differs from the link's rules: the learner is asked first.
    await page.getByRole("button", { name: "Load the link's rules" }).click();
    await expect(exerciseOn(page, TARGET).locator("[data-editor-host] .view-lines")).toContainText("link");
  }
  const history = exerciseOn(page, TARGET).locator("[data-history-panel]");
  await history.getByText(/Earlier versions/).click();
  const mine = history
    .locator("[data-history-entry]")
    .filter({ hasText: "before loading a shared link" })
    .nth(1);
  await mine.getByRole("button", { name: "Restore" }).click();
  await expect(exerciseOn(page, TARGET).locator("[data-editor-host] .view-lines")).toContainText(
    "my own work",
  );
});
