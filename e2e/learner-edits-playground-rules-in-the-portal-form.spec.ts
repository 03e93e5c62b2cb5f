import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { expectNoHorizontalScroll, watchErrors } from "./support/course.ts";
import { rulePane, ruleRow } from "./support/rule-form.ts";
import { useCodeEditors } from "./support/playground.ts";

/**
 * A learner traces a flow in the playground, then changes the rule that decides it the way they
 * would in the portal, and watches the verdict follow; the change is written as az CLI.
 */
test("learner edits a scenario rule in the portal form and sees the traced flow change verdict", async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto("playground/");
  await useCodeEditors(page);
  const banner = page.locator("[data-verdict-banner]");
  await page.getByLabel("Sample flow").selectOption({ label: "Web VM to the database (SQL)" });
  await expect(banner).toContainText("then nsg-db-nic rule Allow-SQL-From-Web (200)");

  await page.getByRole("tab", { name: "Portal form" }).click();
  const panel = page.locator("[data-tabpanel=form]");
  const row = ruleRow(panel, "nsg-db-nic", "Inbound", "Allow-SQL-From-Web");
  await expect(row).toContainText("1433");
  await expect(row).toContainText("10.1.1.0/24");
  // Every NSG of the scenario is listed, with its default rules.
  await expect(ruleRow(panel, "nsg-web", "Inbound", "Allow-HTTPS-In")).toBeVisible();
  await expect(ruleRow(panel, "nsg-web", "Outbound", "DenyAllOutBound")).toHaveAttribute(
    "data-default",
    "true",
  );

  const edit = row.getByRole("button", { name: "Edit inbound rule Allow-SQL-From-Web" });
  await edit.click();
  const pane = rulePane(page);
  await expect(
    pane.getByRole("heading", { name: "Edit inbound security rule Allow-SQL-From-Web" }),
  ).toBeVisible();
  await expect(pane.getByLabel("Source", { exact: true })).toHaveValue("ip-addresses");
  await expect(pane.getByLabel("Source IP addresses/CIDR ranges", { exact: true })).toHaveValue(
    "10.1.1.0/24",
  );
  await expect(pane.getByLabel("Service", { exact: true })).toHaveValue("MS SQL");
  const { violations } = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);

  await pane.getByRole("radio", { name: "Deny" }).check();
  await pane.getByRole("button", { name: "Save" }).click();
  await expect(pane).toHaveCount(0);
  await expect(banner).toContainText(
    "Denied by nsg-db-nic, the receiver's NIC NSG (inbound), rule Allow-SQL-From-Web (200)",
  );
  await expect(row.locator(".rf-access")).toHaveText("Deny");
  await expect(row.getByRole("button", { name: "Edit inbound rule Allow-SQL-From-Web" })).toBeFocused();
  await expect(panel.locator("[data-rule-form-status]")).toContainText(
    "Saved inbound rule “Allow-SQL-From-Web” (priority 200) in nsg-db-nic.",
  );

  // The change is az CLI at the end of the changes, and it survives a reload.
  await page.getByRole("tab", { name: /^Changes/ }).click();
  const cli = page.locator("[data-editor-host=cli] .monaco-editor");
  await expect(cli).toContainText("# Portal form: save rule Allow-SQL-From-Web of nsg-db-nic");
  // Monaco renders only the lines in view: go to the end, where the change was written.
  await cli.locator(".view-lines").click();
  await page.keyboard.press("ControlOrMeta+End");
  await expect(cli).toContainText("--access Deny");
  await page.reload();
  await useCodeEditors(page);
  await expect(banner).toContainText("Denied by nsg-db-nic");

  // Deleting the rule lets the default AllowVnetInBound decide: allowed again. The form, drawn
  // only once its tab is chosen, shows the rules as the reloaded changes left them.
  await page.getByRole("tab", { name: "Portal form" }).click();
  await expect(
    ruleRow(panel, "nsg-db-nic", "Inbound", "Allow-SQL-From-Web").locator(".rf-access"),
  ).toHaveText("Deny");
  await ruleRow(panel, "nsg-db-nic", "Inbound", "Allow-SQL-From-Web")
    .getByRole("button", { name: "Delete inbound rule Allow-SQL-From-Web" })
    .click();
  await page
    .getByRole("dialog", { name: "Delete rule “Allow-SQL-From-Web”?" })
    .getByRole("button", { name: "Delete" })
    .click();
  await expect(banner).toContainText("then nsg-db-nic rule AllowVnetInBound (65000, default rule)");
  await expect(panel.getByRole("button", { name: "Add inbound rule" }).nth(1)).toBeFocused();

  // On a phone the rule tables scroll inside their own region, never the page.
  await page.setViewportSize({ width: 360, height: 740 });
  await expect(panel.getByRole("region", { name: "Inbound security rules of nsg-web" })).toBeVisible();
  await expectNoHorizontalScroll(page);
  errors.expectNone();
});
