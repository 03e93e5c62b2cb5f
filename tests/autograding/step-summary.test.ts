import { describe, expect, it } from "vitest";
import { assignmentGrade, ungradedExercise } from "../../src/lib/autograding/exercise-grade.ts";
import { markdownText } from "../../src/lib/autograding/markdown.ts";
import { stepSummary, SUMMARY_BYTE_LIMIT } from "../../src/lib/autograding/step-summary.ts";
import { issue } from "../../src/lib/result.ts";
import { ftp, graded } from "./fixtures.ts";

const HEAD = `|  | exercise | rules file | checks | compared with the reference | points |
| --- | --- | --- | --- | --- | --- |`;

describe("the job summary", () => {
  it("is one table and a sentence when every exercise is complete", () => {
    expect(stepSummary(assignmentGrade([graded.passing()]))).toBe(`## NSG Lab: 10 of 10 points

${HEAD}
| ✅ | Open active FTP to the video\\-ingest VM | rules\\/ftp\\-active\\.json | 8 of 8 pass | no difference | 10 / 10 |

Every exercise is complete: each check passes and nothing differs from the reference solution.
`);
  });

  it("lists a failing check with its flow, expected and actual verdict and the path that decided it", () => {
    const text = stepSummary(assignmentGrade([graded.failing()]));
    expect(text).toContain(`${HEAD}
| ❌ | Open active FTP to the video\\-ingest VM | rules\\/ftp\\-active\\.json | 7 of 8 pass | 1 difference | 0 / 10 |`);
    expect(text).toContain(`### ❌ Open active FTP to the video\\-ingest VM (ftp\\-active)

rules\\/ftp\\-active\\.json: 7 of 8 checks pass; 1 difference from the reference solution.

| failing check | flow | expected | actual | path |
| --- | --- | --- | --- | --- |
| FTP stays closed to the rest of the internet \\(198\\.51\\.100\\.20 is outside the studio\\'s \\/28\\) | 198\\.51\\.100\\.20 → vm\\-ingest · TCP port 21 | deny | **allow** | nsg\\-snet\\-ingest \\(subnet NSG\\, inbound at vm\\-ingest\\)\\: Allow\\-FTP\\-Control\\-Studio \\(200\\) → Allow ⟶ no NIC NSG \\(inbound at vm\\-ingest\\)\\: \\(no NSG associated\\) → Allow |

Why:

- **FTP stays closed to the rest of the internet \\(198\\.51\\.100\\.20 is outside the studio\\'s \\/28\\)**: Allowed\\: nsg\\-snet\\-ingest allows it with rule Allow\\-FTP\\-Control\\-Studio \\(priority 200\\)\\. Narrow that rule \\(its source\\, destination\\, ports or protocol\\) so this flow no longer matches\\, or add a Deny rule with a lower number\\.
`);
  });

  it("lists the located errors of rules that could not be read", () => {
    expect(stepSummary(assignmentGrade([graded.unparseable()])))
      .toContain(`### ⚠️ Open active FTP to the video\\-ingest VM (ftp\\-active)

The rules in rules\\/ftp\\-active\\.json could not be read, so no check ran:

- rules\\/ftp\\-active\\.json\\:1\\:24: error: direction is required \\(\\"Inbound\\"\\, \\"Outbound\\"\\)
- rules\\/ftp\\-active\\.json\\:1\\:24: error: access is required \\(\\"Allow\\"\\, \\"Deny\\"\\)
- rules\\/ftp\\-active\\.json\\:1\\:24: error: protocol is required \\(\\"Tcp\\"\\, \\"Udp\\"\\, \\"Icmp\\"\\, \\"Esp\\"\\, \\"Ah\\"\\, \\"\\*\\"\\)
`);
  });

  it("shows an answer that passes every check but differs from the reference, too open first", () => {
    const text = stepSummary(assignmentGrade([graded.differing()]));
    expect(text).toContain(
      "| ❌ | Open active FTP to the video\\-ingest VM | rules\\/ftp\\-active\\.sh | 8 of 8 pass | 2 differences | 0 / 10 |",
    );
    expect(text)
      .toContain(`rules\\/ftp\\-active\\.sh: 8 of 8 checks pass; 2 differences from the reference solution.

Compared with the reference solution over every flow the NSGs you edit can affect:

- Too open\\: your rules also let 198\\.51\\.100\\.5 reach vm\\-ingest on TCP 23–65535 \\(e\\.g\\. TCP 3389\\)\\. The reference solution denies this\\. Your rule Allow\\-FTP\\-Control\\-Studio \\(priority 200\\, nsg\\-snet\\-ingest\\) allows it\\: its destination ports 21\\, 23\\-65535 include 3389 \\(the task needs 21\\)\\. Example: 198\\.51\\.100\\.5 → vm\\-ingest Tcp 3389; path: nsg\\-snet\\-ingest \\(subnet NSG\\, inbound at vm\\-ingest\\)\\: Allow\\-FTP\\-Control\\-Studio \\(200\\) → Allow ⟶ no NIC NSG \\(inbound at vm\\-ingest\\)\\: \\(no NSG associated\\) → Allow
- Too closed\\: 198\\.51\\.100\\.0\\/28 except 198\\.51\\.100\\.5 can\\'t reach vm\\-ingest on TCP 21`);
    expect(text).not.toContain("| failing check |");
  });

  it("says which rules file is missing", () => {
    const text = stepSummary(assignmentGrade([graded.passing(), graded.missing()]));
    expect(text).toMatch(/^## NSG Lab: 10 of 20 points\n/);
    expect(text).toContain(
      "| ➖ | Open active FTP to the video\\-ingest VM | rules\\/ftp\\-active\\.sh | no rules file | — | 0 / 10 |",
    );
    expect(text).toContain(
      '- rules\\/ftp\\-active\\.sh: error: No rules file for \\"Open active FTP to the video\\-ingest VM\\"\\: add rules\\/ftp\\-active\\.sh\\.',
    );
  });

  it("renders text from rules files literally: no HTML, no formatting, no broken table, no new lines", () => {
    expect(markdownText("<img src=x onerror=alert(1)> | **bold** [link](http://x) `code`\n# heading")).toBe(
      "\\<img src\\=x onerror\\=alert\\(1\\)\\> \\| \\*\\*bold\\*\\* \\[link\\]\\(http\\:\\/\\/x\\) \\`code\\`\\\\n\\# heading",
    );
    const forged = ungradedExercise(ftp, "rules/ftp-active.sh", 10, [
      issue("unreadable-file", "| ✅ | forged row | 10 / 10 |\n## NSG Lab: 99 of 10 points"),
    ]);
    const text = stepSummary(assignmentGrade([forged]));
    expect(text.split("\n").filter((l) => l.startsWith("## "))).toEqual(["## NSG Lab: 0 of 10 points"]);
    expect(text).not.toMatch(/^\| ✅/m);
  });

  it("stays within GitHub's size limit, saying what it left out", () => {
    const huge = (n: number) =>
      ungradedExercise({ ...ftp, id: `huge-${n}` }, `rules/huge-${n}.sh`, 10, [
        issue("unreadable-file", "x".repeat(400_000)),
      ]);
    const text = stepSummary(assignmentGrade([huge(1), huge(2), huge(3)]));
    expect(new TextEncoder().encode(text).length).toBeLessThanOrEqual(SUMMARY_BYTE_LIMIT + 200);
    expect(text).toContain("(huge\\-2)");
    expect(text).not.toContain("(huge\\-3)");
    expect(text).toMatch(/1 more exercise not shown; the log of this step has every detail\._\n$/);
  });
});
