import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { expectNoHorizontalScroll, watchErrors } from "./support/course.ts";
import { exerciseFile } from "./support/exercise.ts";

/**
 * A learner who knows Azure PowerShell writes the FTP exercise in it, on the exercise's own page
 * (under the site's base path): types a Get | Add | Set pipeline into Monaco, sees every check
 * pass, switches to JSON and back without losing a rule, reads where a typo is, and exports the
 * script. On a phone the format switch, now with three formats, still fits.
 */

const PAGE = "exercises/ftp-active/";
const DRAFT_KEY = "nsg-lab:draft:v1:ftp-active";
const checks = exerciseFile("ftp-active").expectations.length;

/** Typed line by line, as a learner does: no indentation, so Monaco's own indenting adds none. */
const SCRIPT = [
  "Get-AzNetworkSecurityGroup -Name nsg-snet-ingest -ResourceGroupName rg-nsg-lab |",
  "Add-AzNetworkSecurityRuleConfig -Name Allow-FTP-Control-Studio -Priority 200 -Direction Inbound `",
  "-Access Allow -Protocol Tcp -SourceAddressPrefix 198.51.100.0/28 -SourcePortRange '*' `",
  "-DestinationAddressPrefix 10.0.3.4 -DestinationPortRange 21 |",
  "Set-AzNetworkSecurityGroup",
].join("\n");

const formats = (page: Page) => page.getByRole("group", { name: "Rules format" });
const message = (page: Page) => page.locator("[data-message]");
const editorLines = (page: Page) => page.locator("[data-editor-host] .view-lines");

async function openEditor(page: Page) {
  await page.goto(PAGE);
  await page.getByRole("button", { name: "Open the editor" }).click();
  await expect(page.locator("[data-editor-host] .monaco-editor")).toBeVisible({ timeout: 20_000 });
}

async function typeRules(page: Page, text: string) {
  await editorLines(page).click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  await page.keyboard.type(text);
}

async function savedDraft(page: Page): Promise<{ text: string; format: string }> {
  const read = () => page.evaluate((key) => localStorage.getItem(key), DRAFT_KEY);
  await expect.poll(read).not.toBeNull();
  return JSON.parse((await read())!) as { text: string; format: string };
}

test("learner writes the FTP rule in Azure PowerShell, sees every check pass, switches to JSON and back, reads a typo's place and exports the script", async ({
  page,
}) => {
  // The script is typed key by key, as a learner would: slow on a busy machine.
  test.setTimeout(90_000);
  const errors = watchErrors(page);
  await openEditor(page);
  expect(new URL(page.url()).pathname).toBe("/nsg-lab/exercises/ftp-active/");

  // The starter is only comments: PowerShell starts from its own commented skeleton.
  await formats(page).getByLabel("PowerShell").check();
  await expect(message(page)).toContainText("Converted your rules to PowerShell.");
  await expect(message(page)).toContainText("Comments are not carried over to PowerShell.");
  await expect(editorLines(page)).toContainText("Get-AzNetworkSecurityGroup -Name 'nsg-snet-ingest'");
  await expect.poll(async () => (await savedDraft(page)).format).toBe("powershell");

  await typeRules(page, SCRIPT);
  await expect(page.locator("[data-score]")).toHaveText(`All ${checks} checks pass.`);
  await expect(page.locator('[data-check][data-state="pass"]')).toHaveCount(checks);
  await expect(page.locator("[data-complete]")).toContainText("Exercise complete ✓");
  await expect.poll(async () => (await savedDraft(page)).text).toContain("-DestinationPortRange 21 |");
  // Monaco's PowerShell colours stay readable (WCAG AA contrast) in the site's theme.
  const { violations } = await new AxeBuilder({ page })
    .include("[data-editor-host]")
    .withTags(["wcag2a", "wcag2aa"])
    .analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);

  // JSON and back: the same rule, still passing.
  await formats(page).getByLabel("JSON").check();
  await expect(message(page)).toContainText("Converted your rules to JSON.");
  await expect.poll(async () => (await savedDraft(page)).format).toBe("json");
  const json = JSON.parse((await savedDraft(page)).text) as Record<string, Record<string, unknown>[]>;
  expect(json["nsg-snet-ingest"]).toEqual([
    expect.objectContaining({
      name: "Allow-FTP-Control-Studio",
      priority: 200,
      sourceAddressPrefix: "198.51.100.0/28",
      destinationAddressPrefix: "10.0.3.4",
      destinationPortRange: "21",
    }),
  ]);
  await formats(page).getByLabel("PowerShell").check();
  await expect(message(page)).toContainText("Converted your rules to PowerShell.");
  await expect(formats(page).getByLabel("PowerShell")).toBeChecked();
  await expect.poll(async () => (await savedDraft(page)).format).toBe("powershell");
  const back = (await savedDraft(page)).text;
  expect(back).toContain(
    "Add-AzNetworkSecurityRuleConfig -Name 'Allow-FTP-Control-Studio' -Priority 200 -Direction Inbound -Access Allow -Protocol Tcp",
  );
  expect(back).toContain("-SourceAddressPrefix '198.51.100.0/28' -SourcePortRange '*'");
  await expect(page.locator("[data-score]")).toHaveText(`All ${checks} checks pass.`);

  // Export to PowerShell for a real deployment.
  const exportPanel = page.locator("[data-export-panel]");
  await exportPanel.locator("summary").click();
  await exportPanel.getByLabel("Format").selectOption({ label: "Azure PowerShell" });
  await exportPanel.getByRole("button", { name: "Copy" }).click();
  const exported = exportPanel.getByLabel("Exported rules");
  await expect(exported).toHaveValue(
    /Get-AzNetworkSecurityGroup -Name 'nsg-snet-ingest' -ResourceGroupName 'rg-nsg-lab' \|/,
  );
  await expect(exported).toHaveValue(/Add-AzNetworkSecurityRuleConfig -Name 'Allow-FTP-Control-Studio'/);
  await expect(exported).toHaveValue(/\n {2}Set-AzNetworkSecurityGroup\n$/);
  await expect(exportPanel.locator("[data-export-status]")).toContainText("as Azure PowerShell");

  // A typo in a parameter: marked where it is, and said in words.
  await typeRules(page, SCRIPT.replace("-Priority 200", "-Priorty 200"));
  const typo = page.locator("[data-issues] li", {
    hasText: "a parameter cannot be found that matches -Priorty",
  });
  await expect(typo).toBeVisible();
  await expect(typo).toContainText("2:64");
  await expect(page.locator("[data-editor-host] .squiggly-error").first()).toBeVisible();
  await expect(page.locator("[data-score]")).toContainText("to fix before they can be graded");
  // Monaco's "next problem" (F8) shows the message at its place in the editor.
  await editorLines(page).click();
  await page.keyboard.press("F8");
  await expect(page.locator("[data-editor-host] .marker-widget")).toContainText(
    "a parameter cannot be found that matches -Priorty",
  );
  errors.expectNone();
});

