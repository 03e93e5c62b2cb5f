import { expect, type Locator, type Page } from "@playwright/test";

/** The portal-style rule form of an exercise or the playground, and its Add/Edit pane. */

export const rulePane = (page: Page): Locator => page.locator("dialog[data-rule-pane]");

/** A rule's row in an NSG's inbound or outbound table. */
export const ruleRow = (scope: Locator, nsg: string, direction: "Inbound" | "Outbound", rule: string) =>
  scope.locator(`.rf-nsg[data-nsg="${nsg}"] .rf-dir[data-direction=${direction}] tr[data-rule="${rule}"]`);

/** Chooses "Portal form" in the exercise's format switch and waits for the rule tables. */
export async function choosePortalForm(root: Locator): Promise<void> {
  await root.getByRole("group", { name: "Rules format" }).getByLabel("Portal form").check();
  await expect(root.locator("[data-form-ui]")).toBeVisible();
  await expect(root.locator("[data-rule-table] table").first()).toBeVisible();
}

/** Focus moves on with Tab until `target` has it (a keyboard learner's way through a form). */
export async function tabTo(page: Page, target: Locator, most = 40): Promise<void> {
  for (let i = 0; i < most; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  await expect(target).toBeFocused();
}

/** Replaces a focused text box's value by typing, as a learner would. */
export async function typeOver(page: Page, text: string): Promise<void> {
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type(text);
}
