import { describe, expect, it } from "vitest";
import { isEditorFormat } from "../../src/lib/exercise-ui/editor-format.ts";
import { solutionRules, starterRules, withoutAnswers } from "../../src/lib/exercise-ui/island-data.ts";
import { gradeLogReading, gradePredictions } from "../../src/lib/grader/index.ts";
import { exercise } from "./support.ts";

describe("what an exercise embeds for its island", () => {
  it("leaves a predict exercise's answers out of the page, and grading still works", () => {
    const predict = exercise("which-default-rule");
    const embedded = withoutAnswers(predict);
    expect(embedded.expectations.every((e) => e.expect === "allow" && e.decidedBy === undefined)).toBe(true);
    const truth = predict.expectations.map((e) => e.expect);
    expect(gradePredictions(embedded, truth).failed).toBe(0);
    expect(
      gradePredictions(
        embedded,
        truth.map((t) => (t === "allow" ? "deny" : "allow")),
      ).passed,
    ).toBe(0);
  });

  it("leaves a read-logs exercise's answers out of the page, and grading still works", () => {
    const logs = exercise("read-a-vm-to-vm-flow-log");
    const embedded = withoutAnswers(logs);
    expect(embedded.expectations.every((e) => e.expect === "allow" && e.decidedBy === undefined)).toBe(true);
    // The question it asks stays: which rule the learner explains.
    expect(embedded.expectations.map((e) => e.whyNot)).toEqual(logs.expectations.map((e) => e.whyNot));
    expect(gradeLogReading(embedded, []).results.map((r) => r.actual)).toEqual(
      logs.expectations.map((e) => e.expect),
    );
  });

  it("keeps author-rules exercises whole", () => {
    const ftp = exercise("ftp-active");
    expect(withoutAnswers(ftp)).toBe(ftp);
  });

  it("opens the starter and the solution in their own format", () => {
    const ftp = exercise("ftp-active");
    expect(starterRules(ftp)).toEqual({ text: ftp.starter, format: "azcli" });
    expect(solutionRules(ftp)?.format).toBe("azcli");
    // A starter of `#` comments only (the scenario as written) is a script not written yet.
    expect(ftp.starter?.split("\n").every((l) => l === "" || l.startsWith("#"))).toBe(true);
    expect(starterRules({ ...ftp, starter: "// only a note\n" }).format).toBe("json");
    const noStarter = { ...ftp, starter: undefined, solution: undefined };
    expect(starterRules(noStarter)).toEqual({ text: '{\n  "nsg-snet-ingest": []\n}\n', format: "json" });
    expect(solutionRules(noStarter)).toBeUndefined();
    // An author may write the starter or solution in Azure PowerShell.
    const ps =
      "Get-AzNetworkSecurityGroup -Name nsg-snet-ingest -ResourceGroupName rg | Set-AzNetworkSecurityGroup\n";
    expect(starterRules({ ...ftp, starter: ps })).toEqual({ text: ps, format: "powershell" });
    expect(solutionRules({ ...ftp, solution: ps })?.format).toBe("powershell");
  });

  it("knows the editor's formats", () => {
    expect(isEditorFormat("azcli")).toBe(true);
    expect(isEditorFormat("powershell")).toBe(true);
    expect(isEditorFormat("yaml")).toBe(false);
    expect(isEditorFormat(undefined)).toBe(false);
  });
});
