import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { expectNoHorizontalScroll, watchErrors } from "./support/course.ts";
import { exerciseOn, openEditorIn, pasteRules } from "./support/exercise.ts";
import { openPlayground } from "./support/playground.ts";
import { exerciseVerification } from "../src/lib/azure-verify/verify-exercise.ts";
import { loadExercise } from "../src/lib/grader/index.ts";
import { recordedAnswers } from "../tests/azure-verify/recorded-answers.ts";

/**
 * The bridge to real Azure, as a learner uses it: after solving an exercise, they open "Check it
 * on real Azure", read what the script will build, cost and clean up, download it in Bash or
 * PowerShell, run it (here: the file it would write is made from the plan), and choose the
 * answers file: every test agrees, or a disagreement is shown as a possible fidelity bug with
 * NSG Lab's path. A file for other rules, or junk, is refused with the reason.
 */
const ID = "ftp-active";
const exercise = (() => {
  const loaded = loadExercise(readFileSync(new URL(`../graders/${ID}.yaml`, import.meta.url), "utf8"));
  if (!loaded.ok) throw new Error("ftp-active does not load");
  return loaded.value;
})();
const solution = exercise.solution!;
const verification = (() => {
  const v = exerciseVerification(exercise, solution);
  if (!v.ok) throw new Error("no plan");
  return v.value;
})();
const tests = verification.plan.tests.length;

const panelOf = (page: Page) => exerciseOn(page, ID).locator("[data-azure-bridge]");

async function chooseResults(page: Page, path: string, text: string) {
  writeFileSync(path, text);
  await panelOf(page)
    .getByLabel(/Azure's answers/)
    .setInputFiles(path);
}

for (const width of [1280, 360]) {
  test(`learner solves an exercise, downloads the Azure script and compares Azure's answers, at ${width} px`, async ({
    page,
  }, testInfo) => {
    const errors = watchErrors(page);
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`exercises/${ID}/`);
    await openEditorIn(page, ID);
    await pasteRules(page, ID, solution);
    await expect(exerciseOn(page, ID)).toHaveAttribute("data-status", "passed", { timeout: 15_000 });

    const panel = panelOf(page);
    await panel.getByText("Check it on real Azure").click();
    await expect(panel.getByText(/Cost:/)).toBeVisible();
    await expect(panel.getByText(/Cleanup:/)).toBeVisible();
    await expect(panel.locator("[data-bridge-plan]")).toHaveText(
      `The script builds 1 VM (Standard_B1ls, the cheapest size) with this network and your rules in a new resource group, runs ${tests} IP flow verify tests, saves Azure's answers to nsg-lab-azure-results.jsonl and deletes the resource group.`,
    );

    // The Bash script: the learner's rule in it, Bash can read it, and it cleans up on exit.
    const [bash] = await Promise.all([
      page.waitForEvent("download"),
      panel.getByRole("button", { name: "Download az CLI script (Bash)" }).click(),
    ]);
    expect(bash.suggestedFilename()).toBe(`nsg-lab-verify-${ID}.sh`);
    const script = testInfo.outputPath(bash.suggestedFilename());
    await bash.saveAs(script);
    const text = readFileSync(script, "utf8");
    expect(text).toContain("--name Allow-FTP-Control-Studio");
    expect(text).toMatch(/trap .* EXIT/);
    execFileSync("bash", ["-n", script]);
    const [ps] = await Promise.all([
      page.waitForEvent("download"),
      panel.getByRole("button", { name: "Download PowerShell script" }).click(),
    ]);
    expect(ps.suggestedFilename()).toBe(`nsg-lab-verify-${ID}.ps1`);

    // Azure agreed everywhere.
    await chooseResults(page, testInfo.outputPath("agree.jsonl"), recordedAnswers(verification));
    await expect(panel.locator("[data-bridge-summary]")).toHaveText(
      `${tests} of ${tests} tests agree with NSG Lab.`,
    );

    // Azure answered one test otherwise: a possible fidelity bug, with NSG Lab's path beside it.
    const first = verification.plan.tests[0]!.id;
    await chooseResults(
      page,
      testInfo.outputPath("disagree.jsonl"),
      recordedAnswers(verification, (id, s) => (id === first ? (s === "Allow" ? "Deny" : "Allow") : s)),
    );
    await expect(panel.locator("[data-bridge-summary]")).toHaveText(
      `${tests - 1} of ${tests} tests agree with NSG Lab; 1 disagrees (possible fidelity bugs: please report them).`,
    );
    const disagreement = panel.locator('[data-outcome="disagree"]');
    await expect(disagreement).toHaveCount(1);
    await expect(disagreement).toContainText("DISAGREE (possible fidelity bug)");
    await expect(disagreement).toContainText("NSG Lab's path: ");

    // Answers recorded for the starter's rules are not these rules' answers.
    const starter = exerciseVerification(exercise, "");
    if (!starter.ok) throw new Error("no starter plan");
    await chooseResults(page, testInfo.outputPath("other.jsonl"), recordedAnswers(starter.value));
    await expect(panel.locator("[data-bridge-result]")).toContainText(
      "recorded for other rules or another scenario",
    );
    await chooseResults(page, testInfo.outputPath("junk.jsonl"), "PK\u0003\u0004 not a results file");
    await expect(panel.locator("[data-bridge-result]")).toContainText("line 1:1");

    if (width === 360) await expectNoHorizontalScroll(page);
    const { violations } = await new AxeBuilder({ page })
      .include(`[data-exercise="${ID}"] [data-azure-bridge]`)
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
      .analyze();
    expect(violations).toEqual([]);
    errors.expectNone();
  });
}

test("learner checks a predict exercise's network as it is, and the playground's scenario", async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto("exercises/subnet-then-nic/");
  const predict = exerciseOn(page, "subnet-then-nic").locator("[data-azure-bridge]");
  await predict.getByText("Check it on real Azure").click();
  await expect(predict.locator("[data-bridge-plan]")).toHaveText(
    /^The script builds \d+ VMs? .* runs \d+ IP flow verify tests?/,
  );

  await openPlayground(page);
  const panel = page.locator("[data-azure-bridge]");
  await panel.getByText("Check it on real Azure").click();
  await expect(panel.locator("[data-bridge-plan]")).toHaveText(
    /^The script builds \d+ VMs? .* runs \d+ IP flow verify tests?/,
  );
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    panel.getByRole("button", { name: "Download PowerShell script" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("nsg-lab-verify-playground.ps1");
  expect(readFileSync(await download.path(), "utf8")).toContain("Test-AzNetworkWatcherIPFlow");
  await panel.getByLabel(/Azure's answers/).setInputFiles({
    name: "nsg-lab-azure-results.jsonl",
    mimeType: "text/plain",
    buffer: Buffer.from(recordedAnswers(verification)),
  });
  await expect(panel.locator("[data-bridge-result]")).toContainText(
    'these answers were recorded for "ftp-active", not "playground"',
  );
  errors.expectNone();
});
