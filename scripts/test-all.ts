/**
 * Runs every suite (unit, then e2e against a production build under a non-root base path) and
 * ends with one line "N passed, N failed" summing them all. Exit code 1 when anything failed.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";

const OUT = ".test-output";
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });

interface Tally {
  passed: number;
  failed: number;
}

function run(command: string, args: string[], env: Record<string, string> = {}): number {
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  return result.status ?? 1;
}

function readJson(path: string): any {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return undefined;
  }
}

function unitSuite(): Tally {
  const code = run("npx", [
    "vitest",
    "run",
    "--reporter=default",
    "--reporter=json",
    `--outputFile=${OUT}/unit.json`,
  ]);
  const report = readJson(`${OUT}/unit.json`);
  if (!report) return { passed: 0, failed: 1 };
  const failed = report.numFailedTests + (code !== 0 && report.numFailedTests === 0 ? 1 : 0);
  return { passed: report.numPassedTests, failed };
}

function e2eSuite(): Tally {
  const code = run("npx", ["playwright", "test"], { PLAYWRIGHT_JSON_OUTPUT_NAME: `${OUT}/e2e.json` });
  const report = readJson(`${OUT}/e2e.json`);
  if (!report?.stats) return { passed: 0, failed: 1 };
  const { expected = 0, unexpected = 0, flaky = 0 } = report.stats;
  const failed = unexpected + (code !== 0 && unexpected === 0 ? 1 : 0);
  return { passed: expected + flaky, failed };
}

const suites: Record<string, Tally> = { unit: unitSuite() };
if (run("node", ["scripts/ensure-chromium.ts"]) === 0) suites.e2e = e2eSuite();
else suites.e2e = { passed: 0, failed: 1 };

const total = Object.values(suites).reduce(
  (a, s) => ({ passed: a.passed + s.passed, failed: a.failed + s.failed }),
  { passed: 0, failed: 0 },
);
for (const [name, s] of Object.entries(suites))
  console.log(`${name}: ${s.passed} passed, ${s.failed} failed`);
console.log(`${total.passed} passed, ${total.failed} failed`);
process.exit(total.failed > 0 ? 1 : 0);
