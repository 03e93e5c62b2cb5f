import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectNoHorizontalScroll, watchErrors } from "./support/course.ts";
import { exerciseFile, exerciseOn } from "./support/exercise.ts";
import { runGrade } from "../src/cli/grade-command.ts";
import { createNodeIo } from "../src/cli/io.ts";

/**
 * Lesson 8's read-logs journey: the learner reads a VNet flow log of two VMs, answers which rule
 * decided a flow and why another did not, gets each wrong part explained without the answer,
 * then the answer with the flow's path, and finds every answer again after a reload. By mouse
 * and by keyboard, at 1280 and 360 px, with nothing for axe to flag.
 */
const ID = "read-a-vm-to-vm-flow-log";
const LESSON = "lessons/troubleshooting/";
/** The questions as the exercise file has them (check:content keeps expect and decidedBy true). */
interface Question {
  name: string;
  expect: "allow" | "deny";
  decidedBy: string;
  whyNot?: string;
}
const questions = exerciseFile(ID).expectations as Question[];
const total = questions.length;
const APP_TO_DB = questions.findIndex((e) => e.name === "vm-app1 opens a SQL connection to vm-db1");

const question = (page: Page, i: number) => exerciseOn(page, ID).locator("[data-check]").nth(i);
const check = (page: Page) =>
  exerciseOn(page, ID).getByRole("button", { name: "Check", exact: true }).click();

/** The deciding rule's option: the rule the file names, in whichever NSG has it. */
async function decider(item: Locator, rule: string): Promise<string> {
  const values = await item
    .locator("select[data-log-rule] option")
    .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
  const value = values.find((v) => v.endsWith(`/${rule}`));
  if (!value) throw new Error(`no option for ${rule}`);
  return value;
}

async function answer(
  page: Page,
  i: number,
  verdict: "allow" | "deny",
  rule: string,
  reasons: string[] = [],
) {
  const item = question(page, i);
  await item.getByRole("radio", { name: verdict === "allow" ? "Allowed" : "Denied" }).check();
  await item.getByLabel("Decided by").selectOption(rule.includes("/") ? rule : await decider(item, rule));
  for (const box of await item.getByRole("checkbox").all()) await box.setChecked(false);
  for (const reason of reasons) await item.getByRole("checkbox", { name: reason }).check();
  return item;
}

/** Why each why-not rule did not decide, as the evaluator has it (the test's own reading). */
const WHY_NOT: Record<string, string[]> = {
  "vm-app1 opens a SQL connection to vm-db1": ["its source doesn't match"],
  "vm-app1 tries SSH to vm-db1": ["its destination ports don't match"],
  "vm-app1 tries the SQL connection again a minute later": [
    "it allowed the flow, but another NSG on the path denied it",
  ],
  "vm-front1 opens a SQL connection to vm-db1": ["its NSG never saw this flow"],
};