test("on a 360 px phone the three-format switch fits and PowerShell can be chosen", async ({ page }) => {
  const errors = watchErrors(page);
  await page.setViewportSize({ width: 360, height: 740 });
  await openEditor(page);
  const group = formats(page);
  for (const label of ["JSON", "az CLI", "PowerShell"]) await expect(group.getByLabel(label)).toBeVisible();
  const box = await group.boundingBox();
  expect(box && box.x >= 0 && box.x + box.width <= 360, `format switch at ${JSON.stringify(box)}`).toBe(true);
  // The radios wrap onto a second row rather than run off the screen; each stays a full-size target.
  const labels = await group.locator("label").evaluateAll((nodes) =>
    nodes.map((l) => {
      const r = l.getBoundingClientRect();
      return { left: r.left, right: r.right, height: r.height };
    }),
  );
  for (const l of labels) {
    expect(l.left >= box!.x && l.right <= box!.x + box!.width, JSON.stringify(l)).toBe(true);
    expect(l.height).toBeGreaterThanOrEqual(36);
  }
  await group.getByLabel("PowerShell").check();
  await expect(message(page)).toContainText("Converted your rules to PowerShell.");
  await expectNoHorizontalScroll(page);
  errors.expectNone();
});

test("learner's PowerShell that creates an NSG is not turned into JSON: the reason is said and the script stays", async ({
  page,
}) => {
  const errors = watchErrors(page);
  await openEditor(page);
  await formats(page).getByLabel("PowerShell").check();
  await expect(message(page)).toContainText("Converted your rules to PowerShell.");
  const script = [
    "$rule = New-AzNetworkSecurityRuleConfig -Name Allow-FTP -Priority 200 -Direction Inbound -Access Allow `",
    "-Protocol Tcp -SourceAddressPrefix 198.51.100.0/28 -SourcePortRange '*' -DestinationAddressPrefix '*' -DestinationPortRange 21",
    "New-AzNetworkSecurityGroup -Name nsg-extra -ResourceGroupName rg-nsg-lab -Location westeurope -SecurityRules $rule",
  ].join("\n");
  await typeRules(page, script);
  await expect.poll(async () => (await savedDraft(page)).text).toContain("nsg-extra -ResourceGroupName");
  const typed = (await savedDraft(page)).text;

  // The switch refuses, so the radio does not stay checked: click, not check().
  await formats(page).getByLabel("JSON").click();
  await expect(message(page)).toHaveText(
    'Cannot switch to JSON: your script creates NSG "nsg-extra", which the JSON format cannot express. Your text is unchanged.',
  );
  await expect(formats(page).getByLabel("PowerShell")).toBeChecked();
  expect((await savedDraft(page)).text).toBe(typed);
  expect((await savedDraft(page)).format).toBe("powershell");
  errors.expectNone();
});
