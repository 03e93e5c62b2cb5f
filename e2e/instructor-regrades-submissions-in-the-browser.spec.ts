import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { classReportText } from "../src/lib/class-report/class-report.ts";
import { GRADEBOOK_LAYOUTS, gradebookCsvIn, layoutFileName } from "../src/lib/gradebook/csv-layouts.ts";
import { regradeDropped } from "../src/lib/gradebook/dropped-files.ts";
import { exercisesFromTexts } from "../src/lib/gradebook/exercise-set.ts";
import { bulkInbox, classInbox } from "../tests/gradebook/class-inbox.ts";
import { expectNoHorizontalScroll, watchErrors } from "./support/course.ts";

/**
 * The instructor's gradebook page: a class's files (made with the functions the site downloads
 * work with) handed to the page by folder, by file and by drag and drop, re-graded in a worker;
 * the table sorted, each CSV layout downloaded and compared with the same re-grade run in Node,
 * the files to look at, what the class gets wrong, and axe at 1280 and 360 px.
 */

const inbox = classInbox();

/** The class's files in a temporary folder, as the instructor saved them: `<tmp>/inbox/<learner>/…`. */
function writeInbox(files: Record<string, string>): { root: string; inbox: string } {
  const root = mkdtempSync(join(tmpdir(), "nsg-lab-gradebook-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return { root, inbox: join(root, "inbox") };
}

/** The same re-grade in Node, for the downloads to be compared with. */
async function expected() {
  const { exercises } = exercisesFromTexts(
    readdirSync("graders").map((name) => ({ name, text: readFileSync(`graders/${name}`, "utf8") })),
  );
  const dropped = Object.entries(inbox).map(([path, text]) => ({
    path,
    size: Buffer.byteLength(text),
    text: () => Promise.resolve(text),
  }));
  const result = await regradeDropped(dropped, exercises);
  return { result, titles: new Map([...exercises].map(([id, e]) => [id, e.title])) };
}

async function expectAxeClean(page: Page, where: string) {
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
}

const status = (page: Page) =>
  page.getByRole("status").filter({ hasText: /Re-graded|Re-grading|Nothing|No files/ });

async function download(page: Page, button: string): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: button }).click(),
  ]);
  const path = await file.path();
  return { name: file.suggestedFilename(), text: readFileSync(path, "utf8") };
}

test("instructor chooses the class folder, sorts the table, downloads the gradebook for a spreadsheet, Canvas and Moodle, and reads what the class gets wrong", async ({
  page,
}) => {
  test.setTimeout(60_000);
  const errors = watchErrors(page);
  const folder = writeInbox(inbox);
  try {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto("gradebook/");
    await expectAxeClean(page, "gradebook, empty");
    await page.getByLabel("A folder of submissions").setInputFiles(folder.inbox);
    await expect(status(page)).toHaveText(
      "Re-graded 10 files: 13 rows for 9 learners, 4 exercises complete, 6 files to look at.",
      { timeout: 30_000 },
    );

    // The table: a row per learner and exercise, sorted by learner, then by any column.
    const table = page.getByRole("table");
    const rows = table.locator("tbody tr");
    await expect(rows).toHaveCount(13);
    await expect(table.getByRole("columnheader", { name: "Learner" })).toHaveAttribute(
      "aria-sort",
      "ascending",
    );
    await expect(rows.first().getByRole("rowheader")).toHaveText("Ada Lovelace");
    await table.getByRole("button", { name: "Learner" }).click();
    await expect(table.getByRole("columnheader", { name: "Learner" })).toHaveAttribute(
      "aria-sort",
      "descending",
    );
    await expect(rows.first().getByRole("rowheader")).toHaveText("Heidi Park");
    await table.getByRole("button", { name: "Checks passed" }).click();
    await expect(table.getByRole("columnheader", { name: "Checks passed" })).toHaveAttribute(
      "aria-sort",
      "ascending",
    );
    await expect(rows.first()).toContainText("file not graded");
    await expect(rows.last()).toContainText("9/9");
    await expect(table.getByRole("row", { name: /Frank Li/ })).toContainText("7/8 (file claimed 8/8)");

    // Every layout is exactly what the same re-grade gives in Node (and so in the CLI).
    const { result, titles } = await expected();
    await page.getByLabel("Points per exercise (Canvas and Moodle)").fill("25");
    for (const layout of GRADEBOOK_LAYOUTS) {
      const button = {
        generic: "Download CSV",
        canvas: "Download for Canvas",
        moodle: "Download for Moodle",
      }[layout];
      const file = await download(page, button);
      expect(file.name).toBe(layoutFileName(layout));
      expect(file.text).toBe(gradebookCsvIn(layout, result.batch, { titles, points: 25 }));
    }
    const canvas = await download(page, "Download for Canvas");
    expect(canvas.text.split("\n").slice(0, 2)).toEqual([
      "Student,ID,SIS User ID,SIS Login ID,Section,Open active FTP to the video-ingest VM,Predict: two NSGs on one path,Open HTTPS the way the portal does,Send mail through the relay on port 587,Attach the NSGs where they belong",
      "Points Possible,,,,,25,25,25,25,25",
    ]);

    // Corrupt, forged, twice, retired and stray files, each with its reason; none stopped the batch.
    const problems = page.getByRole("list", { name: "Files to look at" }).getByRole("listitem");
    await expect(problems).toHaveCount(6);
    await expect(problems.filter({ hasText: "inbox/grace/" })).toContainText("not valid JSON");
    await expect(problems.filter({ hasText: "inbox/heidi/" })).toContainText('unknown exercise "ftp-legacy"');
    await expect(problems.filter({ hasText: "inbox/frank/" })).toContainText(
      "the file claims 8/8, the re-grade gives 7/8",
    );
    await expect(problems.filter({ hasText: "inbox/ivan/result.json" })).toContainText("the file claims 8/8");
    await expect(problems.filter({ hasText: "handed in open-https-like-the-portal 2 times" })).toHaveCount(1);
    await expect(problems.filter({ hasText: "inbox/notes.txt" })).toContainText("not a .json file");

    // What the class gets wrong: shared mistakes with counts and anonymous examples.
    const subnet = page.locator('[data-report-exercise="protect-the-whole-subnet"]');
    await expect(subnet.getByRole("heading", { level: 3 })).toHaveText(
      "Attach the NSGs where they belong (protect-the-whole-subnet)",
    );
    await expect(subnet.getByRole("listitem").filter({ hasText: "with a NIC only" })).toContainText(
      "2 of 2 associated nsg-snet-web with a NIC only, not with the subnet snet-web",
    );
    const https = page.locator('[data-report-exercise="open-https-like-the-portal"]');
    await expect(https.getByRole("listitem").filter({ hasText: "left SSH" })).toContainText(
      "1 of 3 left SSH (TCP 22) on vm-web1 open to the internet",
    );
    const report = await page.locator("[data-gradebook-report]").innerText();
    for (const name of ["Ada", "Bob", "Carol", "Dan", "Erin", "Frank", "ivan"])
      expect(report).not.toContain(name);
    const text = await download(page, "Download the report");
    expect(text.text).toBe(`${classReportText(result.batch.reports)}\n`);

    await expectAxeClean(page, "gradebook, graded");
    await expectNoHorizontalScroll(page);
    errors.expectNone();
  } finally {
    rmSync(folder.root, { recursive: true, force: true });
  }
});

