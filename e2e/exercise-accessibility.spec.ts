import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

/** Screen-reader and keyboard learners on exercise pages, before and after the editor opens. */

for (const colorScheme of ["light", "dark"] as const) {
  test(`screen-reader learner meets no axe violations on exercise pages in the ${colorScheme} theme`, async ({
    page,
  }) => {
    // axe scans several exercise pages, before and after the editor opens: 30 s is a page's budget.
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme });
    const scan = async (where: string) => {
      const { violations } = await new AxeBuilder({ page })
        .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
        .analyze();
      const summary = violations.map(
        (v) =>
          `${where}: ${v.id} (${v.nodes.length}) ${v.nodes
            .map((n) => n.target.join(" "))
            .slice(0, 3)
            .join(", ")}`,
      );
      expect(summary, summary.join("\n")).toEqual([]);
    };
    await page.goto("exercises/");
    await scan("exercise index");
    await page.goto("exercises/which-default-rule/");
    await page.locator("[data-check]").first().getByRole("radio", { name: "Allow" }).check();
    await page.locator("[data-check]").nth(1).getByRole("radio", { name: "Deny" }).check();
    await page.getByRole("button", { name: "Check" }).click();
    await expect(page.locator("[data-score]")).toContainText("predictions are right");
    await scan("predict exercise, checked");
    await page
      .getByRole("button", { name: /Show the answer/ })
      .first()
      .click();
    await expect(page.locator('[data-view="shown"] .ex-rulecheck').first()).toBeVisible();
    await scan("predict exercise, an answer shown with its rules field by field");
    await page.goto("exercises/ftp-active/");
    await scan("ftp-active, closed");
    await page.getByRole("button", { name: "Open the editor" }).click();
    await expect(page.locator("[data-editor-host] .monaco-editor")).toBeVisible({ timeout: 20_000 });
    await expect(page.locator('[data-check][data-state="fail"]').first()).toBeVisible();
    await page.getByRole("button", { name: /Show a hint/ }).click();
    await scan("ftp-active, editor open");
  });
}
