import { expect, test, type Page } from "@playwright/test";
import { watchErrors } from "./support/course.ts";
import { useCodeEditors } from "./support/playground.ts";

const SAVE_KEY = "nsg-lab:playground:v1";
const BACKUP_KEY = "nsg-lab:playground-backup:v1";

async function openPlayground(page: Page, path = "playground/") {
  await page.goto(path);
  await useCodeEditors(page);
}

/** The autosaved playground (record playground, src/lib/store/records/playground.ts); "{}" when nothing is saved yet. */
interface Saved {
  version?: number;
  scenario?: string;
  cli?: string;
  flow?: unknown;
  savedAt?: string;
}

/** The autosaved playground, without its timestamp. */
const savedState = (page: Page) =>
  page.evaluate((key) => {
    const { savedAt: _at, ...state } = JSON.parse(localStorage.getItem(key) ?? "{}") as Saved;
    return state;
  }, SAVE_KEY);

test("learner shares a link and a fresh browser reopens the same scenario, az CLI changes and flow", async ({
  page,
  browser,
}) => {
  const errors = watchErrors(page);
  await openPlayground(page);
  await page.getByLabel("Load exercise scenario").selectOption("ftp-active-studio");
  await page.getByRole("button", { name: "Load", exact: true }).click();
  await page.getByRole("tab", { name: /^Changes/ }).click();
  await page.locator("[data-editor-host=cli] .view-lines").click();
  await page.keyboard.press("Control+End");
  await page.keyboard.insertText(
    "az network nsg rule create -g rg --nsg-name nsg-snet-ingest -n Allow-FTP-Control --priority 200 --direction Inbound --access Allow --protocol Tcp --source-address-prefixes 198.51.100.0/28 --destination-port-ranges 21\n",
  );
  await page
    .getByLabel("Sample flow")
    .selectOption({ label: "The studio opens the control connection (TCP 21)" });
  const banner = page.locator("[data-verdict-banner]");
  await expect(banner).toContainText("Allowed by nsg-snet-ingest rule Allow-FTP-Control (200)");

  await page.getByText("Share this playground").click();
  await page.getByRole("button", { name: "Copy share link" }).click();
  const link = page.getByLabel(/^Link/);
  await expect(link).toHaveValue(/\/nsg-lab\/playground\/#playground=v1\.z\./);
  const url = await link.inputValue();
  // Both the changes and the chosen flow are saved (two debounced saves: wait for the last).
  await expect.poll(async () => (await savedState(page))?.cli ?? "").toContain("Allow-FTP-Control");
  await expect
    .poll(async () => JSON.stringify((await savedState(page))?.flow ?? null))
    .toContain('"port":"21"');
  const original = await savedState(page);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  const otherErrors = watchErrors(other);
  await other.goto(url);
  await useCodeEditors(other);
  await expect(other.locator("[data-message]")).toContainText("Loaded the playground from the link.");
  await expect(other.locator("[data-verdict-banner]")).toContainText(
    "Allowed by nsg-snet-ingest rule Allow-FTP-Control (200)",
  );
  await expect(other.getByLabel("From", { exact: true })).toHaveValue("__address__");
  await expect(other.getByLabel("From IP address")).toHaveValue("198.51.100.5");
  await expect(other.getByLabel("To", { exact: true })).toHaveValue("vm-ingest");
  await expect(other.getByLabel("Destination port")).toHaveValue("21");
  await expect(other.getByLabel("Source port")).toHaveValue("51000");
  await expect(other.locator("[data-editor-host=scenario] .view-lines")).toContainText(
    "Scenario from the exercise graders/ftp-active-studio",
  );
  // The link is consumed: the address bar is clean, and the state is now this browser's own.
  expect(new URL(other.url()).hash).toBe("");
  await expect.poll(async () => JSON.stringify(await savedState(other))).toBe(JSON.stringify(original));
  otherErrors.expectNone();
  await fresh.close();
  errors.expectNone();
});

test("learner comes back to the playground as they left it, and a damaged save is set aside, not lost", async ({
  page,
}) => {
  await openPlayground(page);
  await page.getByLabel("Sample flow").selectOption({ label: "Browser to the web VM's public IP (HTTPS)" });
  await page.getByLabel("Destination port").fill("22");
  await page.getByRole("button", { name: "Check flow" }).click();
  await expect(page.locator("[data-verdict-banner]")).toContainText("Denied by nsg-web");
  await expect(page.locator("[data-save-status]")).toContainText("Saved in this browser");

  await page.reload();
  await expect(page.locator("[data-message]")).toContainText("restored from this browser");
  await expect(page.getByLabel("Destination port")).toHaveValue("22");
  await expect(page.getByLabel("From IP address")).toHaveValue("203.0.113.7");
  await expect(page.locator("[data-verdict-banner]")).toContainText("Denied by nsg-web");

  await page.evaluate((key) => localStorage.setItem(key, '{"version":1,"scenario":'), SAVE_KEY);
  await page.reload();
  await expect(page.locator("[data-message]")).toContainText("could not be read (it is not valid JSON)");
  await expect(page.locator("[data-message]")).toContainText(BACKUP_KEY);
  expect(await page.evaluate((key) => localStorage.getItem(key), BACKUP_KEY)).toBe(
    '{"version":1,"scenario":',
  );
});

test("a damaged share link is reported, and the playground still works", async ({ page }) => {
  const errors = watchErrors(page);
  await openPlayground(page, "playground/#playground=v1.z.AAAA");
  await expect(page.locator("[data-message]")).toContainText("damaged");
  await page.getByLabel("Sample flow").selectOption({ label: "Web VM to the database (SQL)" });
  await expect(page.locator("[data-verdict-banner]")).toContainText("Allowed");
  errors.expectNone();
});

test("a playground too big for a link says so instead of making a broken link", async ({ page }) => {
  const errors = watchErrors(page);
  // Saved az CLI notes that do not compress: 1,500 lines of random comments.
  await page.addInitScript((key) => {
    if (localStorage.getItem(key)) return;
    const noise = Array.from(
      { length: 1500 },
      (_, i) => `# ${Math.random().toString(36).slice(2)} ${i}`,
    ).join("\n");
    const blank = "topology:\n  vnets: []\n";
    localStorage.setItem(
      key,
      JSON.stringify({
        version: 1,
        scenario: blank,
        cli: noise,
        flow: null,
        savedAt: new Date().toISOString(),
      }),
    );
  }, SAVE_KEY);
  await openPlayground(page);
  await page.getByText("Share this playground").click();
  await page.getByRole("button", { name: "Copy share link" }).click();
  await expect(page.locator("[data-share-status]")).toContainText("too big for a link");
  errors.expectNone();
});
