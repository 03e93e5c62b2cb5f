import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { watchErrors } from "./support/course.ts";
import { openPlayground, pasteInto, startBlank } from "./support/playground.ts";

/** Microsoft Learn's "Filter network traffic … using the Azure CLI", as published (see its SOURCE note). */
const TUTORIAL = readFileSync(
  new URL("../tests/formats/fixtures/docs/tutorial-filter-network-traffic-cli.sh", import.meta.url),
  "utf8",
);

test("learner starts blank, pastes the filter-traffic tutorial into the az CLI changes, sees the VMs it built and traces a flow to its deciding rule", async ({
  page,
}) => {
  const errors = watchErrors(page);
  await openPlayground(page);
  await startBlank(page);

  await page.getByRole("tab", { name: /^Changes/ }).click();
  await pasteInto(page, "cli", TUTORIAL);

  // The tutorial's two VMs are endpoints now, with the addresses NSG Lab gave them.
  const to = page.getByLabel("To", { exact: true });
  await expect(to.locator("option", { hasText: "myVmWeb (VM, 10.0.0.4, public 192.0.2.1)" })).toHaveCount(1, {
    timeout: 15_000, // generous: 2-core CI under parallel load
  });
  await expect(to.locator("option", { hasText: "myVmMgmt (VM, 10.0.0.5, public 192.0.2.2)" })).toHaveCount(1);
  // Only notes, no errors: the resource group commands and the chosen public addresses.
  const problems = page.locator("[data-issues=cli] li");
  await expect(problems.filter({ hasText: '"az group delete" deletes the resource group' })).toHaveCount(1);
  await expect(
    problems.filter({ hasText: 'public IP "myVmWebPublicIP" (NIC "myVmWebVMNic") gets 192.0.2.1' }),
  ).toHaveCount(1);
  await expect(problems.filter({ hasText: "error" })).toHaveCount(0);

  // The diagram shows what the script built, and says which addresses are the lab's.
  await page.getByText("Network diagram").click();
  const diagram = page.locator("[data-diagram]");
  await expect(diagram.locator("svg")).toContainText("myVirtualNetwork");
  await expect(diagram.locator("svg")).toContainText("myVmWeb");
  await expect(diagram.locator("svg")).toContainText("myVmMgmt");
  await expect(diagram.locator("[data-built-note]").first()).toHaveText(
    "Built by the az CLI changes: VMs myVmWeb, myVmMgmt.",
  );

  // "curl <publicIpAddress>" from your own computer: allowed by the tutorial's Allow-Web-All.
  await page.getByLabel("From", { exact: true }).selectOption("__address__");
  await page.getByLabel("From IP address").fill("203.0.113.10");
  await to.selectOption("myVmWeb");
  await page.getByLabel("Protocol").selectOption("Tcp");
  await page.getByLabel("Destination port").fill("80");
  await page.getByRole("button", { name: "Check flow" }).click();
  const banner = page.locator("[data-verdict-banner]");
  await expect(banner).toContainText("Allowed by myNsg rule Allow-Web-All (100)");
  await expect(page.locator("[data-path] tr[data-status=deciding]")).toContainText("Allow-Web-All");

  // SSH from the internet to the web server is what the page says cannot work.
  await page.getByLabel("Destination port").fill("22");
  await page.getByRole("button", { name: "Check flow" }).click();
  await expect(banner).toContainText(
    "Denied by myNsg, the receiver's subnet NSG (inbound), rule DenyAllInBound (65500, default rule)",
  );
  errors.expectNone();
});
