/**
 * What a learner's browser loads and runs, in real Chromium, on the build bench 6 made
 * (dist-bench, base "/"): each lesson page's JavaScript before its `load` event (gzipped bytes
 * and requests; target 5 KB, no more than a Starlight page) and the playground's Total Blocking Time
 * with the CPU slowed 4×, as Lighthouse's mobile run does (target 200 ms). The e2e budgets
 * (lesson-pages-stay-light, playground-stays-light-and-responsive) fail the build on the bytes;
 * the blocking time is only measured here, timed assertions being unfit for a busy machine.
 */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser } from "@playwright/test";
import { OUT } from "./browser-regrade.ts";
import { serve } from "./site-server.ts";
import { ms, ratio } from "./measure.ts";
import { scriptsOf, totalGzip } from "../e2e/support/page-scripts.ts";

const LESSON_JS_TARGET = 5 * 1024;
const TBT_TARGET_MS = 200;

/** A lesson's JS before `load`, counted as e2e/lesson-pages-stay-light.spec.ts counts it. */
async function lessonJs(browser: Browser, url: string): Promise<{ bytes: number; requests: number }> {
  const context = await browser.newContext({ serviceWorkers: "block" });
  const early = (await scriptsOf(await context.newPage(), url)).filter((s) => s.beforeLoad);
  await context.close();
  return { bytes: totalGzip(early), requests: early.length };
}

async function playgroundTbt(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext({
    serviceWorkers: "block",
    viewport: { width: 412, height: 823 },
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: [number, number][] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push([e.startTime, e.duration]);
    }).observe({ type: "longtask", buffered: true });
  });
  await page.goto(`${url}playground/`);
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(2_000);
  const tbt = await page.evaluate(() => {
    const fcp = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? 0;
    return (window as unknown as { __longTasks: [number, number][] }).__longTasks
      .filter(([s, d]) => s + d > fcp)
      .reduce((sum, [s, d]) => sum + Math.max(0, s + d - Math.max(s, fcp) - 50), 0);
  });
  await context.close();
  return tbt;
}

export async function pageWeightBench(line: (label: string, value: string) => void): Promise<void> {
  console.log(
    "\n6c. What pages load and block, in Chromium (lesson JS before load; playground TBT at 4× CPU)",
  );
  const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(executablePath) || !existsSync(join(OUT, "lessons"))) {
    line("skipped", `needs Chromium at ${executablePath} and the build of bench 6 in ${OUT}/`);
    return;
  }
  const { server, url } = await serve(OUT);
  const browser = await chromium.launch({
    executablePath,
    args: ["--headless", "--no-sandbox", "--disable-gpu"],
  });
  try {
    const lessons = readdirSync(join(OUT, "lessons"), { withFileTypes: true }).filter((d) => d.isDirectory());
    const weights = [];
    for (const lesson of lessons) weights.push(await lessonJs(browser, `${url}lessons/${lesson.name}/`));
    const heaviest = weights.reduce((a, b) => (a.bytes >= b.bytes ? a : b));
    line(
      `lesson JS before load, heaviest of ${weights.length}`,
      `${(heaviest.bytes / 1024).toFixed(1)} KB gz in ${heaviest.requests} requests  ${ratio(heaviest.bytes, LESSON_JS_TARGET)}`,
    );
    const tbts: number[] = [];
    for (let i = 0; i < 3; i++) tbts.push(await playgroundTbt(browser, url));
    tbts.sort((a, b) => a - b);
    line("playground TBT at 4× CPU, best of 3", `${ms(tbts[0]!)}  ${ratio(tbts[0]!, TBT_TARGET_MS)}`);
    line("playground TBT at 4× CPU, median of 3", `${ms(tbts[1]!)}  ${ratio(tbts[1]!, TBT_TARGET_MS)}`);
  } finally {
    await browser.close();
    server.close();
  }
}
