import { expect, test } from "@playwright/test";
import { lessonsFromHome, watchErrors } from "./support/course.ts";
import { exerciseFile, exerciseOn, openEditorIn, pasteRules } from "./support/exercise.ts";

test("learner answers the knowledge checks and passes the exercises, and the lesson completes itself", async ({
  page,
}) => {
  const errors = watchErrors(page);
  const [first] = await lessonsFromHome(page);
  await page.goto(first!.url);
  const exercises = await page
    .locator("[data-exercise]")
    .evaluateAll((all) =>
      all.map((e) => ({ id: (e as HTMLElement).dataset.exercise!, kind: (e as HTMLElement).dataset.kind! })),
    );
  const write = exercises.find((e) => e.kind === "author-rules")!;
  // The predict exercises were passed earlier (this browser remembers them).
  await page.evaluate(
    (ids) => {
      const exercises = Object.fromEntries(ids.map((id) => [id, { passedAt: "2026-11-30T10:00:00.000Z" }]));
      localStorage.setItem("nsg-lab:exercises:v2", JSON.stringify({ version: 2, exercises }));
    },
    exercises.filter((e) => e.kind === "predict").map((e) => e.id),
  );
  await page.reload();

  for (const check of await page.locator("[data-knowledge-check]").all()) {
    const answer = Number(await check.getAttribute("data-answer"));
    await check.locator("input[type=radio]").nth(answer).check();
    await check.getByRole("button", { name: "Check" }).click();
    await expect(check.locator("[data-kc-feedback]")).toContainText("Correct.");
  }
  await expect(page.getByRole("button", { name: "Mark lesson complete" })).toBeVisible();

  await openEditorIn(page, write.id);
  await pasteRules(page, write.id, exerciseFile(write.id).solution!);
  await expect(exerciseOn(page, write.id).locator("[data-complete]")).toBeVisible();
  await expect(page.getByRole("button", { name: "Mark as not complete" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("button", { name: "Mark as not complete" })).toBeVisible();
  await expect(page.locator("[data-knowledge-check]").first().locator("[data-kc-feedback]")).toContainText(
    "You answered this one right before.",
  );
  errors.expectNone();
});
