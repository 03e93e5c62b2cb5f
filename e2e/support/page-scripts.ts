/** The scripts a page runs, gzipped, and which of them it fetched before its `load` event. */
import type { Page, Response } from "@playwright/test";
import { gzipSync } from "node:zlib";

export interface Script {
  url: string;
  gzip: number;
  beforeLoad: boolean;
}

/** Loads `url` and waits for the network to go quiet; nothing is clicked or typed. */
export async function scriptsOf(page: Page, url: string): Promise<Script[]> {
  const sizes = new Map<string, Promise<number>>();
  const collect = (response: Response) => {
    if (response.status() >= 300 && response.status() < 400) return;
    const href = response.url();
    if (response.request().resourceType() !== "script" && !/\.m?js(\?|$)/.test(href)) return;
    sizes.set(
      href,
      response.body().then((body) => gzipSync(body).length),
    );
  };
  page.on("response", collect);
  await page.goto(url);
  await page.waitForLoadState("networkidle");
  page.off("response", collect);
  // Resource Timing says which scripts the page fetched before its load event began.
  const early = await page.evaluate(() => {
    const [navigation] = performance.getEntriesByType("navigation") as PerformanceNavigationTiming[];
    const load = navigation?.loadEventStart ?? 0;
    return (performance.getEntriesByType("resource") as PerformanceResourceTiming[])
      .filter((entry) => entry.startTime < load)
      .map((entry) => entry.name);
  });
  const scripts: Script[] = [];
  for (const [href, size] of sizes)
    scripts.push({ url: href, gzip: await size, beforeLoad: early.includes(href) });
  // Inline scripts count too (the CSP forbids them, so there should be none).
  const inline = await page.$$eval("script:not([src])", (els) =>
    els
      .filter((e) => !e.getAttribute("type") || e.getAttribute("type") === "module")
      .map((e) => e.textContent ?? ""),
  );
  for (const text of inline) scripts.push({ url: "inline", gzip: gzipSync(text).length, beforeLoad: true });
  return scripts;
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
export const totalGzip = (scripts: readonly Script[]) => scripts.reduce((sum, s) => sum + s.gzip, 0);
export const scriptNames = (scripts: readonly Script[]) =>
  scripts.map((s) => s.url.replace(/^.*\//, "")).join(", ");
