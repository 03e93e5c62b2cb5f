import { describe, expect, it } from "vitest";
import { bridgeComparison, bridgeFacts, bridgeScript } from "../../src/lib/azure-verify/azure-bridge.ts";
import { exerciseChecks, exerciseVerification } from "../../src/lib/azure-verify/verify-exercise.ts";
import { exerciseFile } from "../grader/fixtures.ts";
import { recordedAnswers } from "./recorded-answers.ts";

const ftp = exerciseFile("ftp-active.yaml");
const checks = exerciseChecks(ftp);
const verification = (() => {
  const v = exerciseVerification(ftp, ftp.solution!);
  if (!v.ok) throw new Error("no plan");
  return v.value;
})();

describe("the exercise page's bridge to Azure", () => {
  it("names the downloads after the exercise, one per shell", () => {
    const az = bridgeScript(verification, "az");
    const ps = bridgeScript(verification, "powershell");
    expect([az.fileName, ps.fileName]).toEqual([
      "nsg-lab-verify-ftp-active.sh",
      "nsg-lab-verify-ftp-active.ps1",
    ]);
    expect(az.text).toContain("az network watcher test-ip-flow");
    expect(ps.text).toContain("Test-AzNetworkWatcherIPFlow");
  });

  it("says what the script builds and runs, and which checks IP flow verify cannot test", () => {
    const facts = bridgeFacts(verification);
    expect(facts.summary).toBe(
      `The script builds 1 VM (Standard_B1ls, the cheapest size) with this network and your rules in a new resource group, runs ${verification.plan.tests.length} IP flow verify tests, saves Azure's answers to nsg-lab-azure-results.jsonl and deletes the resource group.`,
    );
    expect(facts.untestable).toEqual(verification.plan.untestable.map((u) => `${u.check}: ${u.reason}`));
  });

  it("reports agreement on every test when Azure answered as the simulator", () => {
    const compared = bridgeComparison(verification, checks, recordedAnswers(verification));
    expect(compared.ok).toBe(true);
    if (!compared.ok) return;
    const n = verification.plan.tests.length;
    expect(compared.value.summary).toBe(`${n} of ${n} tests agree with NSG Lab.`);
    expect(compared.value.rows.every((r) => r.outcome === "agree" && r.path === undefined)).toBe(true);
  });

  it("reports a disagreement as a possible fidelity bug, with the simulator's path, and a missing answer", () => {
    const [first, second] = verification.plan.tests;
    const flipped = recordedAnswers(verification, (id, s) =>
      id === first!.id ? (s === "Allow" ? "Deny" : "Allow") : id === second!.id ? undefined : s,
    );
    const compared = bridgeComparison(verification, checks, flipped);
    expect(compared.ok).toBe(true);
    if (!compared.ok) return;
    const n = verification.plan.tests.length;
    expect(compared.value.summary).toBe(
      `${n - 2} of ${n} tests agree with NSG Lab; 1 disagrees (possible fidelity bugs: please report them); 1 not recorded.`,
    );
    const [disagree, missing] = compared.value.rows;
    expect(disagree!.outcome).toBe("disagree");
    expect(disagree!.text).toMatch(/^DISAGREE \(possible fidelity bug\): /);
    expect(disagree!.path).toMatch(/nsg-snet-ingest/);
    expect(missing!.outcome).toBe("missing");
    expect(compared.value.disagreements).toBe(1);
  });

  it("refuses answers recorded for other rules, and a file that is not a results file, with the reason", () => {
    const other = exerciseVerification(ftp, "");
    if (!other.ok) throw new Error("no plan");
    const compared = bridgeComparison(verification, checks, recordedAnswers(other.value));
    expect(!compared.ok && compared.errors[0]!.message).toMatch(
      /recorded for other rules or another scenario/,
    );
    const junk = bridgeComparison(verification, checks, "\u0000\u0001 not json at all");
    expect(junk.ok).toBe(false);
    expect(!junk.ok && junk.errors.map((e) => [e.message, e.span?.line])).toEqual([
      [expect.stringMatching(/no header line/), undefined],
      ["line 1 is not JSON: each line of the file is one JSON object", 1],
    ]);
  });
});
