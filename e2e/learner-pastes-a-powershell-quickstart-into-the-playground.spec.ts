import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { watchErrors } from "./support/course.ts";
import { openPlayground, pasteInto, startBlank } from "./support/playground.ts";

/**
 * Microsoft Learn's "Quickstart: Diagnose a virtual machine network traffic filter problem"
 * (Azure PowerShell), as published (tests/formats/fixtures/docs/SOURCES.md): New-AzVm's simple
 * parameter set builds the VNet, subnet, NSG, public IP and NIC, and the page's three IP flow
 * verify tests are flows a learner can trace here.
 */
const QUICKSTART = readFileSync(
  new URL(
    "../tests/formats/fixtures/docs/diagnose-vm-traffic-filter-problem-powershell.ps1",
    import.meta.url,
  ),
  "utf8",
);

test("learner starts blank, pastes a PowerShell quickstart into the changes, sees the VM it built and traces the page's flows", async ({
  page,
}) => {
  const errors = watchErrors(page);
  await openPlayground(page);
  await startBlank(page);

  await page.getByRole("tab", { name: /^Changes/ }).click();
  await pasteInto(page, "cli", QUICKSTART);
  await expect(page.locator("[data-changes-language]")).toContainText("PowerShell", { timeout: 15_000 });

  // New-AzVm made the VM, in the 192.168.1.0/24 subnet it created.
  const to = page.getByLabel("To", { exact: true });
  await expect(to.locator("option", { hasText: /^myVm \(VM, 192\.168\.1\.4/ })).toHaveCount(1, {
    timeout: 15_000,
  });
  const problems = page.locator("[data-issues=cli] li");
  await expect(problems.filter({ hasText: "Test-AzNetworkWatcherIPFlow" }).first()).toBeVisible();
  await expect(problems.filter({ hasText: "error" })).toHaveCount(0);

  // The page's first test: the VM to www.bing.com on TCP 80, allowed by the default outbound rule.
  const from = page.getByLabel("From", { exact: true });
  await from.selectOption("myVm");
  await to.selectOption("__address__");
  await page.getByLabel("To IP address").fill("13.107.21.200");
  await page.getByLabel("Protocol").selectOption("Tcp");
  await page.getByLabel("Destination port").fill("80");
  await page.getByRole("button", { name: "Check flow" }).click();
  const banner = page.locator("[data-verdict-banner]");
  await expect(banner).toContainText("AllowInternetOutBound");
  await expect(banner).toContainText("Allowed");

  // The second: to 172.31.0.100, a private address outside the VNet, denied.
  await page.getByLabel("To IP address").fill("172.31.0.100");
  await page.getByRole("button", { name: "Check flow" }).click();
  await expect(banner).toContainText("DenyAllOutBound");
  errors.expectNone();
});
