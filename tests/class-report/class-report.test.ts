/**
 * What the class gets wrong: seven re-graded submissions of ftp-active, with the mistakes learners
 * really make on it (opening FTP to the whole internet, opening port 20 as the setup guide says).
 */
import { describe, expect, it } from "vitest";
import { classReport, classReportText } from "../../src/lib/class-report/class-report.ts";
import { gradeSubmission } from "../../src/lib/grader/index.ts";
import { exerciseFile } from "../grader/fixtures.ts";

const ftp = exerciseFile("ftp-active.yaml");
const solution = ftp.solution!;
const toWholeInternet = solution.replace("198.51.100.0/28", "Internet");
const withPort20 = solution.replace("--destination-port-ranges 21", "--destination-port-ranges 20-21");
const broken = "az network nsg rule create --nsg-name nsg-snet-ingest --name x --priority 99999";

const submissions = [solution, toWholeInternet, solution, withPort20, toWholeInternet, broken, solution];
const report = classReport(
  ftp,
  submissions.map((rules) => ({ report: gradeSubmission(ftp, rules, "azcli") })),
);

describe("the class report", () => {
  it("counts submissions and complete ones", () => {
    expect(report).toMatchObject({ exercise: "ftp-active", submissions: 7, complete: 3 });
  });

  it("groups submissions by the check they fail, most common first", () => {
    const failed = report.groups.filter((g) => g.kind === "failed-check");
    expect(failed[0]).toMatchObject({
      what: "fail “FTP stays closed to the rest of the internet (198.51.100.20 is outside the studio's /28)”",
      count: 2,
    });
    expect(failed.find((g) => g.what.includes("port 20"))).toMatchObject({ count: 1 });
    expect(report.groups.map((g) => g.count)).toEqual(
      [...report.groups.map((g) => g.count)].sort((a, b) => b - a),
    );
  });

  it("groups the same difference from the reference together, worded by service and where the addresses are", () => {
    const open = report.groups.filter((g) => g.kind === "too-open");
    expect(open.find((g) => g.count === 2)?.what).toBe(
      "left FTP (TCP 21) on vm-ingest open to the internet, which the reference solution denies",
    );
  });

  it("keeps rules that do not parse as a group of their own, with the reader's reason", () => {
    const invalid = report.groups.find((g) => g.kind === "invalid-rules");
    expect(invalid?.count).toBe(1);
    expect(invalid?.example).toContain("--resource-group");
  });

  it("gives one example per group without naming a learner", () => {
    for (const g of report.groups) expect(g.example.length).toBeGreaterThan(10);
    const text = classReportText([report]);
    expect(text).toMatch(/^Open active FTP to the video-ingest VM \(ftp-active\): 3 of 7 complete$/m);
    expect(text).toMatch(/^ {2}2 of 7 fail “FTP stays closed/m);
    expect(text).toMatch(/^ {6}e\.g\. /m);
  });

  it("says so when nobody made a mistake", () => {
    const clean = classReport(ftp, [{ report: gradeSubmission(ftp, solution, "azcli") }]);
    expect(classReportText([clean])).toContain("no mistakes in common");
  });
});
