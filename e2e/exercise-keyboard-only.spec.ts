import { expect, test, type Page } from "@playwright/test";

/** Accessibility: a learner who never touches a mouse opens, solves and leaves an exercise. */
async function tabTo(page: Page, matches: () => boolean, limit = 60): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await page.evaluate(matches)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error("the control was never reached with Tab");
}

test("keyboard-only learner opens the editor, writes the rule, passes every check and tabs out", async ({
  page,
}) => {
  await page.goto("exercises/ftp-active/");
  await tabTo(
    page,
    () =>
      document.activeElement?.tagName === "BUTTON" &&
      /open the editor/i.test(document.activeElement.textContent ?? ""),
  );
  await page.keyboard.press("Enter");
  // The editor bundle loads on demand; focus then moves into the editor by itself.
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.closest(".monaco-editor") !== null), {
      timeout: 20_000,
    })
    .toBe(true);
  expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? "")).toMatch(
    /Rules for nsg-snet-ingest.*Escape then Tab/,
  );
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  await page.keyboard.type(
    "az network nsg rule create -g rg-nsg-lab --nsg-name nsg-snet-ingest -n Allow-FTP-Control-Studio --priority 200 --protocol Tcp --source-address-prefixes 198.51.100.0/28 --destination-address-prefixes 10.0.3.4 --destination-port-ranges 21",
  );
  await expect(page.locator("[data-score]").first()).toContainText(/8 of 8|all 8|Exercise complete/i, {
    timeout: 15_000,
  });

  // Escape, then Tab, moves focus out of the editor instead of inserting a tab.
  await page.keyboard.press("Escape");
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => document.activeElement?.closest(".monaco-editor") === null)).toBe(true);
  const text = await page.locator(".monaco-editor .view-lines").first().innerText();
  expect(text).not.toMatch(/\t/);
});
