import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { watchErrors } from "./support/course.ts";
import { exerciseFile, exerciseOn, openEditorIn, pasteRules } from "./support/exercise.ts";
import { runGrade } from "../src/cli/grade-command.ts";
import { createNodeIo } from "../src/cli/io.ts";

/**
 * A learner opens their instructor's assignment link, types their name once, writes the rules
 * of one exercise and predicts another, and downloads one file with all of it; the instructor's
 * re-grade reads the name and grades the work again.
 */

const WRITE = "ftp-active";
const PREDICT = "subnet-then-nic";
const UNTOUCHED = "smtp-relay-on-587";
const LINK = `assignment/?title=${encodeURIComponent("Week 3: ports")}&exercises=${[WRITE, PREDICT, UNTOUCHED].join(",")}`;

interface HandedIn {
  format: string;
  version: number;
  learner?: string;
  assignment?: { title: string; exercises: string[] };
  work: {
    exercise: string;
    kind: string;
    rules?: string;
    rulesFormat?: string;
    answers?: (string | null)[];
  }[];
}

test("learner types a name once, solves and predicts, and downloads one assignment file the instructor re-grades", async ({
  page,
}, testInfo) => {
  const errors = watchErrors(page);
  await page.goto(LINK);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Week 3: ports");

  // The name, typed once in the hand-in section, is what every download on the page carries.
  const handIn = page.locator("[data-assignment-handin]");
  await handIn.getByLabel("Your name or student id").fill("  Ada   Lovelace ");
  await handIn.getByRole("button", { name: "Save name" }).click();
  await expect(handIn.locator("[data-learner-shown]")).toHaveText(/Handing in as Ada Lovelace\./);

  // Solve the rules exercise: the editor's own download shows the same name.
  await openEditorIn(page, WRITE);
  await pasteRules(page, WRITE, exerciseFile(WRITE).solution!);
  await expect(exerciseOn(page, WRITE).locator("[data-complete]")).toBeVisible();
  await exerciseOn(page, WRITE).getByText("Export your rules").click();
  await expect(exerciseOn(page, WRITE).locator("[data-learner-shown]")).toHaveText(
    /Handing in as Ada Lovelace\./,
  );

  // Predict every flow; the predictions can be handed in on their own too, under the same name.
  const predict = exerciseOn(page, PREDICT);
  const flows = exerciseFile(PREDICT).expectations as { expect: "allow" | "deny" }[];
  for (const [i, flow] of flows.entries())
    await predict
      .locator("[data-check]")
      .nth(i)
      .getByRole("radio", { name: flow.expect === "allow" ? "Allow" : "Deny" })
      .check();
  await predict.getByRole("button", { name: "Check" }).click();
  await expect(predict).toHaveAttribute("data-status", "passed");
  await predict.getByText("Hand in your predictions").click();
  await expect(predict.locator("[data-learner-shown]")).toHaveText(/Handing in as Ada Lovelace\./);
  const [single] = await Promise.all([
    page.waitForEvent("download"),
    predict.getByRole("button", { name: "Download submission file" }).click(),
  ]);
  expect(single.suggestedFilename()).toBe(`${PREDICT}-submission.json`);
  const predictions = JSON.parse(readFileSync(await single.path(), "utf8")) as HandedIn;
  expect(predictions).toMatchObject({ version: 2, learner: "Ada Lovelace" });
  expect(predictions.work).toEqual([
    expect.objectContaining({ exercise: PREDICT, kind: "predict", answers: flows.map((f) => f.expect) }),
  ]);

  // One file for the whole assignment.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    handIn.getByRole("button", { name: "Download the assignment file" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("week-3-ports-submission.json");
  await expect(handIn.locator("[data-assignment-download-status]")).toHaveText(
    `Downloaded week-3-ports-submission.json as Ada Lovelace, with your work on 2 of 3 exercises. Not started yet: ${UNTOUCHED}.`,
  );
  // Saved as the learner would send it to the instructor's inbox.
  const path = testInfo.outputPath("inbox", download.suggestedFilename());
  await download.saveAs(path);
  const file = JSON.parse(readFileSync(path, "utf8")) as HandedIn;
  expect(file).toMatchObject({
    format: "nsg-lab-submission",
    version: 2,
    learner: "Ada Lovelace",
    assignment: { title: "Week 3: ports", exercises: [WRITE, PREDICT, UNTOUCHED] },
  });
  expect(file.work.map((w) => [w.exercise, w.kind])).toEqual([
    [WRITE, "author-rules"],
    [PREDICT, "predict"],
  ]);
  // The rules as the editor holds them (it indents continuation lines as they are typed).
  const words = (text: string) => text.trim().split(/\s+/);
  expect(words(file.work[0]!.rules!)).toEqual(words(exerciseFile(WRITE).solution!));

  // The name stays in this browser: after a reload it is still there, not asked again.
  await page.reload();
  await expect(page.locator("[data-assignment-handin] [data-learner-shown]")).toHaveText(
    /Handing in as Ada Lovelace\./,
  );

  // The instructor re-grades the file: the name is a column, every exercise a row.
  const out: string[] = [];
  const io = createNodeIo(
    (t) => out.push(t),
    () => {},
  );
  expect(runGrade(["--submissions", path], io)).toBe(0);
  expect(out.slice(0, 3)).toEqual([
    `Ada Lovelace\t${WRITE}\t${exerciseFile(WRITE).expectations.length}/${exerciseFile(WRITE).expectations.length}`,
    `Ada Lovelace\t${PREDICT}\t${flows.length}/${flows.length}`,
    `Ada Lovelace\t${UNTOUCHED}\tnone\tnot-submitted: not in the file: the learner had not started it`,
  ]);
  errors.expectNone();
});
