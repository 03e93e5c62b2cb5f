import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { expectNoHorizontalScroll, watchErrors } from "./support/course.ts";
import { exerciseFile, exerciseOn, openEditorIn, pasteRules } from "./support/exercise.ts";

/**
 * Lesson 8's fix-rules journey: the learner opens the lesson, finds the website's NSG in the
 * editor as Azure has it, edits the one field that is wrong, and watches every check pass with
 * the size of the change beside the score, as small as the smallest known fix. A change bigger
 * than needed still passes, and says so; the draft survives a reload. At 1280 and 360 px, with nothing for axe to flag.
 */
const ID = "fix-the-unreachable-website";
const LESSON = "lessons/troubleshooting/";
const exercise = exerciseFile(ID);
const checks = exercise.expectations.length;

/**
 * Edits the rules as a learner would: finds `text` with the editor's own Find (Ctrl+F), which
 * selects it, closes Find and types over the selection.
 */
async function replaceInEditor(page: Page, text: string, replacement: string) {
  await exerciseOn(page, ID).locator("[data-editor-host] .view-lines").click();
  await page.keyboard.press("ControlOrMeta+F");
  await page.keyboard.type(text);
  await page.keyboard.press("Enter");
  await page.keyboard.press("Escape");
  await page.keyboard.type(replacement);
}

for (const width of [1280, 360]) {
  test(`learner fixes the unreachable website in lesson 8 with the smallest change, at ${width} px`, async ({
    page,
  }) => {
    const errors = watchErrors(page);
    await page.setViewportSize({ width, height: 900 });
    await page.goto(LESSON);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Troubleshooting NSGs");
    const root = exerciseOn(page, ID);
    await expect(root.locator(".ex__eyebrow")).toHaveText("Exercise · fix the broken NSG");
    await openEditorIn(page, ID);

    // The broken rules as Azure has them: nothing changed yet, and the checks say what fails.
    const score = root.locator("[data-score]");
    const change = root.locator("[data-change-size]");
    await expect(score).toHaveText(`${checks - 1} of ${checks} checks pass.`);
    await expect(change).toHaveText("Your change: no change. The smallest known fix: 1 change.");
    await expect(root.locator('[data-check][data-state="fail"]')).toContainText(
      "NSGs see the VM's private address 10.0.1.4",
    );

    // The one field that is wrong: the destination is the public IP, which NSGs never see.
    await replaceInEditor(page, "192.0.2.10", "10.0.1.4");
    await expect(change).toHaveText(
      "Your change: 1 change (1 field changed). As small as the smallest known fix ✓",
    );
    await expect(score).toHaveText(`All ${checks} checks pass.`);
    await expect(root.locator("[data-comparison]")).toBeHidden();
    await expect(root.locator("[data-complete]")).toBeVisible();
    await expectNoHorizontalScroll(page);

    // Moving the rule to another priority as well still works, but is one change more than needed.
    await replaceInEditor(page, "200", "250");
    await expect(change).toHaveText(
      "Your change: 2 changes (2 fields changed). The smallest known fix: 1 change. It works; can you undo what the fix doesn't need?",
    );
    await expect(score).toHaveText(`All ${checks} checks pass.`);
    await expect(root.locator("[data-complete]")).toBeVisible();

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

    // The draft is kept: after a reload the editor holds the learner's rules and the same size.
    await page.reload();
    await openEditorIn(page, ID);
    await expect(change).toHaveText(/^Your change: 2 changes \(2 fields changed\)/);
    errors.expectNone();
  });
}

test("learner closes what an audit found open with az CLI commands, first too broadly, then with the smallest fix", async ({
  page,
}) => {
  const errors = watchErrors(page);
  const AUDIT = "fix-the-too-open-app-nsg";
  const audit = exerciseFile(AUDIT);
  const total = audit.expectations.length;
  await page.goto(LESSON);
  const root = exerciseOn(page, AUDIT);
  await openEditorIn(page, AUDIT);
  const score = root.locator("[data-score]");
  const change = root.locator("[data-change-size]");
  await expect(change).toHaveText(/^Your change: no change\. The smallest known fix: 2 changes\./);

  // Deleting the SSH rule closes it to the internet, but to the admins too: a check fails.
  await pasteRules(
    page,
    AUDIT,
    "az network nsg rule delete --resource-group rg-nsg-lab --nsg-name nsg-vm-app1 --name Allow-RDP-Temp\naz network nsg rule delete --resource-group rg-nsg-lab --nsg-name nsg-vm-app1 --name Allow-SSH-Admins\n",
  );
  await expect(score).not.toHaveText(`All ${total} checks pass.`);
  await expect(root.locator('[data-check][data-state="fail"]').first()).toContainText("admin");

  // The reference fix, as the learner would type it: every check passes, as small as it gets.
  await pasteRules(page, AUDIT, audit.solution!);
  await expect(score).toHaveText(`All ${total} checks pass.`);
  await expect(change).toHaveText(/As small as the smallest known fix ✓/);
  await expect(root.locator("[data-complete]")).toBeVisible();
  errors.expectNone();
});
