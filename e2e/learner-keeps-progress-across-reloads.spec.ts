import { expect, test } from "@playwright/test";
import { exerciseFile, exerciseOn, openEditorIn, pasteRules } from "./support/exercise.ts";
import { watchErrors } from "./support/course.ts";

const ID = "ftp-active";
const solution = exerciseFile(ID).solution!;

test("learner passes an exercise, reloads, and sees it passed on the exercise and in the index", async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto(`exercises/${ID}/`);
  await openEditorIn(page, ID);
  await pasteRules(page, ID, solution);
  await expect(exerciseOn(page, ID).locator("[data-complete]")).toContainText("Exercise complete ✓");

  await page.reload();
  await expect(exerciseOn(page, ID).locator("[data-score]")).toContainText("You passed this exercise on");
  await page.goto("exercises/");
  const item = page.locator(`[data-exercise-link="${ID}"]`);
  await expect(item).toHaveAttribute("data-progress", "passed");
  await expect(item.getByText("Passed ✓")).toBeVisible();
  errors.expectNone();
});

test("one damaged saved result does not cost the learner their other passes", async ({ page }) => {
  await page.addInitScript(() => {
    if (sessionStorage.getItem("seeded")) return;
    sessionStorage.setItem("seeded", "1");
    localStorage.setItem(
      "nsg-lab:exercises:v1",
      JSON.stringify({
        version: 1,
        passed: { "app-tier-asg": "2026-11-01T10:00:00.000Z", "smtp-relay-on-587": "not a date" },
      }),
    );
  });
  await page.goto(`exercises/${ID}/`);
  await openEditorIn(page, ID);
  await pasteRules(page, ID, solution);
  await expect(exerciseOn(page, ID).locator("[data-complete]")).toBeVisible();
  await page.goto("exercises/");
  await expect(page.locator('[data-exercise-link="app-tier-asg"]')).toHaveAttribute(
    "data-progress",
    "passed",
  );
  await expect(page.locator(`[data-exercise-link="${ID}"]`)).toHaveAttribute("data-progress", "passed");
});

test("when storage refuses the pass, the learner is told it was not recorded", async ({ page }) => {
  await page.addInitScript(() => {
    const real = Object.getOwnPropertyDescriptor(Storage.prototype, "setItem")!.value as (
      this: Storage,
      key: string,
      value: string,
    ) => void;
    Storage.prototype.setItem = function (this: Storage, key: string, value: string) {
      if (key.startsWith("nsg-lab:exercises"))
        throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      real.call(this, key, value);
    };
  });
  await page.goto(`exercises/${ID}/`);
  await openEditorIn(page, ID);
  await pasteRules(page, ID, solution);
  const root = exerciseOn(page, ID);
  await expect(root.locator("[data-complete]")).toContainText("not recorded in this browser");
  await expect(root.locator("[data-message]")).toContainText("would not record the pass");
});
