import { expect, test } from "@playwright/test";
import { lessonsFromHome } from "./support/course.ts";
import { exerciseFile, exerciseOn, openEditorIn, pasteRules } from "./support/exercise.ts";

const ID = "ftp-active";

test.describe("at 1280 px", () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test("learner types with the score and the checks in view beside the editor", async ({ page }) => {
    await page.goto(`exercises/${ID}/`);
    await openEditorIn(page, ID);
    const root = exerciseOn(page, ID);
    const editor = await root.locator("[data-editor-host]").boundingBox();
    const feedback = await root.locator("[data-feedback]").boundingBox();
    expect(editor && feedback).toBeTruthy();
    // Side by side: the checks start right of the editor, level with it.
    expect(feedback!.x).toBeGreaterThan(editor!.x + editor!.width - 1);
    expect(Math.abs(feedback!.y - editor!.y)).toBeLessThan(400);
    expect(editor!.width).toBeGreaterThan(400);

    await pasteRules(page, ID, exerciseFile(ID).solution!);
    // Scrolled to the editor's bottom, the score and the completion note are still on screen.
    await root.locator("[data-editor-host]").evaluate((e) => e.scrollIntoView({ block: "end" }));
    await expect(root.locator("[data-score]")).toBeInViewport();
    await expect(root.locator("[data-complete]")).toBeInViewport();
    await expect(root.locator("[data-complete]")).toContainText("Exercise complete ✓");
    const next = root.locator("[data-next-exercise]");
    await expect(next).toContainText("Next exercise:");
    // Nothing runs off the page sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
  });

  test("long az CLI lines wrap in the editor instead of being cut", async ({ page }) => {
    await page.goto(`exercises/${ID}/`);
    await openEditorIn(page, ID);
    const long = `az network nsg rule create --resource-group rg --nsg-name nsg --name a-very-long-rule-name --priority 300 --direction Inbound --access Allow --protocol Tcp --source-address-prefixes 198.51.100.0/28 --destination-port-ranges 21`;
    await pasteRules(page, ID, long);
    const host = exerciseOn(page, ID).locator("[data-editor-host]");
    // One logical line shown as several view lines, each within the editor's width.
    await expect.poll(() => host.locator(".view-line").count()).toBeGreaterThan(1);
    const overflow = await host.evaluate((h) => {
      const right = h.getBoundingClientRect().right;
      return (
        Math.max(
          ...[...h.querySelectorAll(".view-line > span")].map((s) => s.getBoundingClientRect().right),
        ) - right
      );
    });
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

test.describe("at 360 px", () => {
  test.use({ viewport: { width: 360, height: 780 } });

  test("phone learner keeps the score in a bar at the top while typing below the checks", async ({
    page,
  }) => {
    await page.goto(`exercises/${ID}/`);
    await openEditorIn(page, ID);
    const root = exerciseOn(page, ID);
    await root.locator("[data-editor-host]").evaluate((e) => e.scrollIntoView({ block: "center" }));
    const bar = root.locator("[data-scorebar]");
    await expect(bar).toBeInViewport();
    const box = await bar.boundingBox();
    expect(box!.y).toBeLessThan(60);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });

  test("phone learner reads lesson diagrams at a readable size, and wide tables show that they scroll and take the keyboard", async ({
    page,
  }) => {
    const lessons = await lessonsFromHome(page);
    for (const lesson of lessons) {
      await page.goto(lesson.url);
      for (const svg of await page.locator(".diagram svg").all()) {
        // Rendered size of the diagram's text: the SVG's scale times its font size.
        const px = await svg.evaluate((s) => {
          const el = s as SVGSVGElement;
          const scale = el.getBoundingClientRect().width / el.viewBox.baseVal.width;
          const text = el.querySelector("text");
          return text ? parseFloat(getComputedStyle(text).fontSize) * scale : 12;
        });
        expect(px, `diagram text on ${lesson.url}`).toBeGreaterThanOrEqual(9);
      }
      for (const table of await page.locator(".prose table").all()) {
        const wide = await table.evaluate((t) => t.scrollWidth > t.clientWidth);
        if (!wide) continue;
        expect(await table.evaluate((t) => getComputedStyle(t).overflowX)).toBe("auto");
        expect(await table.evaluate((t) => getComputedStyle(t).backgroundImage)).toContain("gradient");
        // A scroller the keyboard can reach (arrow keys scroll it once focused).
        await expect(table, `a wide table on ${lesson.url}`).toHaveAttribute("tabindex", "0");
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth), lesson.url).toBeLessThanOrEqual(
        360,
      );
    }
  });

  test("phone learner sees the network figure whole by scrolling, with every NSG badge's text inside its pill", async ({
    page,
  }) => {
    await page.goto(`exercises/${ID}/`);
    const frame = exerciseOn(page, ID).locator(".ex-topo-frame");
    expect(await frame.evaluate((f) => getComputedStyle(f).overflowX)).toBe("auto");
    for (const badge of await page.locator(".ex-topo__badge").all()) {
      const fits = await badge.evaluate((g) => {
        const rect = g.querySelector("rect")!.getBBox();
        const text = (g.querySelector("text") as SVGTextElement).getBBox();
        return text.x >= rect.x && text.x + text.width <= rect.x + rect.width + 0.5;
      });
      expect(fits).toBe(true);
    }
  });
});
