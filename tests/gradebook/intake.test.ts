/** What the gradebook page reads of what an instructor drops, and the order it grades it in. */
import { describe, expect, it } from "vitest";
import {
  MAX_BATCH_BYTES,
  MAX_BATCH_FILES,
  MAX_SUBMISSION_BYTES,
  intake,
} from "../../src/lib/gradebook/intake.ts";
import { compareHandInPaths, sortRows } from "../../src/lib/gradebook/row-order.ts";
import { folderOfRelativePath } from "../../src/lib/gradebook/regrade.ts";
import type { GradebookRow } from "../../src/lib/grader/gradebook.ts";

describe("intake", () => {
  it("reads .json files and says why every other file is left out", () => {
    const { read, skipped } = intake([
      { path: "inbox/a.json", size: 10 },
      { path: "inbox/all-submissions.zip", size: 10 },
      { path: "inbox/lecture.mp4", size: 40 * 1024 * 1024 },
      { path: "inbox/B.JSON", size: 10 },
    ]);
    expect(read).toEqual([{ index: 0 }, { index: 3 }]);
    expect(skipped).toEqual([
      {
        path: "inbox/all-submissions.zip",
        reason: "an archive, which is not opened here: extract it and choose the folder",
      },
      {
        path: "inbox/lecture.mp4",
        reason: "not a .json file (submission files and result.json files are .json)",
      },
    ]);
  });

  it("grades a .json file over 5 MB as the CLI does: a row saying it was not read", () => {
    const { read } = intake([{ path: "huge.json", size: MAX_SUBMISSION_BYTES + 1 }]);
    expect(read).toEqual([{ index: 0, unreadable: "is larger than 5 MB" }]);
  });

  it("stops reading at the batch's count and total, and lists the rest", () => {
    const many = Array.from({ length: MAX_BATCH_FILES + 2 }, (_, i) => ({ path: `f${i}.json`, size: 1 }));
    const counted = intake(many);
    expect(counted.read).toHaveLength(MAX_BATCH_FILES);
    expect(counted.skipped).toHaveLength(2);
    expect(counted.skipped[0]!.reason).toMatch(/at most 5,000 files/);
    const big = Array.from({ length: 30 }, (_, i) => ({ path: `f${i}.json`, size: 4 * 1024 * 1024 }));
    const sized = intake(big);
    expect(sized.read.length).toBe(Math.floor(MAX_BATCH_BYTES / (4 * 1024 * 1024)));
    expect(sized.skipped[0]!.reason).toMatch(/at most 100 MB/);
  });
});

describe("the order of files and rows", () => {
  it("walks folders as the CLI does: each folder's entries sorted, depth first", () => {
    const paths = ["inbox/x.json", "inbox/alice-b/x.json", "inbox/alice/y.json", "inbox/alice/x.json"];
    expect([...paths].sort(compareHandInPaths)).toEqual([
      "inbox/alice/x.json",
      "inbox/alice/y.json",
      "inbox/alice-b/x.json",
      "inbox/x.json",
    ]);
  });

  it("names the learner by the folder a file sits in below the chosen one", () => {
    expect(folderOfRelativePath("inbox/alice/x.json")).toBe("alice");
    expect(folderOfRelativePath("inbox/week3/bob/x.json")).toBe("bob");
    expect(folderOfRelativePath("inbox/x.json")).toBeUndefined();
    expect(folderOfRelativePath("x.json")).toBeUndefined();
  });

  const row = (learner: string, exercise: string, passed: number, total: number): GradebookRow => ({
    learner,
    learnerFrom: "file",
    assignment: "",
    file: `${learner}.json`,
    exercise,
    status: total > 0 ? "graded" : "submission-invalid",
    passed,
    total,
    differences: 0,
    complete: passed === total && total > 0,
    claimed: "",
    detail: "",
  });

  it("sorts by any column, ties by learner then exercise", () => {
    const rows = [
      row("bob", "b", 1, 2),
      row("Ada", "b", 2, 2),
      row("ada", "a", 0, 0),
      row("carl", "a", 2, 4),
    ];
    expect(sortRows(rows, "learner", "ascending").map((r) => `${r.learner}/${r.exercise}`)).toEqual([
      "ada/a",
      "Ada/b",
      "bob/b",
      "carl/a",
    ]);
    expect(sortRows(rows, "score", "descending").map((r) => r.learner)).toEqual([
      "Ada",
      "carl",
      "bob",
      "ada",
    ]);
    expect(sortRows(rows, "exercise", "descending").map((r) => r.exercise)).toEqual(["b", "b", "a", "a"]);
    expect(rows[0]!.learner).toBe("bob"); // a new array
  });
});
