import { readFileSync } from "node:fs";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { parse } from "yaml";
import { expectNoHorizontalScroll, watchErrors } from "./support/course.ts";

/**
 * A wrong prediction teaches: the learner first tries again, then (on request or after a second
 * wrong check) reads why, with each NSG's rules checked field by field. The answers survive a
 * reload, with the verdicts they had.
 */

const ID = "which-default-rule";
const exercise = parse(readFileSync(new URL(`../graders/${ID}.yaml`, import.meta.url), "utf8")) as {
  expectations: { name: string; expect: "allow" | "deny" }[];
};
const INTERNET = exercise.expectations.findIndex((e) => e.name.startsWith("A host on the internet"));
const label = (v: "allow" | "deny") => (v === "allow" ? "Allow" : "Deny");
const opposite = (v: "allow" | "deny") => (v === "allow" ? "deny" : "allow");

async function answer(page: Page, i: number, value: "allow" | "deny"): Promise<Locator> {
  const item = page.locator("[data-check]").nth(i);
  await item.getByRole("radio", { name: label(value) }).check();
  return item;
}

const check = (page: Page) => page.getByRole("button", { name: "Check", exact: true }).click();

for (const width of [1280, 360]) {
  test(`learner predicts wrongly twice and reads which fields of which rules matched, at ${width} px`, async ({
    page,
  }) => {
    const errors = watchErrors(page);
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`exercises/${ID}/`);
    const item = await answer(page, INTERNET, "allow"); // it is denied
    await check(page);
    await expect(item.locator("[data-check-status]")).toHaveText("✗ Not quite");
    await expect(item.locator("[data-check-result]")).toContainText("first rule whose five fields all match");
    await expect(item.locator(".ex-trace")).toHaveCount(0);

    // The same answer checked again is the second wrong try: now the verdict and why show.
    await check(page);
    await expect(item.locator(".ex-check__actual")).toContainText("You said allow. Azure: deny");
    const why = item.locator(".ex-check__explanation");
    await expect(why).toContainText(
      "AllowVnetInBound (65000) and AllowAzureLoadBalancerInBound (65001) don't match its source address.",
    );
    await expect(why).toContainText("DenyAllInBound (65500) is the first rule whose five fields all match");
    await expect(item.getByRole("button", { name: /Show the answer/ })).toHaveCount(0);

    const rules = item.locator(".ex-rulecheck");
    await expect(rules).toHaveCount(3);
    await expect(rules.nth(0).locator(".ex-rulecheck__rule")).toHaveText("AllowVnetInBound (65000)");
    await expect(rules.nth(0)).toContainText("no match");
    await expect(rules.nth(0).locator(".ex-field--miss")).toHaveCount(1);
    await expect(rules.nth(0).locator('[data-field="sourceAddress"]')).toHaveText(
      "✗ source address does not match",
    );
    await expect(rules.nth(0).locator(".ex-field--match")).toHaveCount(4);
    await expect(rules.nth(2)).toContainText("DenyAllInBound (65500) matches → Deny");
    await expect(rules.nth(2).locator(".ex-field--match")).toHaveCount(5);
    for (const field of await item.locator(".ex-field").all()) await expect(field).toBeVisible();
    await expectNoHorizontalScroll(page);

    await answer(page, INTERNET, "deny");
    await check(page);
    await expect(item.locator("[data-check-status]")).toHaveText("✓ Right");
    // A right answer keeps its rules behind a disclosure.
    await expect(item.locator(".ex-rulechecks-box")).not.toHaveAttribute("open");
    errors.expectNone();
  });
}

test("keyboard learner asks for the answer after one wrong prediction", async ({ page }) => {
  await page.goto(`exercises/${ID}/`);
  const item = page.locator("[data-check]").nth(INTERNET);
  await item.getByRole("radio", { name: "Allow" }).focus();
  await page.keyboard.press("Space");
  await page.getByRole("button", { name: "Check", exact: true }).focus();
  await page.keyboard.press("Enter");
  const show = item.getByRole("button", { name: /Show the answer/ });
  await expect(show).toBeVisible();
  // Its name says which flow it answers.
  await expect(show).toHaveAccessibleName(`Show the answer: ${exercise.expectations[INTERNET]!.name}`);
  await show.focus();
  await page.keyboard.press("Enter");
  await expect(item.locator(".ex-check__actual")).toContainText("Azure: deny");
  await expect(item.locator("[data-check-result]")).toBeFocused();
  await expect(item.locator(".ex-rulechecks-box").first()).toHaveAttribute("open");
});

test("learner reloads and finds their predictions and verdicts as they left them", async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(`exercises/${ID}/`);
  const total = exercise.expectations.length;
  // All but two answered rightly; one wrong, one left open.
  for (const [i, e] of exercise.expectations.entries()) {
    if (i === total - 1) continue;
    await answer(page, i, i === 0 ? opposite(e.expect) : e.expect);
  }
  await check(page);
  const score = page.locator("[data-score]");
  await expect(score).toContainText(`${total - 2} of ${total} predictions are right. 1 not answered yet.`);
  // An answer chosen after the check is remembered too, without a verdict.
  const last = await answer(page, total - 1, exercise.expectations[total - 1]!.expect);

  await page.reload();
  const items = page.locator("[data-check]");
  await expect(score).toContainText(`${total - 2} of ${total} predictions are right.`);
  await expect(
    items.nth(0).getByRole("radio", { name: label(opposite(exercise.expectations[0]!.expect)) }),
  ).toBeChecked();
  await expect(items.nth(0).locator("[data-check-status]")).toHaveText("✗ Not quite");
  await expect(items.nth(0).getByRole("button", { name: /Show the answer/ })).toBeVisible();
  await expect(items.nth(1).locator("[data-check-status]")).toHaveText("✓ Right");
  await expect(items.nth(1).locator(".ex-trace")).toBeVisible();
  await expect(
    last.getByRole("radio", { name: label(exercise.expectations[total - 1]!.expect) }),
  ).toBeChecked();
  await expect(last.locator("[data-check-result]")).toBeEmpty();

  // A shown answer stays shown; the wrong try counted before the reload still counts.
  await items
    .nth(0)
    .getByRole("button", { name: /Show the answer/ })
    .click();
  await expect(items.nth(0).locator(".ex-check__explanation")).toBeVisible();
  await page.reload();
  await expect(items.nth(0).locator(".ex-check__explanation")).toContainText("Why:");

  await answer(page, 0, exercise.expectations[0]!.expect);
  await check(page);
  await expect(score).toHaveText(`All ${total} predictions are right. Exercise complete ✓`);
  await page.reload();
  await expect(score).toHaveText(`All ${total} predictions are right. Exercise complete ✓`);
  await expect(page.locator('[data-check][data-state="pass"]')).toHaveCount(total);
  errors.expectNone();
});
