/**
 * Runs every suite — lint, typecheck, unit (with coverage), then e2e against a production build
 * under a non-root base path — and ends with one line "N passed, N failed" summing them all.
 * Every suite runs even when an earlier one fails, so one run shows everything that is wrong.
 * Exit code 1 when anything failed.
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

/** The parts of vitest's JSON report this script reads. */
interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
}

/** The parts of Playwright's JSON report this script reads. */
interface PlaywrightReport {
  stats?: { expected?: number; unexpected?: number; flaky?: number };
}

interface CoverageSummary {
  total: Record<"lines" | "statements" | "functions" | "branches", { pct: number }>;
}

function run(command: string, args: string[], env: Record<string, string> = {}): number {
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  return result.status ?? 1;
}

function readJson<T>(path: string): T | undefined {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as T;
  } catch {
    return undefined;
  }
}

/** A check that passes or fails as a whole: one script of package.json. */
function scriptCheck(script: string): Tally {
  return run("npm", ["run", "--silent", script]) === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 };
}

function sum(tallies: Tally[]): Tally {
  return tallies.reduce((a, s) => ({ passed: a.passed + s.passed, failed: a.failed + s.failed }), {
    passed: 0,
    failed: 0,
  });
}

function unitSuite(): Tally {
  const code = run("npx", [
    "vitest",
    "run",
    "--coverage",
    "--reporter=default",
    "--reporter=json",
    `--outputFile=${OUT}/unit.json`,
  ]);
  const report = readJson<VitestReport>(`${OUT}/unit.json`);
  if (!report) return { passed: 0, failed: 1 };
  // A non-zero exit with no failed test is a failure all the same (coverage below its floor, a crash).
  const failed = report.numFailedTests + (code !== 0 && report.numFailedTests === 0 ? 1 : 0);
  const coverage = readJson<CoverageSummary>(`${OUT}/coverage/coverage-summary.json`);
  if (coverage) {
    const { lines, branches } = coverage.total;
    console.log(`coverage of src/lib and src/cli: ${lines.pct}% of lines, ${branches.pct}% of branches`);
  }
  return { passed: report.numPassedTests, failed };
}

function e2eSuite(): Tally {
  if (run("node", ["scripts/ensure-chromium.ts"]) !== 0) return { passed: 0, failed: 1 };
  const code = run("npx", ["playwright", "test"], { PLAYWRIGHT_JSON_OUTPUT_NAME: `${OUT}/e2e.json` });
  const report = readJson<PlaywrightReport>(`${OUT}/e2e.json`);
  if (!report?.stats) return { passed: 0, failed: 1 };
  const { expected = 0, unexpected = 0, flaky = 0 } = report.stats;
  const failed = unexpected + (code !== 0 && unexpected === 0 ? 1 : 0);
  return { passed: expected + flaky, failed };
}

const suites: Record<string, Tally> = {
  lint: sum([scriptCheck("lint:format"), scriptCheck("lint:code")]),
  typecheck: sum([scriptCheck("typecheck:astro"), scriptCheck("typecheck:ts")]),
  unit: unitSuite(),
  e2e: e2eSuite(),
};

const total = sum(Object.values(suites));
for (const [name, s] of Object.entries(suites))
  console.log(`${name}: ${s.passed} passed, ${s.failed} failed`);
console.log(`${total.passed} passed, ${total.failed} failed`);
process.exit(total.failed > 0 ? 1 : 0);
