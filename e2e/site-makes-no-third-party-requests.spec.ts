import { expect, test } from "@playwright/test";

/**
 * Privacy and security: every page, including search, only ever talks to its own origin. The
 * context's requests include the service worker's own downloads (the offline copy), which a
 * page's requests do not.
 */
test("no page requests anything from another origin, search included", async ({ page, context, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const foreign: string[] = [];
  context.on("request", (request) => {
    const url = new URL(request.url());
    if (url.protocol !== "data:" && url.protocol !== "blob:" && url.origin !== origin)
      foreign.push(`${page.url()} → ${request.url()}`);
  });
  await page.goto("./");
  const links = await page.$$eval("a[href]", (as) => [
    ...new Set(as.map((a) => (a as HTMLAnchorElement).href)),
  ]);
  const internal = links.filter((href) => href.startsWith(new URL(baseURL!).href));
  for (const href of internal) {
    await page.goto(href);
    await page.waitForLoadState("networkidle");
  }
  await page.goto("search/?q=priority");
  await page.waitForLoadState("networkidle");
  expect(foreign).toEqual([]);
});