test("instructor on a phone at 360 px picks two submission files and reads the gradebook without sideways scrolling", async ({
  page,
}) => {
  const errors = watchErrors(page);
  const folder = writeInbox(inbox);
  try {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto("gradebook/");
    await page
      .getByLabel("Submission files")
      .setInputFiles([
        join(folder.inbox, "dan/protect-the-whole-subnet-submission.json"),
        join(folder.inbox, "ada/week-3-submission.json"),
      ]);
    await expect(status(page)).toHaveText("Re-graded 2 files: 5 rows for 2 learners, 3 exercises complete.", {
      timeout: 30_000,
    });
    // Loose files carry no folder: the names the learners typed name them.
    await expect(page.getByRole("table").getByRole("rowheader", { name: "Dan Wu" })).toHaveCount(1);
    await expect(page.getByText("None: every file was read and re-graded.")).toBeVisible();
    await expectNoHorizontalScroll(page);
    await expectAxeClean(page, "gradebook at 360 px");
    errors.expectNone();
  } finally {
    rmSync(folder.root, { recursive: true, force: true });
  }
});

test("instructor drags submission files onto the page and the batch is graded the same way", async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto("gradebook/");
  const files = {
    "carol.json": inbox["inbox/carol/open-https-like-the-portal-submission.json"]!,
    "erin.json": inbox["inbox/erin/protect-the-whole-subnet-submission.json"]!,
  };
  const drop = await page.evaluateHandle((texts) => {
    const data = new DataTransfer();
    for (const [name, text] of Object.entries(texts))
      data.items.add(new File([text], name, { type: "application/json" }));
    return data;
  }, files);
  // Let go over the page's heading, beside the drop zone: the whole page takes the drop.
  const target = page.getByRole("heading", { level: 1 });
  await target.dispatchEvent("dragover", { dataTransfer: drop });
  await expect(page.locator("[data-gradebook-drop]")).toHaveClass(/gradebook__drop--over/);
  await target.dispatchEvent("drop", { dataTransfer: drop });
  await expect(status(page)).toHaveText("Re-graded 2 files: 2 rows for 2 learners, 0 exercises complete.", {
    timeout: 30_000,
  });
  await expect(page.getByRole("table").getByRole("row", { name: /Carol Diaz/ })).toContainText("3/7");
  errors.expectNone();
});