for (const width of [1280, 360]) {
  test(`learner reads a VM-to-VM flow log, answers, reads why, and reloads to the same answers, at ${width} px`, async ({
    page,
  }) => {
    const errors = watchErrors(page);
    await page.setViewportSize({ width, height: 900 });
    await page.goto(LESSON);
    const root = exerciseOn(page, ID);
    await expect(root.locator(".ex__eyebrow")).toHaveText("Exercise · read the logs");

    // The log: real JSON and the same tuples as rows; a flow denied at vm-db1 shows D there.
    const rows = root.locator("[data-log-row]");
    expect(await rows.count()).toBeGreaterThan(total);
    await expect(root.locator('[data-log-row][data-state="D"]').first()).toBeVisible();
    await root.getByText("The log as Network Watcher writes it (JSON)").click();
    await expect(root.locator("[data-log-json]")).toContainText('"flowLogVersion": 4');
    await expect(root.locator("[data-log-json]")).toContainText('"rule": "UserRule_Deny-VNet-In"');
    await expectNoHorizontalScroll(page);

    // A wrong answer: each wrong part is explained, the right one is not given yet.
    const item = await answer(page, APP_TO_DB, "allow", "nsg-snet-app/Allow-SQL-To-Data", [
      "its destination ports don't match",
    ]);
    await check(page);
    await expect(item.locator("[data-check-status]")).toHaveText("✗ Not quite");
    await expect(item.locator('[data-part="verdict"]')).toContainText("state D (deny)");
    await expect(item.locator('[data-part="rule"]')).toContainText(
      "Allow-SQL-To-Data (200) in nsg-snet-app: it allowed the flow, but another NSG on the path denied it.",
    );
    await expect(item.locator('[data-part="whyNot"]')).toContainText(
      "1 of the reasons you ticked is not why",
    );
    await expect(item.locator(".ex-trace")).toHaveCount(0);
    await expect(root.locator("[data-score]")).toContainText(`0 of ${total} answers are right.`);
    await expectNoHorizontalScroll(page);

    // The right answer, read from the log: denied at vm-db1's NIC by Deny-VNet-In.
    const right = questions[APP_TO_DB]!;
    await answer(page, APP_TO_DB, right.expect, right.decidedBy, WHY_NOT[right.name]);
    await check(page);
    await expect(item.locator("[data-check-status]")).toHaveText("✓ Right");
    await expect(item.locator(".ex-check__actual")).toContainText(
      "Azure: deny — decided by nsg-snet-data/Deny-VNet-In (4000)",
    );
    await expect(item.locator(".ex-trace")).toContainText("nsg-snet-data");

    // Another, answered wrongly and then shown: the answer and the path appear.
    const ssh = questions.findIndex((e) => e.name === "vm-app1 tries SSH to vm-db1");
    const sshItem = await answer(page, ssh, "allow", "nsg-snet-app/AllowVnetOutBound", [
      "its protocol doesn't match",
    ]);
    await check(page);
    await sshItem.getByRole("button", { name: /Show the answer/ }).click();
    await expect(sshItem.locator("[data-check-result]")).toBeFocused();
    await expect(sshItem.locator(".ex-logq__why-answer")).toHaveText(
      "Why not: Allow-SQL-To-Data (200) in nsg-snet-app doesn't match this flow: its destination port doesn't match the packet.",
    );
    await expect(sshItem.locator(".ex-check__explanation")).toContainText("Why:");

    {
      // Light at 1280 px, dark at 360 px (where the log's tables become cards).
      await page.emulateMedia({ colorScheme: width === 1280 ? "light" : "dark" });
      const { violations } = await new AxeBuilder({ page })
        .include(`[data-exercise="${ID}"]`)
        .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
        .analyze();
      expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual(
        [],
      );
    }

    // Reload: the answers, the verdicts and the shown answer are as they were.
    await page.reload();
    await expect(question(page, APP_TO_DB).locator("[data-check-status]")).toHaveText("✓ Right");
    await expect(question(page, APP_TO_DB).getByRole("radio", { name: "Denied" })).toBeChecked();
    await expect(question(page, APP_TO_DB).getByLabel("Decided by")).toHaveValue(
      "nsg-snet-data/Deny-VNet-In",
    );
    await expect(
      question(page, APP_TO_DB).getByRole("checkbox", { name: "its source doesn't match" }),
    ).toBeChecked();
    await expect(question(page, ssh).locator(".ex-logq__why-answer")).toBeVisible();
    errors.expectNone();
  });
}

test("keyboard learner answers every question, completes the exercise and hands in the answers", async ({
  page,
}, testInfo) => {
  const errors = watchErrors(page);
  await page.goto(`exercises/${ID}/`);
  for (const [i, e] of questions.entries()) {
    const item = question(page, i);
    // Allowed or denied: the radios are one stop; arrow keys choose.
    await item.getByRole("radio", { name: "Allowed" }).focus();
    await page.keyboard.press("Space");
    if (e.expect === "deny") await page.keyboard.press("ArrowRight");
    await expect(
      item.getByRole("radio", { name: e.expect === "allow" ? "Allowed" : "Denied" }),
    ).toBeChecked();
    // The rule: the select takes its value from the keyboard.
    await page.keyboard.press("Tab");
    await expect(item.getByLabel("Decided by")).toBeFocused();
    await item.getByLabel("Decided by").selectOption(await decider(item, e.decidedBy));
    for (const reason of WHY_NOT[e.name] ?? []) {
      await item.getByRole("checkbox", { name: reason }).focus();
      await page.keyboard.press("Space");
    }
  }
  await page.getByRole("button", { name: "Check", exact: true }).focus();
  await page.keyboard.press("Enter");
  await expect(page.locator("[data-score]")).toHaveText(
    `All ${total} answers are right. Exercise complete ✓`,
  );
  await expect(page.locator('[data-check][data-state="pass"]')).toHaveCount(total);
  await page.reload();
  await expect(page.locator("[data-score]")).toHaveText(
    `All ${total} answers are right. Exercise complete ✓`,
  );

  // Handing in: the answers go in one file, which the instructor's re-grade scores again.
  await page.getByText("Hand in your answers").click();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download submission file" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`${ID}-submission.json`);
  const path = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(path);
  const out: string[] = [];
  const io = createNodeIo(
    (t) => out.push(t),
    () => {},
  );
  expect(runGrade(["--submissions", path], io)).toBe(0);
  expect(out[0]).toMatch(new RegExp(`\\t${ID}\\t${total}/${total}`));
  errors.expectNone();
});
