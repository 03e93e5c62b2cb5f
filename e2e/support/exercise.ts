import { readFileSync } from "node:fs";
import { expect, type Page } from "@playwright/test";
import { parse } from "yaml";

/** An exercise file as the repository has it, so journeys follow edits to its content. */
export function exerciseFile(id: string): {
  title: string;
  solution?: string;
  starter?: string;
  expectations: unknown[];
} {
  return parse(readFileSync(new URL(`../../graders/${id}.yaml`, import.meta.url), "utf8")) as {
    title: string;
    solution?: string;
    starter?: string;
    expectations: unknown[];
  };
}

/** The exercise section with this id on the page. */
export const exerciseOn = (page: Page, id: string) => page.locator(`[data-exercise="${id}"]`);

export async function openEditorIn(page: Page, id: string): Promise<void> {
  const root = exerciseOn(page, id);
  await root.getByRole("button", { name: "Open the editor" }).click();
  await expect(root.locator("[data-editor-host] .monaco-editor")).toBeVisible({ timeout: 20_000 });
}

/** Select everything in the exercise's editor and paste `text` over it, as a learner pasting would. */
export async function pasteRules(page: Page, id: string, text: string): Promise<void> {
  await exerciseOn(page, id).locator("[data-editor-host] .view-lines").click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(text);
}
