import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { parse } from "yaml";
import { watchErrors } from "./support/course.ts";

/** A predict exercise: no editor, one allow/deny choice per flow, then the evaluator's verdicts. */

const ID = "which-default-rule";
const exercise = parse(readFileSync(new URL(`../graders/${ID}.yaml`, import.meta.url), "utf8")) as {
  title: string;
  expectations: { name: string; expect: "allow" | "deny"; decidedBy?: string }[];
};
const opposite = (v: "allow" | "deny") => (v === "allow" ? "deny" : "allow");

test("learner predicts each flow, checks, sees which were right with the deciding path, retries the wrong one without being told, then passes", async ({
  page,
}) => {
  const errors = watchErrors(page);
  const requests: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(`exercises/${ID}/`);
  await expect(page.getByRole("heading", { level: 1, name: exercise.title })).toBeVisible();
  // The page does not give the answers away.
  await expect(page.locator(".ex-check__expect")).toHaveCount(0);

  const items = page.locator("[data-check]");
  await expect(items).toHaveCount(exercise.expectations.length);
  // The grader is fetched only when the learner answers or checks; checking before answering reveals nothing.
  await page.waitForLoadState("networkidle");
  expect(requests.filter((u) => /predict-island|editor-island|monaco/.test(u))).toEqual([]);
  await page.getByRole("button", { name: "Check" }).click();
  await expect(page.locator("[data-score]")).toHaveText(
    "Choose Allow or Deny for each flow, then press Check.",
  );
  await expect(page.locator(".ex-trace")).toHaveCount(0);
  for (const [i, e] of exercise.expectations.entries()) {
    const answer = i === 0 ? opposite(e.expect) : e.expect; // one deliberate mistake
    await items
      .nth(i)
      .getByRole("radio", { name: answer === "allow" ? "Allow" : "Deny" })
      .check();
  }
  expect(requests.filter((u) => /editor-island|monaco/.test(u))).toEqual([]);
  await page.getByRole("button", { name: "Check" }).click();

  const total = exercise.expectations.length;
  await expect(page.locator("[data-score]")).toContainText(`${total - 1} of ${total} predictions are right.`);
  const first = items.first();
  await expect(first).toHaveAttribute("data-state", "fail");
  await expect(first.locator("[data-check-status]")).toHaveText("✗ Not quite");
  // A first wrong prediction keeps the verdict and its path hidden: the learner thinks again.
  await expect(first.locator(".ex-trace")).toHaveCount(0);
  await expect(first.locator("[data-check-result]")).not.toContainText("Azure:");
  await expect(first.getByRole("button", { name: /Show the answer/ })).toBeVisible();
  const second = items.nth(1);
  await expect(second.locator("[data-check-status]")).toHaveText("✓ Right");
  await expect(second.locator(".ex-check__actual")).toContainText(
    `You said ${exercise.expectations[1]!.expect}.`,
  );
  await expect(second.locator(".ex-trace > li").last()).toContainText(
    exercise.expectations[1]!.decidedBy ?? "",
  );

  await first
    .getByRole("radio", { name: exercise.expectations[0]!.expect === "allow" ? "Allow" : "Deny" })
    .check();
  await expect(first.locator("[data-check-result]")).toBeEmpty();
  await page.getByRole("button", { name: "Check" }).click();
  await expect(page.locator("[data-score]")).toHaveText(
    `All ${total} predictions are right. Exercise complete ✓`,
  );
  await expect(first.locator("[data-check-status]")).toHaveText("✓ Right");
  expect(requests.some((u) => /predict-island/.test(u))).toBe(true);
  // The editor and its workers (the page's own service worker, sw.js, is not the editor).
  expect(
    requests.filter((u) => /editor-island|monaco|grade-worker|editor\.worker|json\.worker/.test(u)),
  ).toEqual([]);
  errors.expectNone();
});
