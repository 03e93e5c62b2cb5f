import { describe, expect, it } from "vitest";
import { runGrade } from "../../src/cli/grade-command.ts";
import type { GradebookRow } from "../../src/lib/grader/gradebook.ts";
import {
  buildSubmission,
  logWork,
  rulesWork,
  submissionText,
} from "../../src/lib/exercise-ui/submission-file.ts";
import { gradeLogReading } from "../../src/lib/grader/log-reading.ts";
import { exerciseFile, ftpRule, json } from "../grader/fixtures.ts";
import { memoryIo } from "./memory-io.ts";

/** A submission file as the site wrote them before names existed (version 1): they still re-grade. */
const submit = (rules: string, claimed: [number, number], extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    format: "nsg-lab-submission",
    version: 1,
    exercise: "ftp-active",
    rulesFormat: "json",
    rules,
    result: { passed: claimed[0], failed: claimed[1] },
    savedAt: "2026-11-20T10:00:00.000Z",
    ...extra,
  });

const submitAs = (rulesFormat: "powershell", rules: string, claimed: [number, number]) =>
  submissionText(
    buildSubmission({
      work: [
        rulesWork({
          exercise: "ftp-active",
          rulesFormat,
          rules,
          result: { passed: claimed[0], failed: claimed[1] },
        }),
      ],
    }),
  );

/** An in-memory class folder: inbox/<learner>/ftp-active-submission.json, plus the real graders/. */
const classroom = memoryIo;

describe("instructor re-grades a folder of old (version 1) submissions", () => {
  const files = {
    "inbox/alice/ftp-active-submission.json": submit(json([ftpRule()]), [8, 0]),
    "inbox/bob/ftp-active-submission.json": submit(json([ftpRule({ sourceAddressPrefix: "*" })]), [3, 5]),
    "inbox/carol/ftp-active-submission.json": '{ "format": "nsg-lab-submission", ',
    "inbox/dave/ftp-active-submission.json": submit(
      json([ftpRule({ protocol: "*", sourceAddressPrefix: "*" })]),
      [8, 0],
    ),
    "inbox/erin/ftp-active-submission.json": submit("[]", [1, 0], { exercise: "no-such-exercise" }),
    "inbox/frank/ftp-active-submission.json": submit(
      '{ "nsg-snet-ingest": [ { "name": "x", "priority": 1 } ] }',
      [0, 8],
      { learner: "Frank Li" },
    ),
  };

  it("writes a gradebook with every learner, never trusting claimed scores, and goes on past bad files", () => {
    const c = classroom(files);
    expect(runGrade(["--submissions", "inbox", "--csv", "gradebook.csv"], c.io)).toBe(0);
    const csv = c.written["gradebook.csv"]!;
    const rows = csv.trim().split("\n");
    expect(rows[0]).toBe(
      "learner,learnerFrom,assignment,exercise,status,passed,total,differences,complete,claimed,file,detail,late",
    );
    const byLearner = Object.fromEntries(rows.slice(1).map((r) => [r.split(",")[0]!, r] as const));
    expect(byLearner.alice).toMatch(/^alice,folder,,ftp-active,graded,8,8,0,true,8\/8,/);
    expect(byLearner.bob).toMatch(
      /^bob,folder,,ftp-active,graded,7,8,1,false,3\/8,.*FAIL FTP stays closed to the rest of the internet.*Too open: your rules also let any address except 10\.0\.0\.0\/16, 168\.63\.129\.16, 198\.51\.100\.0\/28 reach vm-ingest on TCP 21/,
    );
    expect(byLearner.carol).toMatch(/^carol,folder,,,submission-invalid,0,0,0,false,,.*not valid JSON/);
    expect(byLearner.dave).toMatch(/^dave,folder,,ftp-active,graded,6,8,\d+,false,8\/8,/); // forged claim ignored
    expect(byLearner.erin).toMatch(/^erin,folder,,no-such-exercise,submission-invalid,.*unknown exercise/);
    expect(byLearner["Frank Li"]).toMatch(
      /^Frank Li,file,,ftp-active,rules-invalid,0,8,0,false,0\/8,.*line 1:\d+: direction is required \(""Inbound"", ""Outbound""\) \(\+\d+ more\)/,
    );
    expect(c.out.join("\n")).toMatch(/dave\tftp-active\t6\/8 \+\d+ differences {2}\(file claimed 8\/8\)/);
    expect(c.out.at(-1)).toBe("6 submissions re-graded, 2 invalid; gradebook written to gradebook.csv");
  });

  it("accepts individual files and prints JSON rows", () => {
    const c = classroom(files);
    expect(
      runGrade(
        [
          "--submissions",
          "inbox/alice/ftp-active-submission.json",
          "inbox/bob/ftp-active-submission.json",
          "--json",
        ],
        c.io,
      ),
    ).toBe(0);
    const rows = JSON.parse(c.out.join("")) as GradebookRow[];
    expect(rows.map((r) => [r.learner, r.passed])).toEqual([
      ["alice", 8],
      ["bob", 7],
    ]);
  });

  it("re-grades submissions written in PowerShell like any other, with the script's errors located", () => {
    const script = `Get-AzNetworkSecurityGroup -Name nsg-snet-ingest -ResourceGroupName rg |
  Add-AzNetworkSecurityRuleConfig -Name Allow-FTP-Control-Studio -Priority 200 -Direction Inbound \`
    -Access Allow -Protocol Tcp -SourceAddressPrefix 198.51.100.0/28 -SourcePortRange * \`
    -DestinationAddressPrefix 10.0.3.4 -DestinationPortRange 21 |
  Set-AzNetworkSecurityGroup
`;
    const ps = (rules: string) => submitAs("powershell", rules, [8, 0]);
    const c = classroom({
      "inbox/grace/ftp-active-submission.json": ps(script),
      "inbox/heidi/ftp-active-submission.json": ps(script.replace("-Priority 200", "-Priorty 200")),
    });
    expect(runGrade(["--submissions", "inbox", "--csv", "g.csv"], c.io)).toBe(0);
    const rows = c.written["g.csv"]!.trim().split("\n").slice(1);
    // learner, learnerFrom, assignment, exercise, status, passed, total, differences, complete, claimed
    expect(rows[0]).toMatch(/^grace,folder,,ftp-active,graded,8,8,0,true,8\/8,/);
    expect(rows[1]).toMatch(
      /^heidi,folder,,ftp-active,rules-invalid,0,8,0,false,8\/8,.*line 2:\d+: .*-Priorty/,
    );
  });

  it("keeps spreadsheet formulas in learner text inert", () => {
    const c = classroom({
      "inbox/x.json": submit(json([ftpRule()]), [8, 0], { learner: '=HYPERLINK("http://evil")' }),
    });
    runGrade(["--submissions", "inbox", "--csv", "g.csv"], c.io);
    expect(c.written["g.csv"]!.split("\n")[1]).toMatch(/^"'=HYPERLINK\(""http:\/\/evil""\)",/);
  });

  it("exits 2 when there is nothing to grade", () => {
    const c = classroom({});
    expect(runGrade(["--submissions", "empty-folder"], c.io)).toBe(2);
  });
});

