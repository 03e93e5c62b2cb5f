import { expect, test } from "@playwright/test";
import { exerciseFile, exerciseOn, openEditorIn, pasteRules } from "./support/exercise.ts";

const ID = "ftp-active";

test("learner pastes a tutorial with reads and a resource group around the rules, and it is graded with notes", async ({
  page,
}) => {
  await page.goto(`exercises/${ID}/`);
  await openEditorIn(page, ID);
  const script = [
    "az group create --name media-rg --location eastus2",
    exerciseFile(ID).solution!.trim(),
    "az network nsg rule list --resource-group media-rg --nsg-name nsg-snet-ingest --output table",
  ].join("\n");
  await pasteRules(page, ID, script);
  const root = exerciseOn(page, ID);
  await expect(root.locator("[data-complete]")).toContainText("Exercise complete ✓");
  const issues = root.locator("[data-issues] li");
  await expect(issues.filter({ hasText: '"az group create" creates the resource group' })).toHaveCount(1);
  await expect(issues.filter({ hasText: '"az network nsg rule list" only reads' })).toHaveCount(1);
  await expect(issues.first()).toContainText("warning");
});
