import { expect, type Page } from "@playwright/test";

/**
 * The playground, under the base path, ready with its scenario editor: the learner clicks into
 * it, which brings in Monaco for both editors (until then they are plain text areas).
 */
export async function openPlayground(page: Page, path = "playground/"): Promise<void> {
  await page.goto(path);
  // Served under the non-root base, as on GitHub Pages (playwright.config.ts).
  expect(new URL(page.url()).pathname).toBe("/nsg-lab/playground/");
  await useCodeEditors(page);
}

/** The island has started: scenario, flow form and verdicts answer (the editors are text areas). */
export async function playgroundStarted(page: Page): Promise<void> {
  await expect(page.locator("[data-playground][data-interactive]")).toBeAttached({ timeout: 20_000 });
}

/** The learner clicks into an editor, which loads Monaco (for both editors) the first time. */
export async function useCodeEditors(page: Page, editor: "scenario" | "cli" = "scenario"): Promise<void> {
  await playgroundStarted(page);
  const ready = page.locator(`[data-editor-host=${editor}][data-ready]`);
  if (!(await ready.count())) await page.locator(`[data-editor-host=${editor}]`).click();
  await expect(ready).toBeVisible({ timeout: 20_000 });
}

/** "Start blank", as a learner about to paste a tutorial does. */
export async function startBlank(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Start blank" }).click();
  await expect(page.locator("[data-message]")).toContainText("Started from the blank scenario");
}

/** Replaces one of the playground's editors' text (`scenario` or `cli`) by pasting over it. */
export async function pasteInto(page: Page, editor: "scenario" | "cli", text: string): Promise<void> {
  await page
    .context()
    .grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(page.url()).origin });
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.locator(`[data-editor-host=${editor}] .monaco-editor .view-lines`).click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("ControlOrMeta+V");
}
