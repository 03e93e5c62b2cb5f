import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { watchErrors } from "./support/course.ts";
import { playgroundStarted } from "./support/playground.ts";

/** Presses Tab until `target` has focus; inside the code editor, Escape first (Esc then Tab leaves it). */
async function tabTo(page: Page, target: Locator, max = 40, key: "Tab" | "Shift+Tab" = "Tab") {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    const inEditor = await page.evaluate(() => !!document.activeElement?.closest(".monaco-editor"));
    if (inEditor) await page.keyboard.press("Escape");
    await page.keyboard.press(key);
  }
  throw new Error(`could not reach ${String(target)} with Tab`);
}

async function chooseByArrows(page: Page, select: Locator, value: string) {
  for (let i = 0; i < 40 && (await select.inputValue()) !== value; i++)
    await page.keyboard.press("ArrowDown");
  await expect(select).toHaveValue(value);
}

test("keyboard-only learner loads a scenario, checks flows, reads the path and fixes a form error", async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto("playground/");
  await playgroundStarted(page);

  // Load the FTP capstone from the scenario panel.
  const exercise = page.getByLabel("Load exercise scenario");
  await tabTo(page, exercise);
  await chooseByArrows(page, exercise, "ftp-active-studio");
  const load = page.getByRole("button", { name: "Load", exact: true });
  await tabTo(page, load);
  await page.keyboard.press("Enter");
  await expect(page.locator("[data-message]")).toContainText("Loaded the scenario");

  // Through the editor (Esc, Tab) to the sample flows; arrows pick one and check it.
  const sample = page.getByLabel("Sample flow");
  await tabTo(page, sample);
  await chooseByArrows(page, sample, "0");
  const banner = page.locator("[data-verdict-banner]");
  await expect(banner).toHaveAttribute("aria-live", "polite");
  await expect(banner).toContainText("Denied");

  // Change the port in the form and submit with Enter.
  const port = page.getByLabel("Destination port");
  await tabTo(page, port);
  await page.keyboard.press("Control+a");
  await page.keyboard.type("22");
  await page.keyboard.press("Enter");
  await expect(banner).toContainText("TCP port 22");
  await expect(banner).toContainText("DenyAllInBound");

  // An empty port is refused on its field, which gets focus.
  await page.keyboard.press("Control+a");
  await page.keyboard.press("Backspace");
  await page.keyboard.press("Enter");
  await expect(port).toBeFocused();
  await expect(port).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("[data-error=port]")).toHaveText(
    "A Tcp flow needs a destination port (0 to 65535)",
  );
  await expect(page.locator("[data-form-errors]")).toBeVisible();
  await page.keyboard.type("21");
  await page.keyboard.press("Enter");
  await expect(port).not.toHaveAttribute("aria-invalid", "true");

  // An unknown endpoint typed as an address is refused on its field.
  const fromAddress = page.getByLabel("From IP address");
  await tabTo(page, fromAddress, 10, "Shift+Tab");
  await page.keyboard.press("Control+a");
  await page.keyboard.type("vm-ingset");
  await page.keyboard.press("Enter");
  await expect(fromAddress).toBeFocused();
  await expect(page.locator("[data-error=from]")).toHaveText(
    '"vm-ingset" is not a VM, a NIC or an IP address of this scenario',
  );
  await page.keyboard.press("Control+a");
  await page.keyboard.type("198.51.100.5");
  await page.keyboard.press("Enter");
  await expect(banner).toContainText("Denied");

  // The path's rule list opens from the keyboard and shows the deciding rule.
  const summary = page.locator("[data-path] .pg-step__rules summary").first();
  await tabTo(page, summary);
  const rulesOpen = () => summary.evaluate((s) => (s.parentElement as HTMLDetailsElement).open);
  const before = await rulesOpen();
  await page.keyboard.press("Enter");
  expect(await rulesOpen()).toBe(!before);
  if (!(await rulesOpen())) await page.keyboard.press("Enter");
  await expect(page.locator("[data-path] tr[data-status=deciding]").first()).toBeVisible();

  // Focus is always visible.
  const outline = await summary.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe("none");
  errors.expectNone();
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`screen-reader learner meets no axe violations on the playground with a verdict shown (${colorScheme})`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto("playground/");
    await playgroundStarted(page);
    await page.getByLabel("Sample flow").selectOption({ label: "Browser to the web VM's public IP (HTTPS)" });
    await expect(page.locator("[data-verdict-banner]")).toContainText("Allowed");
    await page
      .locator("[data-path] details")
      .evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    await page.getByText("Network diagram").click();
    const { violations } = await new AxeBuilder({ page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
      .analyze();
    const summary = violations.map(
      (v) =>
        `${v.id} (${v.nodes.length}) ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 3)
          .join(", ")}`,
    );
    expect(summary, summary.join("\n")).toEqual([]);
  });
}
