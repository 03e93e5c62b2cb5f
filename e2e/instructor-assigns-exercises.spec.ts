import { expect, test } from "@playwright/test";

test("instructor builds an assignment link; a learner opening it sees just those exercises, in order, with progress", async ({
  page,
  context,
}) => {
  await page.goto("assign/");
  await page.getByLabel("Assignment title").fill("Week 3: ports");
  await page.getByRole("checkbox", { name: /sending mail from a pay-as-you-go/i }).check();
  await page.getByRole("checkbox", { name: /active FTP to the video-ingest VM/i }).check();
  // Reorder: FTP first.
  await page.getByRole("button", { name: /Move Open active FTP to the video-ingest VM up/i }).click();
  const link = await page.getByLabel("Assignment link").inputValue();
  expect(link).toContain("/nsg-lab/assignment/?title=Week+3%3A+ports&exercises=ftp-active%2C");

  // The learner has already passed the FTP exercise in an earlier session.
  const learner = await context.newPage();
  await learner.addInitScript(() =>
    localStorage.setItem(
      "nsg-lab:exercises:v1",
      JSON.stringify({ version: 1, passed: { "ftp-active": "2026-11-01T10:00:00.000Z" } }),
    ),
  );
  await learner.goto(link);
  await expect(learner.getByRole("heading", { level: 1 })).toHaveText("Week 3: ports");
  const titles = learner.locator(".assignment__item:not([hidden]) .ex__title");
  await expect(titles).toHaveCount(2);
  await expect(titles.first()).toHaveText("Open active FTP to the video-ingest VM");
  await expect(learner.locator("[data-assignment-item]")).toHaveCount(2); // nothing else is on the page
  // The page's own status (the site's update notice is a status region too, empty here).
  await expect(learner.getByRole("status").filter({ hasText: "exercises passed" })).toHaveText(
    "1 of 2 exercises passed.",
  );
  await expect(learner.locator("[data-assignment-progress] li").first()).toContainText("passed ✓");
});

test("a stale assignment link keeps what still exists and says what it left out", async ({ page }) => {
  await page.goto("assignment/?exercises=ftp-active,retired-exercise");
  await expect(page.locator(".assignment__item:not([hidden])")).toHaveCount(1);
  await expect(
    page.getByText("Some exercises in this link no longer exist and were left out: retired-exercise."),
  ).toBeVisible();
});

test("an assignment link without exercises explains itself", async ({ page }) => {
  await page.goto("assignment/");
  await expect(page.getByText(/names no exercises/)).toBeVisible();
});