test("instructor hands the page a zip of junk, a 50 MB video and an oversized file beside a good one: each is named with why, and the good one is graded", async ({
  page,
}) => {
  const errors = watchErrors(page);
  const folder = writeInbox({
    "inbox/ada/week-3-submission.json": inbox["inbox/ada/week-3-submission.json"]!,
  });
  try {
    writeFileSync(join(folder.inbox, "all-submissions.zip"), Buffer.from("PK\u0003\u0004 not really a zip"));
    writeFileSync(join(folder.inbox, "lecture.mp4"), "");
    truncateSync(join(folder.inbox, "lecture.mp4"), 50 * 1024 * 1024);
    writeFileSync(join(folder.inbox, "huge-submission.json"), "");
    truncateSync(join(folder.inbox, "huge-submission.json"), 6 * 1024 * 1024);
    await page.goto("gradebook/");
    await page.getByLabel("A folder of submissions").setInputFiles(folder.inbox);
    await expect(status(page)).toHaveText(
      "Re-graded 2 files: 5 rows for 2 learners, 3 exercises complete, 3 files to look at.",
      { timeout: 30_000 },
    );
    const problems = page.getByRole("list", { name: "Files to look at" }).getByRole("listitem");
    await expect(problems.filter({ hasText: "all-submissions.zip" })).toContainText(
      "an archive, which is not opened here: extract it and choose the folder",
    );
    await expect(problems.filter({ hasText: "lecture.mp4" })).toContainText("not a .json file");
    await expect(problems.filter({ hasText: "huge-submission.json" })).toContainText(
      "cannot read: is larger than 5 MB",
    );
    await expect(page.getByRole("table").getByRole("rowheader", { name: "Ada Lovelace" })).toHaveCount(4);
    errors.expectNone();
  } finally {
    rmSync(folder.root, { recursive: true, force: true });
  }
});

test("instructor of a large class pages through the table a hundred rows at a time, sorted across every page", async ({
  page,
}) => {
  const folder = writeInbox(bulkInbox(120));
  try {
    await page.goto("gradebook/");
    await page.getByLabel("A folder of submissions").setInputFiles(folder.inbox);
    await expect(status(page)).toContainText("Re-graded 120 files: 156 rows", { timeout: 30_000 });
    const rows = page.getByRole("table").locator("tbody tr");
    await expect(rows).toHaveCount(100);
    await expect(page.getByText("Showing rows 1–100 of 156.")).toBeVisible();
    await page.getByRole("button", { name: "Next 100" }).click();
    await expect(rows).toHaveCount(56);
    await expect(page.getByRole("button", { name: "Next 100" })).toBeDisabled();
    // Sorting sorts every row, and starts again from the first page.
    await page.getByRole("table").getByRole("button", { name: "File" }).click();
    await expect(page.getByText("Showing rows 1–100 of 156.")).toBeVisible();
    await expect(rows.first()).toContainText("inbox/learner-0000/");
  } finally {
    rmSync(folder.root, { recursive: true, force: true });
  }
});

test("instructor adds their expectations file: the files re-grade with its extra checks, and a broken file is named with its line", async ({
  page,
}) => {
  const errors = watchErrors(page);
  const folder = writeInbox(inbox);
  const expectationsPath = "tests/assignments/fixtures/week4-expectations.yaml";
  const extra = (readFileSync(expectationsPath, "utf8").match(/- name:/g) ?? []).length;
  try {
    await page.goto("gradebook/");
    await page
      .getByLabel("Submission files")
      .setInputFiles(join(folder.inbox, "frank/ftp-active-submission.json"));
    await expect(status(page)).toHaveText(/^Re-graded 1 file/, { timeout: 30_000 });
    const frank = page.getByRole("table").getByRole("row", { name: /Frank Li/ });
    await expect(frank).toContainText("/8");

    // Choosing the expectations file afterwards re-grades the same files: no need to pick them again.
    await page.getByLabel(/Your expectations file/).setInputFiles(expectationsPath);
    // Frank opened FTP to the whole internet: the file's extra checks join the eight.
    await expect(frank).toContainText(`/${8 + extra}`, { timeout: 30_000 });
    await expect(status(page)).toHaveText(/^Re-graded 1 file/);

    const broken = join(folder.root, "broken-expectations.yaml");
    writeFileSync(
      broken,
      "format: nsg-lab-expectations\nversion: 1\nexercises:\n  ftp-active:\n    - name: x\n",
    );
    await page.getByLabel(/Your expectations file/).setInputFiles(broken);
    await expect(page.getByRole("status").filter({ hasText: "expectations file" })).toContainText(
      /The re-grade stopped: the expectations file cannot be used: broken-expectations\.yaml:5:\d+/,
      { timeout: 30_000 },
    );

    // Files chosen after the expectations file are graded with it too.
    await page.getByLabel(/Your expectations file/).setInputFiles(expectationsPath);
    await page
      .getByLabel("Submission files")
      .setInputFiles(join(folder.inbox, "dan/protect-the-whole-subnet-submission.json"));
    await expect(status(page)).toHaveText(/^Re-graded 1 file/, { timeout: 30_000 });
    errors.expectNone();
  } finally {
    rmSync(folder.root, { recursive: true, force: true });
  }
});
