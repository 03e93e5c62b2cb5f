import { describe, expect, it } from "vitest";
import {
  annotationLines,
  ANNOTATIONS_PER_LEVEL,
  workflowCommand,
} from "../../src/lib/autograding/annotations.ts";
import { assignmentGrade, ungradedExercise } from "../../src/lib/autograding/exercise-grade.ts";
import { issue } from "../../src/lib/result.ts";
import { ftp, graded } from "./fixtures.ts";

const lines = (...grades: Parameters<typeof assignmentGrade>[0]) => annotationLines(assignmentGrade(grades));

describe("annotations on the rules files", () => {
  it("marks nothing for a complete exercise", () => {
    expect(lines(graded.passing())).toEqual([]);
  });

  it("marks a failing check on the learner's rule that decided it, and the difference it makes", () => {
    expect(lines(graded.failing())).toEqual([
      "::error file=rules/ftp-active.json,line=4,col=15,endLine=4,endColumn=41,title=ftp-active%3A check fails%3A FTP stays closed to the rest of the internet (198.51.100.20 is outside the studio's /28)::Expected deny, got allow for 198.51.100.20 → vm-ingest · TCP port 21. Decided by nsg-snet-ingest/Allow-FTP-Control-Studio (200). Allowed: nsg-snet-ingest allows it with rule Allow-FTP-Control-Studio (priority 200). Narrow that rule (its source, destination, ports or protocol) so this flow no longer matches, or add a Deny rule with a lower number.",
      "::error file=rules/ftp-active.json,line=4,col=15,endLine=4,endColumn=41,title=ftp-active%3A too open::Too open: your rules also let any address except 10.0.0.0/16, 168.63.129.16, 198.51.100.0/28 reach vm-ingest on TCP 21 (e.g. from 203.0.113.7). The reference solution denies this. Your rule Allow-FTP-Control-Studio (priority 200, nsg-snet-ingest) allows it: its source * includes 203.0.113.7 (the task needs 198.51.100.0/28).",
    ]);
  });

  it("marks each error of rules that could not be read where the reader located it", () => {
    expect(lines(graded.unparseable())).toEqual([
      '::error file=rules/ftp-active.json,line=1,col=24,endLine=1,endColumn=54,title=ftp-active%3A rules not read::direction is required ("Inbound", "Outbound")',
      '::error file=rules/ftp-active.json,line=1,col=24,endLine=1,endColumn=54,title=ftp-active%3A rules not read::access is required ("Allow", "Deny")',
      '::error file=rules/ftp-active.json,line=1,col=24,endLine=1,endColumn=54,title=ftp-active%3A rules not read::protocol is required ("Tcp", "Udp", "Icmp", "Esp", "Ah", "*")',
    ]);
  });

  it("marks the differences of an answer that passes every check: too open on the rule, too closed on the NSG's rules", () => {
    expect(lines(graded.differing())).toEqual([
      "::error file=rules/ftp-active.sh,line=2,col=10,endLine=2,endColumn=34,title=ftp-active%3A too open::Too open: your rules also let 198.51.100.5 reach vm-ingest on TCP 23–65535 (e.g. TCP 3389). The reference solution denies this. Your rule Allow-FTP-Control-Studio (priority 200, nsg-snet-ingest) allows it: its destination ports 21, 23-65535 include 3389 (the task needs 21).",
      "::error file=rules/ftp-active.sh,line=1,col=1,endLine=4,endColumn=75,title=ftp-active%3A too closed::Too closed: 198.51.100.0/28 except 198.51.100.5 can't reach vm-ingest on TCP 21 (e.g. from 198.51.100.7), which the task needs. In your network the default rule DenyAllInBound (priority 65500, nsg-snet-ingest) denies it: your rule Allow-FTP-Control-Studio would allow it, but its source 198.51.100.5 leaves out 198.51.100.7.",
    ]);
  });

  it("names a missing rules file without pointing at a file that does not exist", () => {
    expect(lines(graded.missing())).toEqual([
      '::error title=ftp-active%3A no rules file::No rules file for "Open active FTP to the video-ingest VM": add rules/ftp-active.sh.',
    ]);
  });

  it("escapes what would end a command or start another", () => {
    expect(
      workflowCommand({
        level: "error",
        file: "rules/a,b:c.sh",
        span: { line: 2, column: 3, endLine: 2, endColumn: 9 },
        title: "x: 100%, y",
        message: "50% done\n::add-mask::secret\r\u001b[31m",
      }),
    ).toBe(
      "::error file=rules/a%2Cb%3Ac.sh,line=2,col=3,endLine=2,endColumn=9,title=x%3A 100%25%2C y::50%25 done\\n::add-mask::secret\\r\\x1b[31m",
    );
  });

  it("prints at most ten of a level, then one notice counting the rest", () => {
    const many = Array.from({ length: 25 }, (_, i) =>
      ungradedExercise({ ...ftp, id: `ex-${i}` }, `rules/ex-${i}.sh`, 1, [
        issue("missing-rules-file", "none"),
      ]),
    );
    const printed = lines(...many);
    expect(printed.filter((l) => l.startsWith("::error "))).toHaveLength(ANNOTATIONS_PER_LEVEL);
    expect(printed.at(-1)).toBe(
      "::notice title=More problems::15 more problems are not marked on the files (GitHub shows ten of each kind per step): the job summary and this log list every one.",
    );
  });
});
