import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { parse } from "yaml";
import { watchErrors } from "./support/course.ts";

/**
 * Learner journeys through an author-rules exercise on its own page (/exercises/ftp-active/),
 * typing into Monaco with the keyboard as a learner does.
 */

const EXERCISE = "exercise/ftp-active";
const PAGE = "exercises/ftp-active/";
const DRAFT_KEY = "nsg-lab:draft:v1:ftp-active";
const EDITOR_FILES = /editor-island|monaco|editor\.worker|json\.worker|jsonMode/i;

interface Draft {
  version: number;
  text: string;
  format: string;
  savedAt: string;
}

/** The exercise results the page records (src/lib/exercise-ui/exercise-progress.ts). */
interface ExerciseResults {
  version?: number;
  exercises?: Record<string, { passedAt?: string }>;
}

/** The downloaded submission file (src/lib/exercise-ui/submission-file.ts, version 2). */
interface Submission {
  format: string;
  version: number;
  learner?: string;
  savedAt: string;
  work: {
    exercise: string;
    kind: string;
    rulesFormat: string;
    rules: string;
    result: { passed: number; failed: number };
  }[];
}

/** The exercise as the repository has it, so the journeys follow edits to its wording. */
const exercise = parse(readFileSync(new URL("../graders/ftp-active.yaml", import.meta.url), "utf8")) as {
  expectations: { name: string }[];
  editable: string[];
};
const nsg = exercise.editable[0]!;

/** A rule in ARM's flat shape, keys in the order the editor writes them back. */
const rule = (name: string, source: string, ports: string) => ({
  name,
  priority: 200,
  direction: "Inbound",
  access: "Allow",
  protocol: "Tcp",
  sourceAddressPrefix: source,
  sourcePortRange: "*",
  destinationAddressPrefix: "10.0.3.4",
  destinationPortRange: ports,
});

async function openEditor(page: Page) {
  await page.getByRole("button", { name: "Open the editor" }).click();
  await expect(page.locator("[data-editor-host] .monaco-editor")).toBeVisible({ timeout: 20_000 });
}

async function chooseFormat(page: Page, label: "JSON" | "az CLI") {
  await page.getByRole("group", { name: "Rules format" }).getByLabel(label).check();
}

/** Click into the editor, select everything and type, as a learner would. */
async function typeRules(page: Page, text: string) {
  await page.locator("[data-editor-host] .view-lines").click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  await page.keyboard.type(text);
}

async function savedDraft(page: Page): Promise<Draft> {
  await expect.poll(() => page.evaluate((key) => localStorage.getItem(key), DRAFT_KEY)).not.toBeNull();
  return JSON.parse((await page.evaluate((key) => localStorage.getItem(key), DRAFT_KEY))!) as Draft;
}

async function waitForSave(page: Page, contains: string) {
  await expect
    .poll(async () => (await page.evaluate((key) => localStorage.getItem(key), DRAFT_KEY)) ?? "")
    .toContain(contains);
}

const check = (page: Page, name: string) =>
  page.locator("[data-check]").filter({ has: page.locator(".ex-check__name", { hasText: name }) });

