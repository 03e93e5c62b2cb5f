import { expect, test, type Page } from "@playwright/test";
import { watchErrors } from "./support/course.ts";

/**
 * Visits every page reachable from the course home. On each: every internal href/src must stay
 * under the base path and answer below 400, and the page must log no errors.
 */
async function crawl(page: Page, baseURL: string) {
  const base = new URL(baseURL);
  // The search page is reached through the header's search form rather than a link.
  const queue = [base.href, new URL("search/", base).href];
  const visited = new Set<string>();
  const checkedAssets = new Map<string, number>();
  const problems: string[] = [];
  const errors = watchErrors(page);
  page.on("response", (response) => {
    const url = new URL(response.url());
    if (url.origin === base.origin && response.status() >= 400) {
      problems.push(`${response.status()} for ${url.pathname} (loaded by ${page.url()})`);
    }
  });

  while (queue.length > 0) {
    const url = queue.shift()!;
    if (visited.has(url)) continue;
    visited.add(url);
    const response = await page.goto(url);
    expect(response?.status(), `status of ${url}`).toBeLessThan(400);
    await page.waitForLoadState("networkidle");

    const refs = await page.evaluate(() =>
      [...document.querySelectorAll("[href], [src], [srcset]")].flatMap((el) => {
        const tag = el.tagName.toLowerCase();
        const urls: string[] = [];
        for (const attr of ["href", "src"]) {
          const value = el.getAttribute(attr);
          if (value !== null) urls.push(new URL(value, document.baseURI).href);
        }
        const srcset = el.getAttribute("srcset");
        if (srcset)
          for (const part of srcset.split(","))
            urls.push(new URL(part.trim().split(/\s+/)[0]!, document.baseURI).href);
        return urls.map((href) => ({ tag, href }));
      }),
    );

    for (const { tag, href } of refs) {
      const target = new URL(href);
      if (target.protocol !== "http:" && target.protocol !== "https:") continue;
      if (target.origin !== base.origin) continue; // external links are not checked offline
      if (!target.pathname.startsWith(base.pathname)) {
        problems.push(`${tag} on ${url} escapes the base path: ${target.pathname}`);
        continue;
      }
      target.hash = "";
      const isPage = tag === "a" && !/\.[a-z0-9]+$/i.test(target.pathname);
      if (isPage) {
        if (!visited.has(target.href)) queue.push(target.href);
      } else if (!checkedAssets.has(target.href)) {
        const status = (await page.request.get(target.href)).status();
        checkedAssets.set(target.href, status);
        if (status >= 400) problems.push(`${status} for ${tag} ${target.pathname} on ${url}`);
      }
    }
  }
  return { visited, checkedAssets, problems, errors };
}

// Each test crawls every page of the course (about 50, and growing with it): 30 s is per page, not per crawl.
test.describe.configure({ timeout: 180_000 });

test("every page reachable from home has working internal links and assets under the base path", async ({
  page,
  baseURL,
}) => {
  const { visited, checkedAssets, problems } = await crawl(page, baseURL!);
  expect(problems, problems.join("\n")).toEqual([]);
  // Home, search and the lessons; CSS, JS and the icon were checked.
  expect(visited.size).toBeGreaterThanOrEqual(3);
  expect([...visited].some((u) => u.endsWith("/search/"))).toBe(true);
  expect([...visited].some((u) => u.includes("/lessons/"))).toBe(true);
  expect([...checkedAssets.keys()].some((u) => u.endsWith(".css"))).toBe(true);
  expect([...checkedAssets.keys()].some((u) => u.endsWith(".js"))).toBe(true);
});

test("no page reachable from home logs a console error or throws", async ({ page, baseURL }) => {
  const { errors, visited } = await crawl(page, baseURL!);
  // Search runs Pagefind too, which loads lazily.
  await page.goto("search/?q=rule");
  await expect(page.locator("[data-search-status]")).not.toHaveText(/Searching|^$/);
  expect(visited.size).toBeGreaterThanOrEqual(3);
  errors.expectNone();
});
