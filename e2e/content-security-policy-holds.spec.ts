import { expect, test, type Page } from "@playwright/test";

/** Security: every page carries a strict CSP, and nothing the site does violates it. */
async function recordViolations(page: Page) {
  await page.addInitScript(() => {
    (window as unknown as { __csp: string[] }).__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  const console: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) console.push(m.text());
  });
  return async () => [
    ...(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)),
    ...console,
  ];
}

test("every page declares a CSP without unsafe-eval or inline scripts", async ({ page }) => {
  for (const path of [
    "./",
    "lessons/processing-order/",
    "search/",
    "exercises/ftp-active/",
    "assign/",
    "gradebook/",
    "playground/",
  ]) {
    await page.goto(path);
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
    expect(csp, path).toContain("script-src 'self'");
    expect(csp, path).not.toMatch(/'unsafe-eval'|script-src[^;]*'unsafe-inline'/);
    expect(
      await page.locator("script:not([src]):not([type='application/json'])").count(),
      `${path} has inline scripts`,
    ).toBe(0);
  }
});

test("learner opens an exercise editor and searches without any CSP violation", async ({ page }) => {
  const violations = await recordViolations(page);
  await page.goto("lessons/capstone-active-ftp/");
  await page
    .getByRole("button", { name: /open the editor/i })
    .first()
    .click();
  await expect(page.locator(".monaco-editor").first()).toBeVisible({ timeout: 20_000 });
  await page.keyboard.type(" ");
  await page.waitForTimeout(500);
  expect(await violations()).toEqual([]);

  await page.goto("search/?q=priority");
  await expect(page.locator("[data-pagefind-ui], .pagefind-ui, [data-search-results]").first()).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(await violations()).toEqual([]);
});
