import { expect, test } from "@playwright/test";
import { gzipSync } from "node:zlib";
import { lessonsFromHome } from "./support/course.ts";

/**
 * Performance budget: before any interaction a lesson page may run at most 40 KB of gzipped
 * JavaScript, and the editor (Monaco) must not be part of it: it loads when an exercise opens.
 */
const BUDGET_BYTES = 40 * 1024;
const EDITOR_CHUNK = /monaco|editor\.(main|api|worker)|json\.worker/i;

test("every lesson page ships under 40 KB of gzipped JS before interaction, without Monaco", async ({
  page,
}) => {
  const lessons = await lessonsFromHome(page);
  for (const lesson of lessons) {
    const scripts = new Map<string, number>();
    const collect = async (response: import("@playwright/test").Response) => {
      if (response.status() >= 300 && response.status() < 400) return;
      const type = response.request().resourceType();
      if (type !== "script" && !response.url().endsWith(".js") && !response.url().endsWith(".mjs")) return;
      scripts.set(response.url(), gzipSync(await response.body()).length);
    };
    page.on("response", collect);
    await page.goto(lesson.url);
    await page.waitForLoadState("networkidle");
    page.off("response", collect);
    // Inline scripts count too.
    const inline = await page.$$eval("script:not([src])", (els) =>
      els
        .filter((e) => !e.getAttribute("type") || e.getAttribute("type") === "module")
        .map((e) => e.textContent ?? ""),
    );
    const inlineBytes = inline.reduce((sum, text) => sum + gzipSync(text).length, 0);
    const total = [...scripts.values()].reduce((a, b) => a + b, 0) + inlineBytes;
    const urls = [...scripts.keys()];
    expect(
      urls.filter((u) => EDITOR_CHUNK.test(u)),
      `${lesson.slug} loads the editor up front`,
    ).toEqual([]);
    expect(
      total,
      `${lesson.slug}: ${(total / 1024).toFixed(1)} KB gzip JS (${urls.join(", ")})`,
    ).toBeLessThanOrEqual(BUDGET_BYTES);
  }
});
