import { describe, expect, it } from "vitest";
import {
  clampSpan,
  issueMarkers,
  lintMarkers,
  locateRule,
  toMarker,
} from "../../src/lib/exercise-ui/issue-markers.ts";
import { gradeSubmission, parseLearnerRules } from "../../src/lib/grader/index.ts";
import { exercise } from "./support.ts";

const text = "line one\nsecond\n";

describe("issue markers", () => {
  it("keeps valid spans as Monaco ranges", () => {
    expect(toMarker("m", { line: 2, column: 1, endLine: 2, endColumn: 7 }, text, "error")).toEqual({
      startLineNumber: 2,
      startColumn: 1,
      endLineNumber: 2,
      endColumn: 7,
      message: "m",
      severity: "error",
      where: "2:1",
      located: true,
    });
  });

  it("clamps spans past the end of a line or of the text", () => {
    expect(clampSpan({ line: 9, column: 40, endLine: 12, endColumn: 3 }, text)).toEqual({
      line: 3,
      column: 1,
      endLine: 3,
      endColumn: 1,
    });
    expect(clampSpan({ line: 1, column: 50, endLine: 1, endColumn: 60 }, text)).toEqual({
      line: 1,
      column: 9,
      endLine: 1,
      endColumn: 9,
    });
  });

  it("widens an empty span to one character so it can be seen", () => {
    expect(clampSpan({ line: 1, column: 3, endLine: 1, endColumn: 3 }, text)).toEqual({
      line: 1,
      column: 3,
      endLine: 1,
      endColumn: 4,
    });
  });

  it("puts an issue without a place on line 1, marked as not located", () => {
    const marker = toMarker("m", undefined, text, "warning");
    expect(marker).toMatchObject({ startLineNumber: 1, startColumn: 1, located: false, where: "1:1" });
    expect(toMarker("m", undefined, "", "error")).toMatchObject({
      startLineNumber: 1,
      startColumn: 1,
      endColumn: 1,
    });
  });

  it("maps the grader's located JSON errors", () => {
    const ftp = exercise("ftp-active");
    const source = '{\n  "nsg-snet-ingest": [ { "name": } ]\n}';
    const report = gradeSubmission(ftp, source, "json");
    const [first] = issueMarkers(report.errors, source);
    expect(first).toMatchObject({ startLineNumber: 2, severity: "error" });
    expect(first!.message).toMatch(/Invalid JSON/);
  });

  it("puts a lint on the rule it is about, through the parsed document or the rule's name", () => {
    const ftp = exercise("ftp-active");
    const source = [
      "az network nsg rule create -g rg --nsg-name nsg-snet-ingest --name wide-open --priority 100 \\",
      "  --direction Inbound --access Allow --protocol '*' --source-address-prefixes '*' --destination-port-ranges '*'",
      "az network nsg rule create -g rg --nsg-name nsg-snet-ingest --name never-used --priority 200 \\",
      "  --direction Inbound --access Deny --protocol Tcp --source-address-prefixes '*' --destination-port-ranges 22",
    ].join("\n");
    const report = gradeSubmission(ftp, source, "azcli");
    expect(report.lints.length).toBeGreaterThan(0);
    const doc = parseLearnerRules(source, ftp, "azcli");
    const markers = lintMarkers(report.lints, source, doc.ok ? doc.value : undefined);
    const shadowed = markers.find((m) => m.message.startsWith("never-used"));
    expect(shadowed).toMatchObject({ startLineNumber: 3, severity: "warning", located: true });
    expect(locateRule("nsg-snet-ingest", "never-used", source)).toMatchObject({ line: 3 });
    expect(locateRule("nsg-snet-ingest", "wide", source)).toBeUndefined();
  });
});
