import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test, type FrameLocator, type Page } from "@playwright/test";
import { unzipSync } from "fflate";
import { RELOCATABLE_BASE } from "../src/lib/lms/relocate-site.ts";
import { watchErrors } from "./support/course.ts";
import { exerciseFile } from "./support/exercise.ts";
import { serveFiles } from "./support/file-server.ts";

/**
 * An instructor packages an assignment with `npm run package` and uploads it to an LMS; here the
 * LMS is e2e/fixtures/lms-player/ (scorm-again's SCORM 1.2 runtime as window.API), serving the
 * package from a content folder of its own. The learner solves the exercises inside the LMS's
 * frame, and the test reads what the LMS received from scorm-again's data model. The same build
 * is exported as a static zip and served from a classroom's sub-folder.
 */

const LINK =
  "https://teacher.github.io/nsg-lab/assignment/?title=Week+3&exercises=smtp-relay-on-587,ftp-active";
const CONTENT = "/lms/content/course-17/sco-1/";
/** An exam: the exercises show no results (feedback none), the LMS still gets the score. */
const EXAM_LINK =
  "https://teacher.github.io/nsg-lab/assignment/?v=2&title=Exam&exercises=smtp-relay-on-587&feedback=none";
const EXAM_CONTENT = "/lms/content/course-17/sco-2/";
const CLASSROOM = "/school/courses/";

const repo = new URL("..", import.meta.url).pathname;
// Per port, as the e2e builds are (two runs side by side must not share a folder).
const siteDir = `dist-lms-package-e2e-${process.env.E2E_PORT ?? "4327"}`;
const scratch = mkdtempSync(join(tmpdir(), "nsg-lab-lms-e2e-"));
let server: Awaited<ReturnType<typeof serveFiles>>;

function run(command: string, args: string[], env: Record<string, string> = {}) {
  const done = spawnSync(command, args, { cwd: repo, env: { ...process.env, ...env }, encoding: "utf8" });
  if (done.status !== 0)
    throw new Error(`${command} ${args.join(" ")} failed:\n${done.stdout}\n${done.stderr}`);
  return done.stdout;
}

/** The files of a zip, at `prefix` + their path in it. */
function served(zip: string, prefix: string, strip = ""): Array<[string, Uint8Array]> {
  return Object.entries(unzipSync(readFileSync(zip)))
    .filter(([path]) => !path.endsWith("/"))
    .map(([path, bytes]) => [prefix + path.slice(strip.length), bytes]);
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(360_000);
  // One relocatable build for both packages (npm run package builds one itself without --site).
  run("npm", ["run", "build"], { BASE_PATH: RELOCATABLE_BASE, ASTRO_OUT_DIR: `./${siteDir}` });
  const scorm = join(scratch, "week-3.zip");
  const offline = join(scratch, "offline.zip");
  const cli = [process.execPath, "bin/package.ts", "--site", siteDir] as const;
  expect(
    run(cli[0], [...cli.slice(1), "--format", "scorm12", "--assignment", LINK, "--out", scorm]),
  ).toContain('SCORM 1.2, "Week 3", 2 exercises × 10 points (20 in all)');
  run(cli[0], [...cli.slice(1), "--format", "static", "--out", offline]);
  const exam = join(scratch, "exam.zip");
  run(cli[0], [...cli.slice(1), "--format", "scorm12", "--assignment", EXAM_LINK, "--out", exam]);
  const player = new URL("./fixtures/lms-player/", import.meta.url);
  server = await serveFiles(
    new Map([
      ["/player/player.html", readFileSync(new URL("player.html", player))],
      ["/player/player.js", readFileSync(new URL("player.js", player))],
      ["/player/scorm12.min.js", readFileSync(join(repo, "node_modules/scorm-again/dist/scorm12.min.js"))],
      ...served(scorm, CONTENT),
      ...served(exam, EXAM_CONTENT),
      ...served(offline, CLASSROOM),
    ]),
  );
});

test.afterAll(async () => {
  await server?.close();
  rmSync(join(repo, siteDir), { recursive: true, force: true });
  rmSync(scratch, { recursive: true, force: true });
});

const notFound = () => server.missing;

