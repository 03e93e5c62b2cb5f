import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { expectNoHorizontalScroll, watchErrors } from "./support/course.ts";
import { exerciseOn, openEditorIn, pasteRules } from "./support/exercise.ts";
import { choosePortalForm, rulePane, ruleRow, tabTo, typeOver } from "./support/rule-form.ts";

/**
 * A learner who knows the Azure portal solves "Open HTTPS the way the portal does" in the
 * portal-style form: the starter's wrong rule goes, an HTTPS rule comes in through the Service
 * preset, all by keyboard, and the pane refuses a priority Azure would refuse.
 */
const ID = "open-https-like-the-portal";
const NSG = "vm-web1-nsg";
const DRAFT_KEY = `nsg-lab:draft:v1:${ID}`;

async function axeViolations(page: Page, where: string): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  return violations.map((v) => `${where}: ${v.id} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** Deletes the starter's rule (the one with SSH in it) with the keyboard, confirming in the dialog. */
async function deleteStarterRule(page: Page): Promise<void> {
  const root = exerciseOn(page, ID);
  const row = ruleRow(root, NSG, "Inbound", "Allow-HTTPS");
  await expect(row).toContainText("22");
  await row.getByRole("button", { name: "Delete inbound rule Allow-HTTPS" }).focus();
  await page.keyboard.press("Enter");
  const confirm = page.getByRole("dialog", { name: "Delete rule “Allow-HTTPS”?" });
  await expect(confirm).toBeVisible();
  await expect(confirm.getByRole("button", { name: "Keep the rule" })).toBeFocused();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await expect(row).toHaveCount(0);
  await expect(root.locator("[data-rule-form-status]")).toHaveText(`Deleted rule “Allow-HTTPS” from ${NSG}.`);
  await expect(root.getByRole("button", { name: "Add inbound rule" })).toBeFocused();
}

/** Adds the HTTPS rule from the keyboard: Service preset, a priority refused then fixed, the name. */
async function addHttpsRuleByKeyboard(page: Page, checkAccessibility = false): Promise<void> {
  const root = exerciseOn(page, ID);
  const add = root.getByRole("button", { name: "Add inbound rule" });
  await add.focus();
  await page.keyboard.press("Enter");
  const pane = rulePane(page);
  await expect(pane.getByRole("heading", { name: "Add inbound security rule" })).toBeVisible();
  await expect(pane.getByLabel("Source", { exact: true })).toBeFocused();
  // The portal's defaults: Any to Any, Custom on 8080, protocol Any, Allow, a suggested name.
  await expect(pane.getByLabel("Destination port ranges", { exact: true })).toHaveValue("8080");
  await expect(pane.getByLabel("Name", { exact: true })).toHaveValue("AllowAnyCustom8080Inbound");
  await expect(pane.getByLabel("Priority", { exact: true })).toHaveValue("100");
  if (checkAccessibility) expect(await axeViolations(page, "pane open")).toEqual([]);

  const service = pane.getByLabel("Service", { exact: true });
  await tabTo(page, service);
  await page.keyboard.type("HTTPS");
  await expect(service).toHaveValue("HTTPS");
  await expect(pane.getByLabel("Destination port ranges", { exact: true })).toHaveValue("443");
  await expect(pane.getByRole("radio", { name: "TCP" })).toBeChecked();
  await expect(pane.getByLabel("Name", { exact: true })).toHaveValue("AllowAnyHTTPSInbound");

  const priority = pane.getByLabel("Priority", { exact: true });
  await tabTo(page, priority);
  await typeOver(page, "5000");
  await page.keyboard.press("Tab");
  await expect(pane.getByLabel("Name", { exact: true })).toBeFocused();
  await typeOver(page, "Allow-HTTPS");
  await page.keyboard.press("Enter");

  // Azure's range, at the field: marked invalid, described by the message, and focused.
  const error = pane.locator("[data-error=priority]");
  await expect(error).toHaveText(
    "priority 5000 is out of range: custom rules use whole numbers from 100 to 4096",
  );
  await expect(priority).toHaveAttribute("aria-invalid", "true");
  await expect(priority).toHaveAttribute("aria-describedby", /-priority-error/);
  await expect(priority).toBeFocused();
  await expect(pane.locator("[data-pane-errors]")).toContainText("Fix 1 setting before saving");
  if (checkAccessibility) expect(await axeViolations(page, "pane with a field error")).toEqual([]);

  await typeOver(page, "300");
  await expect(error).toBeHidden();
  await expect(priority).not.toHaveAttribute("aria-invalid");
  await page.keyboard.press("Enter");
  await expect(pane).toHaveCount(0);
  await expect(add).toBeFocused();
  const row = ruleRow(root, NSG, "Inbound", "Allow-HTTPS");
  await expect(row).toContainText("300");
  await expect(row).toContainText("443");
  await expect(row).toContainText("TCP");
  await expect(root.locator("[data-rule-form-status]")).toHaveText(
    `Added inbound rule “Allow-HTTPS” (priority 300) to ${NSG}.`,
  );
}

async function expectSolved(page: Page): Promise<void> {
  const root = exerciseOn(page, ID);
  await expect(root.locator('[data-check][data-state="pass"]')).toHaveCount(7);
  await expect(root.locator("[data-complete]")).toBeVisible();
  await expect(root.locator("[data-complete-text]")).toHaveText("Exercise complete ✓");
}

test("learner solves an exercise with the portal form, keeps the rules across a reload and sees them as JSON", async ({
  page,
}) => {
  test.slow(); // two axe scans, a reload and the code editor loading twice, on a shared CI machine
  const errors = watchErrors(page);
  await page.goto(`exercises/${ID}/`);
  await openEditorIn(page, ID);
  const root = exerciseOn(page, ID);
  await choosePortalForm(root);
  await expect(root.locator("[data-message]")).toContainText("Converted your rules to the portal form.");
  // The default rules are listed after the custom ones, greyed and without Edit or Delete.
  const defaults = root.locator(
    `.rf-nsg[data-nsg="${NSG}"] .rf-dir[data-direction=Inbound] tr[data-default]`,
  );
  await expect(defaults).toHaveCount(3);
  await expect(defaults.last()).toContainText("DenyAllInBound");
  await expect(defaults.getByRole("button")).toHaveCount(0);
  await expect(
    root.locator(`.rf-nsg[data-nsg="${NSG}"] .rf-dir[data-direction=Outbound] tr[data-default]`),
  ).toHaveCount(3);
  await expect(root.locator('[data-check][data-state="fail"]').first()).toBeVisible();

  await deleteStarterRule(page);
  await addHttpsRuleByKeyboard(page, true);
  await expectSolved(page);
  expect(await axeViolations(page, "form with the rule added")).toEqual([]);

  // Reload: the form comes back with the rule, and needs no code editor.
  await expect
    .poll(() => page.evaluate((key) => localStorage.getItem(key) ?? "", DRAFT_KEY))
    .toContain('"format":"form"');
  await page.reload();
  await root.getByRole("button", { name: "Open the editor" }).click();
  await expect(root.locator("[data-form-ui]")).toBeVisible({ timeout: 20_000 });
  await expect(root.getByRole("group", { name: "Rules format" }).getByLabel("Portal form")).toBeChecked();
  await expect(ruleRow(root, NSG, "Inbound", "Allow-HTTPS")).toContainText("443");
  await expect(root.locator("[data-editor-host] .monaco-editor")).toHaveCount(0);
  await expectSolved(page);

  // Edit opens the pane with the rule's values; Escape closes it and focus returns to Edit.
  const edit = ruleRow(root, NSG, "Inbound", "Allow-HTTPS").getByRole("button", {
    name: "Edit inbound rule Allow-HTTPS",
  });
  await edit.click();
  const pane = rulePane(page);
  await expect(pane.getByRole("heading", { name: "Edit inbound security rule Allow-HTTPS" })).toBeVisible();
  await expect(pane.getByLabel("Service", { exact: true })).toHaveValue("HTTPS");
  await expect(pane.getByLabel("Priority", { exact: true })).toHaveValue("300");
  await page.keyboard.press("Escape");
  await expect(pane).toHaveCount(0);
  await expect(edit).toBeFocused();

  // JSON shows the same rule.
  await root.getByRole("group", { name: "Rules format" }).getByLabel("JSON").check();
  const monaco = root.locator("[data-editor-host] .monaco-editor");
  await expect(monaco).toBeVisible({ timeout: 20_000 });
  await expect(root.locator("[data-form-ui]")).toBeHidden();
  const text = (await monaco.locator(".view-lines").innerText()).replace(/\s+/g, " ");
  expect(text).toContain('"name": "Allow-HTTPS"');
  expect(text).toContain('"priority": 300');
  expect(text).toContain('"protocol": "Tcp"');
  expect(text).toContain('"destinationPortRange": "443"');
  await expectSolved(page);
  errors.expectNone();
});

test("learner on a 360px phone adds the rule in the portal form without the page scrolling sideways", async ({
  page,
}) => {
  test.slow(); // two axe scans and the code editor loading, on a shared CI machine
  await page.setViewportSize({ width: 360, height: 740 });
  const errors = watchErrors(page);
  await page.goto(`exercises/${ID}/`);
  await openEditorIn(page, ID);
  const root = exerciseOn(page, ID);
  await choosePortalForm(root);
  await expectNoHorizontalScroll(page);
  await deleteStarterRule(page);

  await root.getByRole("button", { name: "Add inbound rule" }).click();
  const pane = rulePane(page);
  await expect(pane).toBeVisible();
  const box = await pane.boundingBox();
  expect(box && box.x >= 0 && box.x + box.width <= 360, "the pane fits the screen").toBe(true);
  await expectNoHorizontalScroll(page);
  expect(await axeViolations(page, "pane at 360px")).toEqual([]);
  await page.keyboard.press("Escape");
  // Closed untouched: nothing is kept to offer again.
  await expect(pane).toHaveCount(0);

  await addHttpsRuleByKeyboard(page);
  await expectSolved(page);
  await expectNoHorizontalScroll(page);
  expect(await axeViolations(page, "form at 360px")).toEqual([]);
  errors.expectNone();
});

test("learner whose JSON has an error cannot switch to the portal form, is told why, and keeps the text", async ({
  page,
}) => {
  await page.goto(`exercises/${ID}/`);
  await openEditorIn(page, ID);
  const root = exerciseOn(page, ID);
  const formats = root.getByRole("group", { name: "Rules format" });
  await formats.getByLabel("JSON").check();
  await expect(root.locator("[data-message]")).toContainText("Converted your rules to JSON.");
  await pasteRules(page, ID, '{ "vm-web1-nsg": [ { "name": "Allow-HTTPS", "priority": 300 ');
  await expect(root.locator("[data-issues-section]")).toBeVisible();
  // The switch refuses, so the radio does not stay checked: click, not check().
  await formats.getByLabel("Portal form").click();
  await expect(root.locator("[data-message]")).toHaveText(
    /^Cannot switch to the portal form: fix the \d+ errors? in your (JSON|rules) first\. Your text is unchanged\./,
  );
  await expect(formats.getByLabel("JSON")).toBeChecked();
  await expect(root.locator("[data-form-ui]")).toBeHidden();
  await expect(root.locator("[data-editor-host] .view-lines")).toContainText('"priority": 300');
});

test("learner who closes the pane half-way finds what they typed when they open it again", async ({
  page,
}) => {
  await page.goto(`exercises/${ID}/`);
  await openEditorIn(page, ID);
  const root = exerciseOn(page, ID);
  await choosePortalForm(root);
  const add = root.getByRole("button", { name: "Add inbound rule" });
  await add.click();
  const pane = rulePane(page);
  await pane.getByLabel("Source", { exact: true }).selectOption("my-ip");
  // "My IP address" asks, and says why: a static site cannot see the learner's address.
  await expect(pane.getByLabel("Your IP address", { exact: true })).toHaveAccessibleDescription(
    /NSG Lab runs only in your browser and contacts no server/,
  );
  await pane.getByLabel("Your IP address", { exact: true }).fill("203.0.113.7");
  await expect(pane.getByLabel("Name", { exact: true })).toHaveValue("AllowMyIpAddressCustom8080Inbound");
  await page.keyboard.press("Escape");
  await expect(pane).toHaveCount(0);
  await expect(add).toBeFocused();

  await add.click();
  await expect(pane.locator("[data-pane-restored]")).toContainText("Restored what you typed");
  await expect(pane.getByLabel("Your IP address", { exact: true })).toHaveValue("203.0.113.7");
  await pane.getByRole("button", { name: "Start over" }).click();
  await expect(pane.getByLabel("Source", { exact: true })).toHaveValue("any");
  await expect(pane.getByLabel("Your IP address", { exact: true })).toBeHidden();
  await pane.getByRole("button", { name: "Cancel" }).click();
  await expect(add).toBeFocused();
});
