/**
 * The grader validates a document's rules once, in applyRules, with their places in the text;
 * `rulesValidatedBy` names those rule lists so the evaluator does not check them again, only
 * when applyRules checked them against the names the evaluator would.
 */
import { describe, expect, it } from "vitest";
import { parseDataRules } from "../../src/lib/formats/parse-data-rules.ts";
import { applyRules, rulesValidatedBy } from "../../src/lib/grader/apply-rules.ts";
import { exerciseFile, ftpRule, json } from "./fixtures.ts";

const ftp = exerciseFile("ftp-active.yaml");

function applied(text: string) {
  const doc = parseDataRules(text, "json", { editable: ftp.editable });
  if (!doc.ok) throw new Error(doc.errors[0]!.message);
  const topology = applyRules(ftp, doc.value);
  if (!topology.ok) throw new Error(topology.errors[0]!.message);
  return { doc: doc.value, topology: topology.value };
}

describe("rulesValidatedBy", () => {
  it("names the rule lists of the NSGs the document writes, and no other", () => {
    const { doc, topology } = applied(json([ftpRule()]));
    const written = topology.nsgs.find((n) => n.name === "nsg-snet-ingest")!;
    expect([...rulesValidatedBy(doc, topology)]).toEqual([written.securityRules]);
  });

  it("names none when the document creates ASGs, which it checked its rules against too", () => {
    const { doc, topology } = applied(json([ftpRule()]));
    const span = { line: 1, column: 1, endLine: 1, endColumn: 1 };
    const withAsg = { ...doc, network: [{ kind: "asg" as const, name: "ASG-NEW", span }] };
    expect(rulesValidatedBy(withAsg, topology).size).toBe(0);
  });
});
