import { expect, test, type Page } from "@playwright/test";
import { watchErrors } from "./support/course.ts";

/**
 * The JSON the course teaches is the JSON the editor takes. A learner copies the ARM rule that
 * lesson 3 shows (a `networkSecurityGroups/securityRules` child resource of nsg-snet-web) and
 * pastes it into the JSON editor of the exercise about that NSG: it is graded, not refused with
 * "should be a list of rules". A slip in it (one deleted comma) is one located error, with a
 * hint, and the pasted text stays in the editor to be fixed.
 */
const LESSON = "lessons/anatomy-of-a-security-rule/";
const EXERCISE = "exercises/fix-shadowed-allow/";

/** The lesson's ARM JSON block, as the learner would copy it from the page. */
async function copyLessonRule(page: Page): Promise<string> {
  await page.goto(LESSON);
  const block = page.locator("pre", { hasText: "Microsoft.Network/networkSecurityGroups/securityRules" });
  await expect(block).toHaveCount(1);
  const text = await block.innerText();
  expect(text).toContain('"name": "nsg-snet-web/Allow-HTTPS-From-Office"');
  return text;
}

async function openJsonEditor(page: Page) {
  await page.goto(EXERCISE);
  await page.getByRole("button", { name: "Open the editor" }).click();
  await expect(page.locator("[data-editor-host] .monaco-editor")).toBeVisible({ timeout: 20_000 });
  await page.getByRole("group", { name: "Rules format" }).getByLabel("JSON").check();
  await expect(page.locator("[data-message]")).toContainText("Converted your rules to JSON");
}

/** Select everything in the editor and paste `text` over it, through the clipboard. */
async function paste(page: Page, text: string) {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.locator("[data-editor-host] .view-lines").click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("ControlOrMeta+V");
}

test.beforeEach(async ({ context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
});

test("learner pastes lesson 3's ARM rule into the JSON editor and sees it graded", async ({ page }) => {
  const errors = watchErrors(page);
  const rule = await copyLessonRule(page);
  await openJsonEditor(page);

  // The editor's help names the shape the lesson uses.
  const help = page.locator("[data-json-shapes]");
  await help.getByText("JSON the editor reads").click();
  await expect(help).toContainText("An ARM securityRules resource, as lesson 3 shows it");

  await paste(page, rule);
  const score = page.locator("[data-score]");
  await expect(score).toHaveText(/^\d+ of \d+ checks pass\.$/);
  await expect(page.locator("[data-issues-section]")).toBeHidden();
  await expect(page.getByText("should be a list of rules")).toHaveCount(0);
  // The checks now run through the pasted rule: HTTPS from the head office to vm-web1 is its job.
  await expect(page.locator(".ex-trace").first()).toContainText("nsg-snet-web");
  await expect(page.locator("[data-editor-host] .view-lines")).toContainText("Allow-HTTPS-From-Office");
  errors.expectNone();
});

test("learner's slip in the pasted JSON shows exactly one located error, and the text stays to fix", async ({
  page,
}) => {
  const errors = watchErrors(page);
  const rule = await copyLessonRule(page);
  await openJsonEditor(page);
  const slip = rule.replace('"priority": 200,', '"priority": 200');
  expect(slip).not.toBe(rule);

  await paste(page, slip);
  const issues = page.locator("[data-issues] li");
  await expect(issues).toHaveCount(1);
  await expect(issues).toContainText("7:17");
  await expect(issues).toContainText('Invalid JSON: missing "," after 200');
  await expect(page.locator("[data-score]")).toContainText("to fix before they can be graded");
  await expect(page.locator("[data-editor-host] .squiggly-error")).toHaveCount(1);
  await expect(page.locator("[data-editor-host] .view-lines")).toContainText("Allow-HTTPS-From-Office");

  // The listed error jumps to its place; the learner adds the comma at the end of that line.
  await issues.getByRole("button").click();
  await page.keyboard.press("End");
  await page.keyboard.type(",");
  await expect(page.locator("[data-score]")).toHaveText(/^\d+ of \d+ checks pass\.$/);
  await expect(issues).toHaveCount(0);
  errors.expectNone();
});