/** What the LMS holds for the learner (scorm-again's cmi object) and what it logged. */
const lms = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as {
      API: { cmi: { core: { lesson_status: string; score: { raw: string; min: string; max: string } } } };
      lmsLog: {
        commits: Array<{ raw: string; status: string }>;
        finishes: number;
        sets: string[][];
        launched: string;
      };
    };
    const { core } = w.API.cmi;
    return {
      status: core.lesson_status,
      raw: core.score.raw,
      min: core.score.min,
      max: core.score.max,
      commits: w.lmsLog.commits,
      finishes: w.lmsLog.finishes,
      sets: w.lmsLog.sets,
      launched: w.lmsLog.launched,
    };
  });

async function solve(assignment: FrameLocator, page: Page, id: string) {
  const exercise = assignment.locator(`[data-exercise="${id}"]`);
  await exercise.getByRole("button", { name: "Open the editor" }).click();
  await expect(exercise.locator("[data-editor-host] .monaco-editor")).toBeVisible({ timeout: 30_000 });
  await exercise.locator("[data-editor-host] .view-lines").click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(exerciseFile(id).solution!);
  // The real grader decides: every check passes and nothing differs from the reference.
  await expect(exercise.locator("[data-complete]")).toBeVisible({ timeout: 20_000 });
}

test("learner opens the packaged assignment in an LMS, passes its exercises, and the LMS receives the score, status and commits", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  await page.goto(`${server.origin}/player/player.html?package=${CONTENT}`);
  const sco = page.frameLocator("#sco");
  await expect(sco.getByRole("banner").getByText("Week 3")).toBeVisible();
  await expect(sco.getByText("Reporting to your LMS as Jane Doe")).toBeVisible();
  await expect(sco.getByRole("status")).toHaveText("0 of 2 exercises passed: 0 of 20 points.");
  await expect
    .poll(async () => {
      const held = await lms(page);
      return [held.launched, held.status, held.raw, held.min, held.max, held.commits.length > 0];
    })
    .toEqual(["lms/index.html", "incomplete", "0", "0", "20", true]);

  const assignment = sco.frameLocator("[data-lms-frame]");
  await expect(assignment.getByRole("heading", { level: 1 })).toHaveText("Week 3");
  await solve(assignment, page, "smtp-relay-on-587");
  await expect(sco.getByRole("status")).toHaveText("1 of 2 exercises passed: 10 of 20 points.");
  await expect
    .poll(async () => (await lms(page)).commits.at(-1))
    .toEqual({ raw: "10", status: "incomplete" });

  await solve(assignment, page, "ftp-active");
  await expect(sco.getByRole("status")).toHaveText("2 of 2 exercises passed: 20 of 20 points.");
  await expect.poll(async () => (await lms(page)).commits.at(-1)).toEqual({ raw: "20", status: "passed" });
  const held = await lms(page);
  expect([held.status, held.raw, held.max]).toEqual(["passed", "20", "20"]);
  expect(held.sets).toContainEqual(["cmi.suspend_data", "nsg-lab:v1:smtp-relay-on-587,ftp-active"]);

  // The learner leaves the activity: the session ends with its time and a last commit.
  const commitsBefore = held.commits.length;
  await page.getByRole("button", { name: "Exit the activity" }).click();
  await expect.poll(async () => (await lms(page)).finishes).toBe(1);
  const ended = await lms(page);
  expect(ended.commits.length).toBeGreaterThan(commitsBefore);
  expect(ended.sets).toContainEqual(["cmi.core.exit", ""]);
  expect(ended.sets.find(([element]) => element === "cmi.core.session_time")?.[1]).toMatch(
    /^\d{4}:\d\d:\d\d\.\d\d$/,
  );
  expect(notFound()).toEqual([]);
  errors.expectNone();
});

