import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { expectNoHorizontalScroll, watchErrors } from "./support/course.ts";
import { exerciseFile, exerciseOn, openEditorIn, pasteRules } from "./support/exercise.ts";

/**
 * An assignment that is a small course: the instructor writes instructions, a due date, points
 * per exercise and how much feedback the exercises give; the learner's page shows all of it,
 * with each exercise's lesson and status, and the exercises say no more than the link allows.
 */

async function expectNoAxeViolations(page: Page, where: string) {
  const { violations } = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const summary = violations.map(
    (v) => `${where}: ${v.id} (${v.nodes.length}) ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
  expect(summary, summary.join("\n")).toEqual([]);
}

const FTP = "ftp-active";
const PREDICT = "subnet-then-nic";
/** Fails some of the FTP exercise's checks: control opened on the wrong port. */
const WRONG_FTP = exerciseFile(FTP).solution!.replace(
  "--destination-port-ranges 21",
  "--destination-port-ranges 22",
);

for (const width of [1280, 360]) {
  test(`instructor writes instructions, a due date and points; the learner sees them with lesson links and status (${width} px)`, async ({
    page,
    context,
  }) => {
    await page.setViewportSize({ width, height: 900 });
    const errors = watchErrors(page);
    await page.goto("assign/");
    await page.getByLabel("Assignment title").fill("Week 7: the capstone");
    await page
      .getByLabel("Instructions", { exact: true })
      .fill(
        "# Before you start\nRead [the processing order lesson](../lessons/processing-order/) again.\n\n- **Both** exercises count\n- [tricky](javascript:alert(1))",
      );
    // The preview shows the instructions as learners will, and says what it left as text.
    const preview = page.locator("[data-assign-preview]");
    await expect(preview.getByRole("heading", { name: "Before you start" })).toBeVisible();
    await expect(preview.getByRole("link", { name: "the processing order lesson" })).toBeVisible();
    await expect(preview.getByRole("link", { name: "tricky" })).toHaveCount(0);
    await expect(preview).toContainText(/Line 5, column 3 of the instructions: the link “tricky”/);
    await page.getByLabel(/^Due date/).fill("2099-11-20T18:00");
    await page.getByRole("checkbox", { name: /active FTP to the video-ingest VM/i }).check();
    await page.getByRole("checkbox", { name: /Predict: two NSGs on one path/ }).check();
    await page.getByRole("checkbox", { name: /Give each exercise points/ }).check();
    await page.getByRole("spinbutton", { name: /Points for Open active FTP/ }).fill("30");
    await expect(page.getByText("40 points in all.")).toBeVisible();
    const link = await page.getByLabel("Assignment link").inputValue();
    expect(link).toContain("/nsg-lab/assignment/?v=2&");
    expect(new URL(link).searchParams.get("points")).toBe("30,10");
    await expectNoAxeViolations(page, "assign/");
    if (width === 360) await expectNoHorizontalScroll(page);

    // The learner passed the prediction exercise earlier.
    const learner = await context.newPage();
    await learner.setViewportSize({ width, height: 900 });
    const learnerErrors = watchErrors(learner);
    await learner.addInitScript(
      (id) =>
        localStorage.setItem(
          "nsg-lab:exercises:v1",
          JSON.stringify({ version: 1, passed: { [id]: "2026-11-01T10:00:00.000Z" } }),
        ),
      PREDICT,
    );
    await learner.goto(link);
    await expect(learner.getByRole("heading", { level: 1 })).toHaveText("Week 7: the capstone");
    const instructions = learner.locator("[data-assignment-instructions]");
    await expect(instructions.getByRole("heading", { level: 3, name: "Before you start" })).toBeVisible();
    await expect(instructions.locator("strong")).toHaveText("Both");
    await expect(instructions.getByRole("link", { name: "tricky" })).toHaveCount(0);
    await expect(instructions).toContainText("[tricky](javascript:alert(1))");
    await expect(instructions).toContainText(/Line 5, column 3 of the instructions/);
    const due = learner.locator("[data-assignment-due]");
    await expect(due).toContainText(/Due .*2099/);
    await expect(due).toContainText(/days? .*left$/);
    await expect(learner.getByRole("status").filter({ hasText: "exercises passed" })).toHaveText(
      "1 of 2 exercises passed: 10 of 40 points.",
    );
    const rows = learner.locator("[data-assignment-progress] li");
    await expect(rows.nth(0)).toContainText(
      "Open active FTP to the video-ingest VM (30 points) — not started",
    );
    await expect(rows.nth(1)).toContainText("(10 points) — passed ✓");
    await expectNoAxeViolations(learner, "assignment/ (v2)");
    if (width === 360) await expectNoHorizontalScroll(learner);

    // Each exercise's lesson is a link away; the relative link in the instructions works too.
    await rows
      .nth(0)
      .getByRole("link", { name: /^Lesson \d+: Capstone/ })
      .click();
    await expect(learner).toHaveURL(/\/nsg-lab\/lessons\/capstone-active-ftp\/$/);
    await learner.goBack();
    await instructions.getByRole("link", { name: "the processing order lesson" }).click();
    await expect(learner).toHaveURL(/\/nsg-lab\/lessons\/processing-order\/$/);
    errors.expectNone();
    learnerErrors.expectNone();
  });
}

test("learner on a verdict-only assignment sees pass or fail per check, without paths, hints or the solution", async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto(`assignment/?v=2&title=Quiz&exercises=${FTP},${PREDICT}&feedback=verdict`);
  await expect(page.getByText(/each check says only pass or fail/)).toBeVisible();
  const ftp = exerciseOn(page, FTP);
  await expect(ftp.locator("[data-hints]")).toHaveCount(0);
  await openEditorIn(page, FTP);
  await pasteRules(page, FTP, WRONG_FTP);
  await expect(ftp.locator('[data-check][data-state="fail"]').first()).toBeVisible();
  await expect(ftp.locator('[data-check][data-state="fail"] [data-check-status]').first()).toHaveText(
    "✗ Fail",
  );
  await expect(ftp.locator("[data-check-result] > *")).toHaveCount(0); // no verdict line, path or why
  await expect(ftp.locator("[data-differences-section]")).toBeHidden();
  await expect(ftp.locator("[data-solution]")).toBeHidden();
  await pasteRules(page, FTP, exerciseFile(FTP).solution!);
  await expect(ftp.locator("[data-complete]")).toBeVisible();

  // A wrong prediction is "not quite", with no answer to reveal.
  const predict = exerciseOn(page, PREDICT);
  const flows = exerciseFile(PREDICT).expectations as { expect: "allow" | "deny" }[];
  const wrong = flows[0]!.expect === "allow" ? "Deny" : "Allow";
  await predict.locator("[data-check]").first().getByLabel(wrong).check();
  await predict.getByRole("button", { name: "Check" }).click();
  const first = predict.locator("[data-check]").first();
  await expect(first.locator("[data-check-status]")).toHaveText("✗ Not quite");
  await predict.getByRole("button", { name: "Check" }).click();
  await expect(first.locator("[data-check-result]")).toHaveText(
    "Not right yet: think again, then check again.",
  );
  await expect(predict.getByRole("button", { name: /Show the answer/ })).toHaveCount(0);
  await expect(predict.locator(".ex-trace")).toHaveCount(0);
  await expectNoAxeViolations(page, "assignment/ (verdict)");
  errors.expectNone();
});

test("learner on an assignment with no feedback sees only that the work is saved", async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(`assignment/?v=2&title=Exam&exercises=${FTP},${PREDICT}&feedback=none`);
  await expect(page.getByText(/the exercises show no results/)).toBeVisible();
  const ftp = exerciseOn(page, FTP);
  await openEditorIn(page, FTP);
  await pasteRules(page, FTP, exerciseFile(FTP).solution!);
  await expect(ftp.locator("[data-score]")).toHaveText(/Your rules are saved/);
  await expect(ftp.locator("[data-check-status]").first()).toHaveText("Saved");
  await expect(ftp.locator('[data-check][data-state="pass"], [data-check][data-state="fail"]')).toHaveCount(
    0,
  );
  await expect(ftp.locator("[data-complete]")).toBeHidden();
  await expect(ftp.locator("[data-save-status]")).not.toBeEmpty();
  // The page tells no more than the exercise: started, not passed.
  await expect(page.getByRole("status").filter({ hasText: "exercises started" })).toHaveText(
    "1 of 2 exercises started.",
  );
  await expect(page.locator("[data-assignment-progress] li").first()).toContainText(
    "started, your work is saved",
  );
  const predict = exerciseOn(page, PREDICT);
  await predict.locator("[data-check]").first().getByLabel("Allow").check();
  await predict.getByRole("button", { name: "Check" }).click();
  await expect(predict.locator("[data-check-result]").first()).toHaveText("Saved.");
  await expect(predict.locator("[data-score]")).toHaveText(/Your answers are saved/);
  await expectNoAxeViolations(page, "assignment/ (none)");
  errors.expectNone();
});

test("learner opening a damaged or past-due assignment link is told so", async ({ page }) => {
  await page.goto(`assignment/?v=2&exercises=${FTP}&points=lots`);
  await expect(page.getByRole("status").filter({ hasText: "points" })).toHaveText(
    /points for exercise 1 \(ftp-active\) are "lots", not a whole number from 1 to 100\. Ask your instructor for a new link\./,
  );
  await expect(page.locator(".assignment__item:not([hidden])")).toHaveCount(0);
  await page.goto(`assignment/?v=9&exercises=${FTP}`);
  await expect(page.getByText(/version "9", which this copy of NSG Lab does not read/)).toBeVisible();
  await page.goto(`assignment/?v=2&exercises=${FTP}&due=2020-01-01T09:00Z`);
  await expect(page.locator("[data-assignment-due]")).toContainText(/past due by \d+ days?/);
  await page.goto(
    `assignment/?v=2&exercises=${FTP}&instructions=${encodeURIComponent("<img src=x onerror=alert(1)>")}`,
  );
  await expect(page.locator("[data-assignment-instructions] img")).toHaveCount(0);
  await expect(page.locator("[data-assignment-instructions]")).toContainText("<img src=x onerror=alert(1)>");
});

test("learner reads a flow log on limited-feedback assignments: right or wrong per part, then only saved", async ({
  page,
}) => {
  const errors = watchErrors(page);
  const LOGS = "read-the-web-flow-log";
  const first = exerciseFile(LOGS).expectations[0] as { expect: "allow" | "deny" };
  const answerFirstWrongly = async () => {
    const question = exerciseOn(page, LOGS).locator("[data-check]").first();
    await question.getByRole("radio", { name: first.expect === "allow" ? "Denied" : "Allowed" }).check();
    await question.getByLabel("Decided by").selectOption({ index: 1 });
    await exerciseOn(page, LOGS).getByRole("button", { name: "Check", exact: true }).click();
    return question;
  };

  await page.goto(`assignment/?v=2&title=Logs&exercises=${LOGS}&feedback=verdict`);
  let question = await answerFirstWrongly();
  await expect(question.locator("[data-check-status]")).toHaveText("✗ Not quite");
  await expect(question.locator('[data-part="verdict"]')).toHaveText("✗ Allowed or denied: not right yet.");
  await expect(exerciseOn(page, LOGS).getByRole("button", { name: /Show the answer/ })).toHaveCount(0);
  await expect(question.locator(".ex-check__explanation, .ex-trace")).toHaveCount(0);
  await expectNoAxeViolations(page, "assignment/ (read-logs, verdict)");

  await page.evaluate(() => localStorage.clear());
  await page.goto(`assignment/?v=2&title=Logs&exercises=${LOGS}&feedback=none`);
  question = await answerFirstWrongly();
  await expect(question.locator("[data-check-status]")).toHaveText("Saved");
  await expect(question.locator("[data-check-result]")).toBeEmpty();
  await expect(exerciseOn(page, LOGS).locator("[data-score]")).toHaveText(/Your answers are saved/);
  errors.expectNone();
});
