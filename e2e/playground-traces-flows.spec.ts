import { expect, test, type Page } from "@playwright/test";
import { watchErrors } from "./support/course.ts";
import { useCodeEditors } from "./support/playground.ts";

/** Opens the playground with the editor loaded and an empty browser. */
async function openPlayground(page: Page) {
  await page.goto("playground/");
  await useCodeEditors(page);
}

async function loadExercise(page: Page, id: string) {
  await page.getByLabel("Load exercise scenario").selectOption(id);
  await page.getByRole("button", { name: "Load", exact: true }).click();
  await expect(page.locator("[data-message]")).toContainText("Loaded the scenario of");
}

const banner = (page: Page) => page.locator("[data-verdict-banner]");
const scenarioEditor = (page: Page) => page.locator("[data-editor-host=scenario] .monaco-editor");

test("learner loads the FTP capstone, picks a flow and sees the verdict with the deciding rule highlighted on the path", async ({
  page,
}) => {
  const errors = watchErrors(page);
  await openPlayground(page);
  await loadExercise(page, "ftp-active-studio");
  await page
    .getByLabel("Sample flow")
    .selectOption({ label: "The studio opens the control connection (TCP 21)" });

  await expect(banner(page)).toContainText("Denied");
  await expect(banner(page)).toContainText("198.51.100.5 → vm-ingest · TCP port 21");
  await expect(banner(page)).toContainText(
    "Denied by nsg-snet-ingest, the receiver's subnet NSG (inbound), rule DenyAllInBound (65500, default rule)",
  );

  const steps = page.locator("[data-path] .pg-path > li");
  await expect(steps).toHaveCount(2);
  const subnet = steps.nth(0);
  await expect(subnet.getByRole("heading")).toHaveText("Receiver subnet NSG: nsg-snet-ingest");
  await expect(subnet).toContainText("Packet as this NSG saw it: TCP 198.51.100.5:51000 → 10.0.3.4:21");
  // The deciding step's rules are listed open, in evaluation order, the decider highlighted.
  const rows = subnet.locator("tbody tr");
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toHaveAttribute("data-status", "no-match");
  await expect(rows.nth(0)).toContainText("No match: source address");
  const decider = subnet.locator("tr[data-status=deciding]");
  await expect(decider).toBeVisible();
  await expect(decider).toContainText("DenyAllInBound");
  await expect(decider).toContainText("Deciding rule → Deny");
  await expect(decider).toHaveCSS("background-color", /rgb/);
  // The leg after the deny is kept, marked as never reached.
  await expect(steps.nth(1)).toContainText("Receiver NIC NSG: none");
  await expect(steps.nth(1)).toContainText("Not reached");

  // The same flow on the public IP: the NSG sees the translated private address.
  await page
    .getByLabel("Sample flow")
    .selectOption({ label: "The control connection works on the public IP too" });
  await expect(banner(page)).toContainText("198.51.100.5 → 192.0.2.30");
  await expect(steps.nth(0)).toContainText("Azure translates it to the private 10.0.3.4");
  errors.expectNone();
});

