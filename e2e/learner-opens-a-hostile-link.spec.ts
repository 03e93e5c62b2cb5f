import { expect, test } from "@playwright/test";
import { watchErrors } from "./support/course.ts";
import { useCodeEditors } from "./support/playground.ts";

/**
 * Links are hostile input: anyone can make one. A link holding text that once froze the page
 * for up to a minute (a run of comment markers) or crashed the grader (4 KB of brackets) must
 * load at once, say what is wrong and where, and keep the text for the learner to fix.
 */
const COMMENT_BOMB = "/**/".repeat(31) + "x";
const BRACKETS = "[".repeat(2000) + "]".repeat(2000);
const b64 = (text: string) => Buffer.from(text).toString("base64url");

test("learner opens an exercise link full of comment markers and sees a located error at once", async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto(`exercises/ftp-active/#rules=v1.json.${b64(COMMENT_BOMB)}`);
  await page.getByRole("button", { name: "Open the editor" }).click();
  const issue = page.locator("[data-issues] li").first();
  await expect(issue).toContainText("Invalid JSON", { timeout: 20_000 });
  await expect(issue).toContainText("1:125");
  await expect(page.locator("[data-score]")).toContainText("to fix before they can be graded");
  await expect(page.locator("[data-editor-host] .view-lines")).toContainText("/**//**/");
  errors.expectNone();
});

test("learner opens an exercise link of deeply nested brackets: a located error replaces the score", async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto(`exercises/ftp-active/#rules=v1.json.${b64(BRACKETS)}`);
  await page.getByRole("button", { name: "Open the editor" }).click();
  const issue = page.locator("[data-issues] li").first();
  await expect(issue).toContainText("nested more than 64 levels deep", { timeout: 20_000 });
  await expect(issue).toContainText("1:65");
  await expect(page.locator("[data-score]")).toContainText("to fix before they can be graded");
  errors.expectNone();
});

test("learner opens a playground link whose scenario is a comment bomb, and the page still answers", async ({
  page,
}) => {
  const errors = watchErrors(page);
  const state = { version: 1, scenario: COMMENT_BOMB, cli: "", flow: null };
  await page.goto(`playground/#playground=v1.j.${b64(JSON.stringify(state))}`);
  await useCodeEditors(page);
  await expect(page.locator("[data-issues=scenario] li").first()).toContainText("1:1");
  await expect(page.locator("[data-editor-host=scenario] .view-lines")).toContainText("/**//**/");
  errors.expectNone();
});