test("learner sits a packaged exam that shows no results: neither the exercise nor the launch page tells the pass, and the LMS gets the score", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const errors = watchErrors(page);
  await page.goto(`${server.origin}/player/player.html?package=${EXAM_CONTENT}`);
  const sco = page.frameLocator("#sco");
  const launchStatus = sco.getByRole("status").filter({ hasText: "this assignment shows no results" });
  await expect(launchStatus).toHaveText(
    "Your work on the exercise is saved as you go; this assignment shows no results.",
  );
  const assignment = sco.frameLocator("[data-lms-frame]");
  const id = "smtp-relay-on-587";
  const exercise = assignment.locator(`[data-exercise="${id}"]`);
  await exercise.getByRole("button", { name: "Open the editor" }).click();
  await expect(exercise.locator("[data-editor-host] .monaco-editor")).toBeVisible({ timeout: 30_000 });
  await exercise.locator("[data-editor-host] .view-lines").click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(exerciseFile(id).solution!);
  await expect(exercise.locator("[data-score]")).toHaveText(/Your rules are saved/);
  // The pass is the instructor's to see: it reaches the LMS, not the learner's screen.
  await expect.poll(async () => (await lms(page)).commits.at(-1)).toEqual({ raw: "10", status: "passed" });
  await expect(exercise.locator("[data-complete]")).toBeHidden();
  await expect(exercise.locator('[data-check][data-state="pass"]')).toHaveCount(0);
  await expect(launchStatus).toHaveText(
    "Your work on the exercise is saved as you go; this assignment shows no results.",
  );
  expect(notFound()).toEqual([]);
  errors.expectNone();
});

test("without an LMS the package still works as a plain assignment, and says so once", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.goto(`${server.origin}/player/player.html?api=none&package=${CONTENT}`);
  const sco = page.frameLocator("#sco");
  await expect(sco.getByText(/No LMS was found around this page/)).toHaveCount(1);
  await expect(sco.getByRole("status")).toHaveText("0 of 2 exercises passed: 0 of 20 points.");
  const assignment = sco.frameLocator("[data-lms-frame]");
  await expect(assignment.locator(".assignment__item:not([hidden]) .ex__title")).toHaveText([
    exerciseFile("smtp-relay-on-587").title,
    exerciseFile("ftp-active").title,
  ]);
  // The launch page keeps the site's CSP: scripts from the package only, none inline.
  const launch = page.frame({ url: /\/lms\/index\.html$/ })!;
  expect(
    await launch.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content"),
  ).toContain("script-src 'self'");
  expect(await launch.locator("script:not([src])").count()).toBe(0);
  expect(violations).toEqual([]);
});

test("a learner back on another computer keeps the passes the LMS recorded", async ({ page }) => {
  await page.goto(`${server.origin}/player/player.html?package=${CONTENT}&suspend=nsg-lab:v1:ftp-active`);
  const sco = page.frameLocator("#sco");
  await expect(sco.getByRole("status")).toHaveText("1 of 2 exercises passed: 10 of 20 points.");
  const assignment = sco.frameLocator("[data-lms-frame]");
  await expect(assignment.locator("[data-assignment-progress] li").nth(1)).toContainText("passed ✓");
  await expect.poll(async () => (await lms(page)).raw).toBe("10");
});

test("the static export runs from a classroom server's sub-folder: lessons, search and the editor", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const errors = watchErrors(page);
  const home = `${server.origin}${CLASSROOM}nsg-lab/index.html`;
  await page.goto(home);
  await expect(page.locator("link[rel=stylesheet]").first()).toHaveAttribute("href", /^\.\/_astro\//);
  // Styles applied: the course's own font stack, not the browser's default serif.
  expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toContain("system-ui");
  await page.getByRole("link", { name: "Exercises", exact: true }).first().click();
  await expect(page).toHaveURL(`${server.origin}${CLASSROOM}nsg-lab/exercises/index.html`);
  await page
    .getByRole("link", { name: exerciseFile("ftp-active").title })
    .first()
    .click();
  await page.getByRole("button", { name: "Open the editor" }).click();
  await expect(page.locator("[data-editor-host] .monaco-editor")).toBeVisible({ timeout: 30_000 });

  await page.goto(`${server.origin}${CLASSROOM}nsg-lab/search/index.html?q=priority`);
  await expect(page.locator("[data-search-results] li").first()).toBeVisible({ timeout: 20_000 });
  expect(notFound()).toEqual([]);
  errors.expectNone();
});
