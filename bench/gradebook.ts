/**
 * Re-grading a class's inbox: 1,000 submission files (the class-inbox fixture's files, a
 * folder per learner: single exercises, whole assignments, result.json, corrupt and forged
 * files) written to a temporary folder, then
 *
 * 7a. through the CLI (`npm run grade -- --submissions <dir> --csv … --report`, real files);
 *     target: 10 s;
 * 7b. on the gradebook page in Chromium, from choosing the folder to the table shown; target:
 *     20 s, and the page never freezing: from the folder's change event to the table, a timer
 *     asks the main thread every 10 ms, and its longest wait (the page's longest stall, our
 *     handler, the hand-over to the worker and the table's rendering included) is set against
 *     100 ms, the most a response to input may take to feel immediate. (What Chromium does to
 *     list the folder before the change event is the browser's, not the page's.)
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { runGrade } from "../src/cli/grade-command.ts";
import { createNodeIo } from "../src/cli/io.ts";
import { bulkInbox } from "../tests/gradebook/class-inbox.ts";
import { buildBenchSite, CHROMIUM, launchChromium, OUT } from "./browser-regrade.ts";
import { serve } from "./site-server.ts";
import { measure, ms, ratio } from "./measure.ts";

const FILES = 1_000;
const CLI_TARGET_MS = 10_000;
const PAGE_TARGET_MS = 20_000;
const RESPONSIVE_MS = 100;

function writeInbox(): { root: string; inbox: string } {
  const root = mkdtempSync(join(tmpdir(), "nsg-lab-bench-inbox-"));
  for (const [path, text] of Object.entries(bulkInbox(FILES))) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return { root, inbox: join(root, "inbox") };
}

export async function gradebookBench(line: (label: string, value: string) => void): Promise<void> {
  console.log(`\n8. Re-grading ${FILES.toLocaleString("en")} submission files (a folder per learner)`);
  const folder = writeInbox();
  try {
    let lines = 0;
    const io = createNodeIo(
      () => lines++,
      () => {},
    );
    const csv = join(folder.root, "gradebook.csv");
    const cli = measure(
      () => {
        if (runGrade(["--submissions", folder.inbox, "--csv", csv, "--report"], io) !== 0)
          throw new Error("the CLI re-grade failed");
      },
      { warmup: 0, runs: 3 },
    );
    line("CLI: --submissions --csv --report", `${ms(cli.median)}  ${ratio(cli.median, CLI_TARGET_MS)}`);
    line("per file", ms(cli.median / FILES));

    if (!existsSync(CHROMIUM)) {
      line("gradebook page", `skipped: no Chromium at ${CHROMIUM}`);
      return;
    }
    if (!existsSync(join(OUT, "gradebook", "index.html"))) buildBenchSite();
    const { server, url } = await serve(OUT);
    const browser = await launchChromium();
    try {
      const times: number[] = [];
      const longest: number[] = [];
      for (let run = 0; run < 3; run++) {
        const page = await browser.newPage();
        await page.addInitScript(() => {
          const w = window as unknown as { __stall: number; __stop: boolean };
          w.__stall = 0;
          w.__stop = false;
          addEventListener(
            "change",
            () => {
              let last = performance.now();
              const tick = () => {
                const now = performance.now();
                w.__stall = Math.max(w.__stall, now - last - 10);
                last = now;
                if (!w.__stop) setTimeout(tick, 10);
              };
              setTimeout(tick, 10);
            },
            true,
          );
        });
        await page.goto(`${url}gradebook/`);
        const start = Date.now();
        await page.getByLabel("A folder of submissions").setInputFiles(folder.inbox);
        await page
          .getByRole("status")
          .filter({ hasText: `Re-graded ${FILES.toLocaleString("en")} files` })
          .waitFor({ timeout: 120_000 });
        times.push(Date.now() - start);
        longest.push(
          await page.evaluate(() => {
            const w = window as unknown as { __stall: number; __stop: boolean };
            w.__stop = true;
            return w.__stall;
          }),
        );
        await page.close();
      }
      const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
      line(
        "gradebook page: choose folder → table",
        `${ms(median(times))}  ${ratio(median(times), PAGE_TARGET_MS)}`,
      );
      line(
        "longest stall of the page meanwhile",
        `${ms(median(longest))}  ${ratio(median(longest), RESPONSIVE_MS)}`,
      );
    } finally {
      await browser.close();
      server.close();
    }
  } finally {
    rmSync(folder.root, { recursive: true, force: true });
  }
}
