import { describe, expect, it } from "vitest";
import { runGrade } from "../../src/cli/grade-command.ts";
import type { GradebookRow } from "../../src/lib/grader/gradebook.ts";
import type { ResultFile } from "../../src/lib/autograding/result-file.ts";
import { buildSubmission, rulesWork, submissionText } from "../../src/lib/exercise-ui/submission-file.ts";
import { exerciseFile } from "../grader/fixtures.ts";
import { memoryIo } from "./memory-io.ts";

const EXTRA = "tests/assignments/fixtures/week4-expectations.yaml";
const solution = exerciseFile("ftp-active.yaml").solution!;
// Passes every check of the exercise but not the instructor's: the studio's range is cut in half.
const narrow = solution.replace("198.51.100.0/28", "198.51.100.0/29");

const io = memoryIo;

describe("npm run grade -- … --expectations (assessment mode)", () => {
  it("grades one rules file with the instructor's checks too", () => {
    const plain = io({ "narrow.sh": narrow });
    const withExtra = io({ "narrow.sh": narrow });
    const args = ["graders/ftp-active.yaml", "--rules", "narrow.sh", "--json"];
    const before = runGrade(args, plain.io);
    const after = runGrade([...args, "--expectations", EXTRA], withExtra.io);
    const results = (o: string[]) =>
      (JSON.parse(o.join("\n")) as { results: { name: string; pass: boolean }[] }).results;
    expect(results(withExtra.out).length).toBe(results(plain.out).length + 2);
    expect(
      results(withExtra.out)
        .filter((r) => !r.pass)
        .map((r) => r.name),
    ).toContain("The last address of the studio's range reaches FTP");
    expect(after).toBe(1);
    expect(before).not.toBe(2);
  });

  it("re-grades a folder of submissions with them", () => {
    const hand = (rules: string) =>
      submissionText(
        buildSubmission({ work: [rulesWork({ exercise: "ftp-active", rulesFormat: "azcli", rules })] }),
      );
    const t = io({ "inbox/ada.json": hand(solution), "inbox/bo.json": hand(narrow) });
    expect(runGrade(["--submissions", "inbox", "--json", "--expectations", EXTRA], t.io)).toBe(0);
    const rows = JSON.parse(t.out.join("\n")) as GradebookRow[];
    const total = exerciseFile("ftp-active.yaml").expectations.length + 2;
    expect(rows.map((r) => [r.learner, r.passed, r.total])).toEqual([
      ["ada", total, total],
      ["bo", total - 1, total],
    ]);
  });

  it("grades an assignment repository with them, into result.json", () => {
    const t = io({ "rules/ftp-active.sh": narrow });
    const code = runGrade(
      ["--rules-dir", "rules", "--expect", "ftp-active", "--result", "result.json", "--expectations", EXTRA],
      t.io,
    );
    expect(code).toBe(1);
    const result = JSON.parse(t.written["result.json"]!) as ResultFile;
    expect(result.exercises[0]!.checks.map((c) => c.name)).toContain(
      "The address just past the studio's range does not",
    );
    expect(result.score).toBe(0);
  });

  it("refuses a file that cannot be used, at its line", () => {
    const t = io({
      "bad.yaml": "format: nsg-lab-expectations\nversion: 1\nexercises:\n  ftp-active:\n    - name: x\n",
    });
    expect(runGrade(["graders/ftp-active.yaml", "--expectations", "bad.yaml"], t.io)).toBe(2);
    expect(t.err.join("\n")).toMatch(/^bad\.yaml:5:\d+: error: /m);
    const missing = io({});
    expect(runGrade(["--submissions", "inbox", "--expectations", "nowhere.yaml"], missing.io)).toBe(2);
    expect(missing.err.join("\n")).toMatch(/--expectations nowhere\.yaml: cannot read file/);
    const wrong = io({
      "inbox/a.json": "{}",
      "x.yaml":
        "format: nsg-lab-expectations\nversion: 1\nexercises:\n  retired:\n    - { name: a, flow: { from: 10.0.0.1, to: 10.0.0.2, protocol: Tcp, port: 1 }, expect: deny }\n",
    });
    expect(runGrade(["--submissions", "inbox", "--expectations", "x.yaml"], wrong.io)).toBe(2);
    expect(wrong.err.join("\n")).toMatch(/x\.yaml:5:\d+: error: no exercise "retired"/);
  });
});
