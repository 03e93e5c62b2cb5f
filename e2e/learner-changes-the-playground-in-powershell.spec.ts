import { expect, test } from "@playwright/test";
import { watchErrors } from "./support/course.ts";
import { useCodeEditors } from "./support/playground.ts";

/**
 * The playground's changes editor reads Azure PowerShell as well as az CLI, each text in the
 * language it is written in: the verdict and the path follow the script, and its mistakes are
 * listed at their line and column.
 */

const SCRIPT = `Get-AzNetworkSecurityGroup -Name nsg-db-nic -ResourceGroupName rg |
  Add-AzNetworkSecurityRuleConfig -Name Deny-Web -Priority 150 -Direction Inbound -Access Deny \`
    -Protocol '*' -SourceAddressPrefix 10.1.1.0/24 -SourcePortRange '*' \`
    -DestinationAddressPrefix '*' -DestinationPortRange '*' |
  Set-AzNetworkSecurityGroup
`;

test("learner changes the playground's rules in Azure PowerShell and the verdict, the path and the problems follow", async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto("playground/");
  await useCodeEditors(page);
  await page.getByLabel("Sample flow").selectOption({ label: "Web VM to the database (SQL)" });
  const banner = page.locator("[data-verdict-banner]");
  await expect(banner).toContainText("Allowed");

  await page.getByRole("tab", { name: /^Changes/ }).click();
  const editor = page.locator("[data-editor-host=cli] .monaco-editor");
  await expect(editor).toBeVisible();
  const language = page.locator("[data-changes-language]");
  await expect(language).toHaveText("Read as az CLI.");
  await editor.locator(".view-lines").click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.insertText(SCRIPT);

  await expect(language).toHaveText("Read as Azure PowerShell.");
  await expect(banner).toContainText(
    "Denied by nsg-db-nic, the receiver's NIC NSG (inbound), rule Deny-Web (150)",
  );
  // The rule the script added is on the path, where the flow was decided.
  await expect(page.locator("[data-path]")).toContainText("Deny-Web");

  // A misspelt parameter: listed with its place in the script, and the tab counts it.
  await editor.locator(".view-lines").click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.insertText(SCRIPT.replace("-Priority 150", "-Priorty 150"));
  const problems = page.locator("[data-issues-section=cli]");
  const typo = problems.locator("li", { hasText: "a parameter cannot be found that matches -Priorty" });
  await expect(typo.locator(".ex-issue__where")).toHaveText("2:50");
  await expect(page.getByRole("tab", { name: /^Changes/ })).toContainText("(1 error)");
  await expect(editor.locator(".squiggly-error").first()).toBeVisible();
  errors.expectNone();
});