test.describe(EXERCISE, () => {
  test("learner opens the FTP exercise, types a rule open to everyone, reads why a check fails, fixes it and sees every check pass", async ({
    page,
  }) => {
    const errors = watchErrors(page);
    await page.goto(PAGE);
    await openEditor(page);
    await chooseFormat(page, "JSON");

    const tooOpen = { [nsg]: [rule("Allow-FTP-Control-Studio", "*", "20-21")] };
    await typeRules(page, JSON.stringify(tooOpen));
    const failing = page.locator('[data-check][data-state="fail"]');
    await expect(failing.first()).toBeVisible();
    const closed = check(page, "FTP stays closed to the rest of the internet");
    await expect(closed).toHaveAttribute("data-state", "fail");
    await expect(closed.locator("[data-check-status]")).toHaveText("✗ Fail");
    // The path that decided, in order, and advice the learner can act on.
    const steps = closed.locator(".ex-trace li");
    await expect(steps.first()).toContainText(`${nsg} (subnet NSG, inbound at vm-ingest)`);
    await expect(steps.first()).toContainText("Allow-FTP-Control-Studio (200)");
    await expect(steps.first()).toContainText("→ Allow");
    await expect(closed.locator(".ex-check__explanation")).toContainText("Allow-FTP-Control-Studio");
    await expect(page.locator("[data-score]")).toHaveText(/^\d+ of \d+ checks pass\.$/);

    const fixed = { [nsg]: [rule("Allow-FTP-Control-Studio", "198.51.100.0/28", "21")] };
    await typeRules(page, JSON.stringify(fixed));
    await expect(page.locator("[data-score]")).toHaveText(`All ${exercise.expectations.length} checks pass.`);
    // Said beside the editor, with the way on.
    await expect(page.locator("[data-complete]")).toBeVisible();
    await expect(page.locator("[data-complete]")).toContainText("Exercise complete ✓");
    await expect(page.locator('[data-check][data-state="pass"]')).toHaveCount(exercise.expectations.length);
    // The pass is recorded for progress lists (assignment pages, lesson completion).
    const passed = await page.evaluate(
      () => JSON.parse(localStorage.getItem("nsg-lab:exercises:v2") ?? "{}") as ExerciseResults,
    );
    expect(passed.exercises?.["ftp-active"]?.passedAt).toEqual(expect.any(String));
    errors.expectNone();
  });

  test("learner's invalid JSON is marked in the editor and listed with its line and column, without a crash", async ({
    page,
  }) => {
    const errors = watchErrors(page);
    await page.goto(PAGE);
    await openEditor(page);
    await chooseFormat(page, "JSON");
    await typeRules(page, "{ oops }");
    await expect(page.locator("[data-editor-host] .squiggly-error").first()).toBeVisible();
    const issue = page.locator("[data-issues] li").first();
    await expect(issue).toContainText("1:3");
    await expect(issue).toContainText("Invalid JSON");
    await expect(page.locator("[data-score]")).toContainText("to fix before they can be graded");
    await expect(page.locator('[data-check][data-state="pending"]')).toHaveCount(
      exercise.expectations.length,
    );
    // The listed error jumps to its place.
    await issue.getByRole("button").click();
    await expect(page.locator("[data-editor-host] .monaco-editor")).toHaveClass(/focused/);
    errors.expectNone();
  });

  test("learner's rules survive a reload", async ({ page }) => {
    await page.goto(PAGE);
    await openEditor(page);
    await chooseFormat(page, "JSON");
    const rules = { [nsg]: [rule("kept-after-reload", "198.51.100.0/28", "21")] };
    await typeRules(page, JSON.stringify(rules));
    await waitForSave(page, "kept-after-reload");
    await page.reload();
    await expect(page.getByText("Your saved rules for this exercise will be loaded.")).toBeVisible();
    await openEditor(page);
    await expect(page.locator("[data-editor-host] .view-lines")).toContainText("kept-after-reload");
    await expect(page.getByRole("group", { name: "Rules format" }).getByLabel("JSON")).toBeChecked();
    expect(JSON.parse((await savedDraft(page)).text)).toEqual(rules);
  });

  test("learner switches JSON → az CLI → JSON and gets the same rules back", async ({ page }) => {
    await page.goto(PAGE);
    await openEditor(page);
    await chooseFormat(page, "JSON");
    const rules = {
      [nsg]: [
        rule("round-trip", "198.51.100.0/28", "20-21"),
        { ...rule("round-trip-ssh", "198.51.100.0/24", "22"), priority: 310 },
      ],
    };
    await typeRules(page, JSON.stringify(rules));
    await waitForSave(page, "round-trip-ssh");

    await chooseFormat(page, "az CLI");
    await expect(page.locator("[data-message]")).toContainText("Converted your rules to az CLI.");
    await expect.poll(async () => (await savedDraft(page)).format).toBe("azcli");
    expect((await savedDraft(page)).text).toContain("az network nsg rule create");
    expect((await savedDraft(page)).text).toContain("--name round-trip-ssh");
    await expect(page.locator("[data-score]")).toHaveText(/checks pass/);

    await chooseFormat(page, "JSON");
    await expect.poll(async () => (await savedDraft(page)).format).toBe("json");
    expect(JSON.parse((await savedDraft(page)).text)).toEqual(rules);
  });

  test("learner is warned, on the rule itself, about a rule that can never match", async ({ page }) => {
    await page.goto(PAGE);
    await openEditor(page);
    await chooseFormat(page, "JSON");
    const denyAll = {
      ...rule("deny-everything", "*", "*"),
      priority: 100,
      access: "Deny",
      protocol: "*",
      destinationAddressPrefix: "*",
    };
    await typeRules(
      page,
      JSON.stringify({ [nsg]: [denyAll, rule("Allow-FTP-Control-Studio", "198.51.100.0/28", "21")] }),
    );
    const warning = page.locator("[data-issues] .ex-issue--warning").filter({ hasText: "can never match" });
    await expect(warning).toContainText("Allow-FTP-Control-Studio (priority 200)");
    await expect(warning).toContainText("1:");
    await expect(page.locator("[data-editor-host] .squiggly-warning").first()).toBeVisible();
    // Warnings do not stop grading.
    await expect(page.locator("[data-score]")).toHaveText(/^\d+ of \d+ checks pass\.$/);
  });

  test("learner cannot switch formats while the rules have errors, and loses nothing", async ({ page }) => {
    await page.goto(PAGE);
    await openEditor(page);
    await chooseFormat(page, "JSON");
    await typeRules(page, '{"broken": ');
    await waitForSave(page, "broken");
    // The switch refuses, so the radio does not stay checked: click, not check().
    await page.getByRole("group", { name: "Rules format" }).getByLabel("az CLI").click();
    await expect(page.locator("[data-message]")).toContainText("Cannot switch to az CLI");
    await expect(page.getByRole("group", { name: "Rules format" }).getByLabel("JSON")).toBeChecked();
    expect((await savedDraft(page)).text).toContain('"broken"');
  });

  test("learner exports the rules as az CLI and downloads a submission file", async ({ page, context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.goto(PAGE);
    await openEditor(page);
    await chooseFormat(page, "JSON");
    const rules = { [nsg]: [rule("exported-rule", "198.51.100.0/28", "20-21")] };
    await typeRules(page, JSON.stringify(rules));
    await waitForSave(page, "exported-rule");

    await page.getByText("Export your rules").click();
    await page.getByLabel("Format", { exact: true }).selectOption("azcli");
    await page.getByRole("button", { name: "Copy", exact: true }).click();
    const exported = page.getByLabel("Exported rules");
    await expect(exported).toHaveValue(/az network nsg rule create/);
    const text = await exported.inputValue();
    for (const part of [
      "--nsg-name nsg-snet-ingest",
      "--name exported-rule",
      "--priority 200",
      "--source-address-prefixes 198.51.100.0/28",
      "--destination-port-ranges 20-21",
    ]) {
      expect(text).toContain(part);
    }
    await expect(page.locator("[data-export-status]")).toHaveText("Copied your rules as az CLI.");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download submission file" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("ftp-active-submission.json");
    const file = JSON.parse(readFileSync(await download.path(), "utf8")) as Submission;
    expect(file).toMatchObject({ format: "nsg-lab-submission", version: 2 });
    expect(file).not.toHaveProperty("learner"); // no name typed yet
    expect(file.work).toHaveLength(1);
    const [work] = file.work;
    expect(work).toMatchObject({ exercise: "ftp-active", kind: "author-rules", rulesFormat: "json" });
    expect(JSON.parse(work!.rules)).toEqual(rules);
    expect(work!.result.passed + work!.result.failed).toBe(exercise.expectations.length);
    await expect(page.locator("[data-export-status]")).toContainText(
      "Downloaded ftp-active-submission.json without a name",
    );
  });

  test("learner shares a link, and a classmate's fresh browser opens the same rules", async ({
    page,
    browser,
  }) => {
    await page.goto(PAGE);
    await openEditor(page);
    await chooseFormat(page, "JSON");
    const rules = { [nsg]: [rule("shared-rule", "198.51.100.0/28", "21")] };
    await typeRules(page, JSON.stringify(rules));
    await waitForSave(page, "shared-rule");
    await page.getByText("Share a link to these rules").click();
    await page.getByRole("button", { name: "Copy link" }).click();
    const link = await page.getByLabel("Link", { exact: true }).inputValue();
    expect(link).toMatch(/\/nsg-lab\/exercises\/ftp-active\/#rules=v2\.ftp-active\.json\.[0-9a-f]{8}\./);

    const classmate = await browser.newContext();
    const other = await classmate.newPage();
    await other.goto(link);
    await expect(
      other.getByText("This link carries someone's rules for this exercise: open the editor to load them."),
    ).toBeVisible();
    await openEditor(other);
    await expect(other.locator("[data-message]")).toContainText("Loaded the rules from the link.");
    await expect(other.locator("[data-editor-host] .view-lines")).toContainText("shared-rule");
    const draft = JSON.parse((await other.evaluate((key) => localStorage.getItem(key), DRAFT_KEY))!) as Draft;
    expect(JSON.parse(draft.text)).toEqual(rules);
    expect(other.url()).not.toContain("#rules=");
    await classmate.close();
  });

  test("learner with a different saved draft is asked before a shared link replaces it", async ({ page }) => {
    await page.goto(PAGE);
    await page.evaluate(
      (key) =>
        localStorage.setItem(
          key,
          JSON.stringify({
            version: 1,
            text: '{"nsg-snet-ingest": []}',
            format: "json",
            savedAt: new Date().toISOString(),
          }),
        ),
      DRAFT_KEY,
    );
    const hash = `#rules=v1.json.${Buffer.from(JSON.stringify({ [nsg]: [rule("from-link", "198.51.100.0/28", "21")] })).toString("base64url")}`;
    await page.goto(`${PAGE}${hash}`);
    await page.getByRole("button", { name: "Open the editor" }).click();
    const dialog = page.getByRole("dialog", { name: "Load the rules from this link?" });
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: "Keep my saved rules" }).click();
    await expect(page.locator("[data-editor-host] .monaco-editor")).toBeVisible({ timeout: 20_000 });
    await expect(page.locator("[data-editor-host] .view-lines")).not.toContainText("from-link");
  });

  test("learner resets to the starter after confirming, and can restore the rules from before", async ({
    page,
  }) => {
    await page.goto(PAGE);
    await openEditor(page);
    await chooseFormat(page, "JSON");
    await typeRules(page, JSON.stringify({ [nsg]: [rule("before-reset", "198.51.100.0/28", "21")] }));
    await waitForSave(page, "before-reset");
    await page.getByRole("button", { name: "Reset to starter" }).click();
    const dialog = page.getByRole("dialog", { name: "Reset to the starter?" });
    await dialog.getByRole("button", { name: "Reset" }).click();
    await expect(page.getByRole("group", { name: "Rules format" }).getByLabel("az CLI")).toBeChecked();
    await expect(page.locator("[data-editor-host] .view-lines")).not.toContainText("before-reset");
    await page.getByRole("button", { name: "Restore previous rules" }).click();
    await expect(page.locator("[data-editor-host] .view-lines")).toContainText("before-reset");
  });

  test("learner sees the solution only after an attempt, and only after confirming", async ({ page }) => {
    await page.goto(PAGE);
    await openEditor(page);
    const show = page.getByRole("button", { name: "Show solution" });
    await expect(show).toBeHidden();
    await chooseFormat(page, "JSON");
    await typeRules(page, JSON.stringify({ [nsg]: [rule("first-try", "*", "21")] }));
    await expect(show).toBeVisible();
    await show.click();
    const dialog = page.getByRole("dialog", { name: "Show the reference solution?" });
    await dialog.getByRole("button", { name: "Keep trying" }).click();
    await expect(page.locator("[data-solution-text]")).toBeHidden();
    await show.click();
    await dialog.getByRole("button", { name: "Show solution" }).click();
    await expect(page.locator("[data-solution-text]")).toContainText("az network nsg rule create");
  });

  test("keyboard learner leaves the editor with Esc then Tab", async ({ page }) => {
    await page.goto(PAGE);
    await page.getByRole("button", { name: "Open the editor" }).focus();
    await page.keyboard.press("Enter");
    await expect(page.locator("[data-editor-host] .monaco-editor")).toBeVisible({ timeout: 20_000 });
    // Opening puts focus in the editor; Tab there indents.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest(".monaco-editor") !== null))
      .toBe(true);
    await page.keyboard.press("Escape");
    await page.keyboard.press("Tab");
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest(".monaco-editor") === null))
      .toBe(true);
    await expect(page.getByText("press Esc then Tab", { exact: false }).first()).toBeVisible();
  });

  test("a corrupt saved draft is reported and kept aside, and the editor still opens", async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto(PAGE);
    await page.evaluate((key) => localStorage.setItem(key, "{not json"), DRAFT_KEY);
    await page.reload();
    await openEditor(page);
    await expect(page.locator("[data-message]")).toContainText("could not be read");
    expect(await page.evaluate(() => localStorage.getItem("nsg-lab:draft-backup:v1:ftp-active"))).toBe(
      "{not json",
    );
    errors.expectNone();
  });

  test("learner whose browser storage is full is told so, and keeps typing without losing the rules", async ({
    page,
  }) => {
    await page.addInitScript(() => {
      // The original method, kept to be called with each storage object as `this`: typed as a
      // function property with that `this`, since it is deliberately taken off its object.
      const proto: { setItem: (this: Storage, key: string, value: string) => void } = Storage.prototype;
      const setItem = proto.setItem;
      Storage.prototype.setItem = function (key: string, value: string) {
        if (key.startsWith("nsg-lab:draft:"))
          throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
        return setItem.call(this, key, value);
      };
    });
    const errors = watchErrors(page);
    await page.goto(PAGE);
    await openEditor(page);
    await chooseFormat(page, "JSON");
    await typeRules(page, JSON.stringify({ [nsg]: [rule("not-saved", "198.51.100.0/28", "21")] }));
    await expect(page.locator("[data-save-status]")).toContainText("Browser storage is full");
    await expect(page.locator("[data-editor-host] .view-lines")).toContainText("not-saved");
    await expect(page.locator("[data-score]")).toHaveText(/checks pass/);
    errors.expectNone();
  });

  test("the editor and its workers load only when the learner opens the editor", async ({ page }) => {
    const requests: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    await page.goto(PAGE);
    await page.waitForLoadState("networkidle");
    expect(
      requests.filter((u) => EDITOR_FILES.test(u)),
      "no editor files before opening",
    ).toEqual([]);
    await openEditor(page);
    await chooseFormat(page, "JSON"); // the JSON language service starts its worker
    await expect.poll(() => requests.filter((u) => EDITOR_FILES.test(u)).length).toBeGreaterThan(0);
    expect(requests.some((u) => /editor-island/.test(u))).toBe(true);
    expect(requests.filter((u) => EDITOR_FILES.test(u)).every((u) => u.includes("/nsg-lab/_astro/"))).toBe(
      true,
    );
  });

  test("a rule named like an HTML tag is shown as text and runs nothing", async ({ page }) => {
    const dialogs: string[] = [];
    page.on("dialog", async (d) => {
      dialogs.push(d.message());
      await d.dismiss();
    });
    const errors = watchErrors(page);
    await page.goto(PAGE);
    await openEditor(page);
    await chooseFormat(page, "JSON");
    const evil = "<img src=x onerror=alert(1)>";
    await typeRules(page, JSON.stringify({ [nsg]: [rule(evil, "198.51.100.0/28", "21")] }));
    const issues = page.locator("[data-issues]");
    await expect(issues).toContainText(evil);
    await expect(page.locator(".ex img")).toHaveCount(0);
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    errors.expectNone();
  });
});