describe("instructor asks what the class gets wrong (--report)", () => {
  const files = {
    "inbox/alice/ftp-active-submission.json": submit(json([ftpRule()]), [8, 0]),
    "inbox/bob/ftp-active-submission.json": submit(
      json([ftpRule({ sourceAddressPrefix: "Internet" })]),
      [3, 5],
    ),
    "inbox/dave/ftp-active-submission.json": submit(
      json([ftpRule({ sourceAddressPrefix: "Internet" })]),
      [8, 0],
    ),
  };

  it("groups the re-graded submissions by shared mistake, after the same table", () => {
    const withReport = classroom(files);
    expect(runGrade(["--submissions", "inbox", "--report"], withReport.io)).toBe(0);
    const plain = classroom(files);
    runGrade(["--submissions", "inbox"], plain.io);
    const text = withReport.out.join("\n");
    // The same numbers both ways: the table is unchanged, the report comes after it.
    expect(text.startsWith(plain.out.join("\n"))).toBe(true);
    expect(text).toMatch(/What the class gets wrong/);
    expect(text).toMatch(/^Open active FTP to the video-ingest VM \(ftp-active\): 1 of 3 complete$/m);
    expect(text).toMatch(/^ {2}2 of 3 fail “FTP stays closed to the rest of the internet/m);
    expect(text).toMatch(/^ {2}2 of 3 left FTP \(TCP 21\) on vm-ingest open to the internet/m);
    // Anonymous: the examples name no learner.
    const report = text.slice(text.indexOf("What the class gets wrong"));
    for (const name of ["alice", "bob", "dave"]) expect(report).not.toContain(name);
  });
});

describe("instructor re-grades read-logs answers", () => {
  const logs = exerciseFile("read-the-web-flow-log.yaml");
  const truth = gradeLogReading(logs, []);
  const right = truth.results.map((r) => ({
    verdict: r.actual,
    rule: r.deciders[0]!,
    ...(r.whyNot ? { whyNot: r.whyNot.reasons } : {}),
  }));
  const handIn = (answers: (typeof right)[number][], claimed: [number, number]) =>
    submissionText(
      buildSubmission({
        learner: "Grace Hopper",
        work: [logWork({ exercise: logs.id, answers, result: { passed: claimed[0], failed: claimed[1] } })],
      }),
    );

  it("re-grades each file's answers with the evaluator, whatever the file claims", () => {
    const wrong = right.map((a, i) =>
      i === 1 ? { ...a, verdict: a.verdict === "allow" ? "deny" : "allow" } : a,
    );
    const c = classroom({
      "inbox/grace.json": handIn(right, [0, 5]),
      "inbox/forged.json": handIn(wrong as typeof right, [5, 0]),
    });
    expect(runGrade(["--submissions", "inbox", "--json"], c.io)).toBe(0);
    const rows = JSON.parse(c.out.join("")) as GradebookRow[];
    const total = logs.expectations.length;
    expect(rows.map((r) => [r.file, r.status, r.passed, r.total, r.complete])).toEqual([
      ["inbox/forged.json", "graded", total - 1, total, false],
      ["inbox/grace.json", "graded", total, total, true],
    ]);
  });

  it("grades one read-logs file with --rules and prints each wrong part", () => {
    const wrong = right.map((a, i) => (i === 0 ? { ...a, rule: "nsg-snet-web/Allow-SSH-Office" } : a));
    const c = classroom({ "grace.json": handIn(wrong, [5, 0]) });
    expect(runGrade(["graders/read-the-web-flow-log.yaml", "--rules", "grace.json"], c.io)).toBe(1);
    const text = c.out.join("\n");
    expect(text).toMatch(/FAIL {2}A visitor at 203\.0\.113\.50 opens the website/);
    expect(text).toMatch(/rule: wrong/);
    expect(text).toMatch(new RegExp(`${logs.expectations.length - 1} passed, 1 failed$`));
  });
});