test("learner types a new rule into the scenario editor and watches the verdict change", async ({
  page,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const errors = watchErrors(page);
  await openPlayground(page);
  await loadExercise(page, "ftp-active-studio");
  await page
    .getByLabel("Sample flow")
    .selectOption({ label: "The studio opens the control connection (TCP 21)" });
  await expect(banner(page)).toContainText("Denied");

  // Copy the scenario out of the editor, add a rule under Deny-Internet-Out with the same
  // indentation, and paste it back: a keyboard edit whose result doesn't depend on cursor timing
  // or on Monaco's auto-indent (which a paste skips).
  await expect(page.locator("[data-editor-host=scenario][data-ready=true]")).toBeAttached({
    timeout: 20_000,
  });
  await scenarioEditor(page).locator(".view-lines").click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("ControlOrMeta+C");
  const scenario = await page.evaluate(() => navigator.clipboard.readText());
  const lines = scenario.split("\n");
  const at = lines.findIndex((l) => l.includes("Deny-Internet-Out"));
  expect(at, "the scenario holds the Deny-Internet-Out rule").toBeGreaterThan(0);
  const indent = /^\s*/.exec(lines[at]!)![0];
  lines.splice(
    at + 1,
    0,
    `${indent}- { name: Allow-FTP-Control-Studio, priority: 200, direction: Inbound, access: Allow, protocol: Tcp, sourceAddressPrefix: 198.51.100.0/28, sourcePortRange: "*", destinationAddressPrefix: 10.0.3.4, destinationPortRange: "21" }`,
  );
  await page.evaluate((text) => navigator.clipboard.writeText(text), lines.join("\n"));
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("ControlOrMeta+V");

  await expect(banner(page)).toContainText("Allowed", { timeout: 15_000 }); // generous: 2-core CI under parallel load
  await expect(banner(page)).toContainText("Allowed by nsg-snet-ingest rule Allow-FTP-Control-Studio (200)");
  const decider = page.locator("[data-path] tr[data-status=deciding]");
  await expect(decider).toContainText("Allow-FTP-Control-Studio");
  await expect(page.locator("[data-issues-section=scenario]")).toBeHidden();

  // Putting the scenario back as it was brings the old verdict back.
  await page.evaluate((text) => navigator.clipboard.writeText(text), scenario);
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("ControlOrMeta+V");
  await expect(banner(page)).toContainText("Denied");
  await expect(page.locator("[data-issues-section=scenario]")).toBeHidden();
  errors.expectNone();
});

test("learner's YAML mistake is marked at its line and column, listed, and nothing breaks", async ({
  page,
}) => {
  const errors = watchErrors(page);
  await openPlayground(page);
  await page.getByLabel("Sample flow").selectOption({ label: "Web VM to the database (SQL)" });
  await expect(banner(page)).toContainText("Allowed");

  await scenarioEditor(page).locator(".view-lines").click();
  await page.keyboard.press("Control+Home");
  await page.keyboard.type("oops: a: b");
  await page.keyboard.press("Enter");

  const problems = page.locator("[data-issues-section=scenario]");
  await expect(problems).toBeVisible();
  await expect(problems.locator(".ex-issue__where").first()).toHaveText(/^1:\d+$/);
  await expect(problems).toContainText("Invalid YAML");
  await expect(page.getByRole("tab", { name: /Scenario/ })).toContainText("(1 error)");
  await expect(scenarioEditor(page).locator(".squiggly-error").first()).toBeAttached();
  await expect(banner(page)).toContainText("The scenario has problems");

  // The problem list jumps to the place; fixing the text brings the verdict back.
  await problems.locator("button").first().click();
  await page.keyboard.press("Control+Home");
  await page.keyboard.press("Shift+ArrowDown");
  await page.keyboard.press("Delete");
  await expect(problems).toBeHidden();
  await expect(banner(page)).toContainText("Allowed");

  // A validation error (not syntax) is located too: an NSG that does not exist.
  await page.keyboard.press("Control+f");
  await page.keyboard.type("nsg: nsg-web");
  await page.keyboard.press("Escape");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.type("x");
  await expect(problems).toContainText('NSG "nsg-webx" is not defined in nsgs');
  await expect(problems.locator(".ex-issue__where").first()).toHaveText(/^10:\d+$/);
  errors.expectNone();
});

test("learner applies az CLI changes on top of the scenario, with errors located in the script", async ({
  page,
}) => {
  const errors = watchErrors(page);
  await openPlayground(page);
  await page.getByLabel("Sample flow").selectOption({ label: "Web VM to the database (SQL)" });
  await expect(banner(page)).toContainText("Allowed");

  await page.getByRole("tab", { name: /^Changes/ }).click();
  const cli = page.locator("[data-editor-host=cli] .monaco-editor");
  await expect(cli).toBeVisible();
  await cli.locator(".view-lines").click();
  await page.keyboard.press("Control+End");
  await page.keyboard.insertText(
    "az network nsg rule create -g rg --nsg-name nsg-db-nic -n Deny-Web --priority 150 --direction Inbound --access Deny --protocol '*' --source-address-prefixes 10.1.1.0/24 --destination-port-ranges '*'\n",
  );
  await expect(banner(page)).toContainText(
    "Denied by nsg-db-nic, the receiver's NIC NSG (inbound), rule Deny-Web (150)",
  );

  await page.keyboard.insertText(
    "az network nsg rule create -g rg --nsg-name nsg-nope -n X --priority 100\n",
  );
  const problems = page.locator("[data-issues-section=cli]");
  await expect(problems).toContainText('NSG "nsg-nope" was not found');
  await expect(problems.locator(".ex-issue__where").first()).toHaveText(/^12:\d+$/);
  await expect(page.getByRole("tab", { name: /^Changes/ })).toContainText("(1 error)");
  errors.expectNone();
});
