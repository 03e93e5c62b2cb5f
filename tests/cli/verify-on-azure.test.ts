/**
 * `npm run grade -- <exercise> --rules f --verify-script az` writes the script that checks the
 * rules on Azure; `--azure-results f` compares the answers it recorded, flow by flow.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runGrade } from "../../src/cli/grade-command.ts";
import type { BatchIo } from "../../src/cli/io.ts";
import { exerciseVerification } from "../../src/lib/azure-verify/verify-exercise.ts";
import { recordedAnswers as recorded } from "../azure-verify/recorded-answers.ts";
import { exerciseFile } from "../grader/fixtures.ts";

function harness(files: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: BatchIo = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    readFile: (p) => (p in files ? files[p]! : readFileSync(p, "utf8")),
    listDir: () => undefined,
    writeFile: () => {},
  };
  return { io, out, err };
}

const ftp = exerciseFile("ftp-active.yaml");
const solution = ftp.solution!;

const verification = (() => {
  const v = exerciseVerification(ftp, solution, "azcli");
  if (!v.ok) throw new Error("no plan");
  return v.value;
})();
const recordedAnswers = (access: (id: string, simulated: "Allow" | "Deny") => "Allow" | "Deny") =>
  recorded(verification, access);

describe("verify on Azure from the CLI", () => {
  it("prints the az CLI script for the learner's rules", () => {
    const h = harness({ "rules.sh": solution });
    expect(runGrade(["graders/ftp-active.yaml", "--rules", "rules.sh", "--verify-script", "az"], h.io)).toBe(
      0,
    );
    const script = h.out.join("\n");
    expect(script.startsWith("#!/usr/bin/env bash")).toBe(true);
    expect(script).toContain("--name Allow-FTP-Control-Studio");
    expect(script).toContain("az network watcher test-ip-flow");
  });

  it("reports agreement on every test, exit 0", () => {
    const h = harness({ "rules.sh": solution, "answers.jsonl": recordedAnswers((_, s) => s) });
    expect(
      runGrade(["graders/ftp-active.yaml", "--rules", "rules.sh", "--azure-results", "answers.jsonl"], h.io),
    ).toBe(0);
    const text = h.out.join("\n");
    expect(text).toMatch(/^agree: FTP control from the studio reaches the VM/m);
    expect(text).toMatch(/not testable on Azure: Replies on the data connection come back/);
    expect(text).toMatch(/(\d+) of \1 IP flow verify tests agree with NSG Lab$/);
  });

  it("reports a disagreement as a possible fidelity bug, exit 1", () => {
    const flipped = recordedAnswers((id, s) => (id === "7-in" ? (s === "Allow" ? "Deny" : "Allow") : s));
    const h = harness({ "rules.sh": solution, "answers.jsonl": flipped });
    expect(
      runGrade(["graders/ftp-active.yaml", "--rules", "rules.sh", "--azure-results", "answers.jsonl"], h.io),
    ).toBe(1);
    const text = h.out.join("\n");
    expect(text).toMatch(/^DISAGREE \(possible fidelity bug\): Only TCP is opened \(no UDP 21\)/m);
    expect(text).toMatch(/1 disagree \(possible fidelity bugs\)$/);
  });

  it("refuses answers recorded for other rules, exit 2 with the reason", () => {
    const h = harness({ "answers.jsonl": recordedAnswers((_, s) => s) });
    expect(runGrade(["graders/ftp-active.yaml", "--azure-results", "answers.jsonl"], h.io)).toBe(2);
    expect(h.err.join("\n")).toContain("other rules or another scenario");
  });

  it("refuses an unknown shell", () => {
    const h = harness();
    expect(runGrade(["graders/ftp-active.yaml", "--verify-script", "cmd"], h.io)).toBe(2);
    expect(h.err.join("\n")).toContain("--verify-script must be one of az, powershell");
  });
});
