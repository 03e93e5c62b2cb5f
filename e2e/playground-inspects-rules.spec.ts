import { expect, test, type Page } from "@playwright/test";
import { watchErrors } from "./support/course.ts";
import { useCodeEditors } from "./support/playground.ts";

async function openPlayground(page: Page) {
  await page.goto("playground/");
  await useCodeEditors(page);
}

/** Replaces the scenario editor's text by pasting over it. */
async function pasteScenario(page: Page, text: string) {
  await page
    .context()
    .grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(page.url()).origin });
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.locator("[data-editor-host=scenario] .monaco-editor .view-lines").click();
  await page.keyboard.press("Control+a");
  await page.keyboard.press("Control+v");
}

const rule = (name: string, priority: number, over: Record<string, unknown> = {}) => ({
  name,
  priority,
  direction: "Inbound",
  access: "Allow",
  protocol: "Tcp",
  sourceAddressPrefix: "*",
  sourcePortRange: "*",
  destinationAddressPrefix: "*",
  destinationPortRange: "*",
  ...over,
});

/** A web VM whose NSG opens SSH and HTTP to the internet, and whose HTTPS rule sits behind a broader deny. */
const CRAFTED = JSON.stringify(
  {
    subscription: "pay-as-you-go",
    topology: {
      vnets: [
        {
          name: "vnet",
          addressSpace: ["10.0.0.0/16"],
          subnets: [{ name: "web", addressPrefix: "10.0.1.0/24" }],
        },
      ],
      vms: [
        {
          name: "web-vm",
          nics: [
            {
              name: "web-nic",
              subnet: "vnet/web",
              privateIp: "10.0.1.4",
              publicIp: "20.1.2.3",
              nsg: "web-nsg",
            },
          ],
        },
      ],
      nsgs: [
        {
          name: "web-nsg",
          securityRules: [
            rule("Allow-SSH-Anywhere", 100, { destinationPortRange: "22" }),
            rule("Allow-HTTP", 110, { destinationPortRange: "80", sourceAddressPrefix: "Internet" }),
            rule("Deny-Web-Ports", 120, { access: "Deny", destinationPortRange: "400-500" }),
            rule("Allow-HTTPS", 130, { destinationPortRange: "443" }),
          ],
        },
      ],
    },
  },
  null,
  2,
);

test("learner opens the effective rules of a NIC and sees the default rules marked and tags expanded", async ({
  page,
}) => {
  const errors = watchErrors(page);
  await openPlayground(page);
  const effective = page.locator("#pg-effective");
  await effective.getByLabel("NIC").selectOption("vm-db-nic");
  await expect(effective).toContainText("NIC vm-db-nic of vm-db");

  const nicInbound = effective.locator("[data-level=nic][data-nsg=nsg-db-nic]").first();
  const rows = nicInbound.locator("tbody tr");
  await expect(rows.first()).toContainText("Allow-SQL-From-Web");
  await expect(rows.first()).not.toHaveAttribute("data-default", "true");
  for (const name of ["AllowVnetInBound", "AllowAzureLoadBalancerInBound", "DenyAllInBound"]) {
    const row = nicInbound.locator(`tr[data-rule=${name}]`);
    await expect(row).toHaveAttribute("data-default", "true");
    await expect(row.locator(".pg-tag")).toHaveText("default");
  }
  // VirtualNetwork is shown with the prefixes it stands for from this VNet.
  await expect(nicInbound.locator("tr[data-rule=AllowVnetInBound]")).toContainText("10.1.0.0/16");
  // A level without an NSG says so.
  await expect(effective.locator("[data-level=subnet]").first()).toContainText("No NSG at this level");
  errors.expectNone();
});

test("instructor crafts a scenario and the analysis flags the shadowed rule and the ports open to the internet", async ({
  page,
}) => {
  const errors = watchErrors(page);
  await openPlayground(page);
  await pasteScenario(page, CRAFTED);

  const analysis = page.locator("#pg-analysis");
  const shadowed = analysis.locator("[data-lint=shadowed]");
  await expect(shadowed).toHaveCount(1);
  await expect(shadowed).toHaveAttribute("data-rule", "Allow-HTTPS");
  await expect(shadowed).toContainText(
    "Allow-HTTPS (priority 130) can never match: Deny-Web-Ports (priority 120) is checked first",
  );
  await expect(analysis.locator("[data-lint=management-port-open]")).toContainText(
    "Allow-SSH-Anywhere opens SSH (port 22) to the whole internet",
  );

  await expect(analysis.getByLabel("NIC")).toHaveValue("web-nic");
  await expect(analysis).toContainText("Parts of web-nic are reachable from the internet.");
  await expect(analysis.locator("[data-exposed=Tcp]")).toHaveText("22, 80");
  await expect(analysis.locator("[data-exposed=Udp]")).toHaveText("none");
  await expect(analysis.locator("[data-exposed=other]")).toHaveText("none");
  errors.expectNone();
});
