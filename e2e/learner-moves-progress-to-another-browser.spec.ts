import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";

test("learner exports progress, imports it in another browser, and no pass is lost there", async ({
  page,
  browser,
}) => {
  await page.addInitScript(() => {
    if (localStorage.getItem("nsg-lab:exercises:v2")) return;
    localStorage.setItem(
      "nsg-lab:exercises:v2",
      JSON.stringify({ version: 2, exercises: { "ftp-active": { passedAt: "2026-11-20T10:00:00.000Z" } } }),
    );
  });
  await page.goto("./");
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export progress" }).click();
  const file = await (await downloading).path();
  await expect(page.locator("[data-progress-transfer-status]")).toContainText("1 passed exercises");

  const other = await browser.newContext();
  const phone = await other.newPage();
  await phone.addInitScript(() => {
    if (localStorage.getItem("nsg-lab:exercises:v2")) return;
    localStorage.setItem(
      "nsg-lab:exercises:v2",
      JSON.stringify({ version: 2, exercises: { "app-tier-asg": { passedAt: "2026-11-25T10:00:00.000Z" } } }),
    );
  });
  await phone.goto("./");
  await phone.locator("[data-progress-import]").setInputFiles(file);
  await expect(phone.locator("[data-progress-transfer-status]")).toContainText("1 more passed exercises");
  await phone.goto("exercises/");
  await expect(phone.locator('[data-exercise-link="ftp-active"]')).toHaveAttribute("data-progress", "passed");
  await expect(phone.locator('[data-exercise-link="app-tier-asg"]')).toHaveAttribute(
    "data-progress",
    "passed",
  );

  // Something that is not a progress file is refused in words, and changes nothing.
  await phone.goto("./");
  await phone.locator("[data-progress-import]").setInputFiles({
    name: "notes.json",
    mimeType: "application/json",
    buffer: Buffer.from('{"hello": "world"}'),
  });
  await expect(phone.locator("[data-progress-transfer-status]")).toContainText(
    "not an NSG Lab progress file",
  );
  expect(JSON.parse(readFileSync(file, "utf8")) as { format: string }).toMatchObject({
    format: "nsg-lab-progress",
  });
  await other.close();
});
