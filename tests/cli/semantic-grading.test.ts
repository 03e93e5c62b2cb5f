/**
 * The over-permissive answer to ftp-active passes all eight listed checks, yet opens
 * 65,513 ports the task forbids and locks out 15 of the studio's 16 addresses. It must fail,
 * in the grader and in the batch re-grade, with a witness flow and its path.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runGrade, type toJson } from "../../src/cli/grade-command.ts";
import type { BatchIo } from "../../src/cli/io.ts";
import { buildSubmission, rulesWork, submissionText } from "../../src/lib/exercise-ui/submission-file.ts";
import type { GradebookRow } from "../../src/lib/grader/gradebook.ts";
import { ftpRule, json } from "../grader/fixtures.ts";

const OVER_PERMISSIVE = `az network nsg rule create --resource-group rg-nsg-lab --nsg-name nsg-snet-ingest \\
  --name Allow-FTP-Control-Studio --priority 200 --direction Inbound --access Allow --protocol Tcp \\
  --source-address-prefixes 198.51.100.5 --source-port-ranges '*' \\
  --destination-address-prefixes '*' --destination-port-ranges 21 23-65535
`;

function harness(files: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const io: BatchIo = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    readFile: (p) => files[p] ?? readFileSync(p, "utf8"),
    listDir: (p) => (p === "graders" ? readdirSync("graders") : undefined),
    writeFile: () => {},
  };
  return { io, out, err };
}

describe("grading by what the rules do", () => {
  it("fails the over-permissive answer although every listed check passes", () => {
    const h = harness({ "rules.sh": OVER_PERMISSIVE });
    expect(runGrade(["graders/ftp-active.yaml", "--rules", "rules.sh"], h.io)).toBe(1);
    const text = h.out.join("\n");
    expect(text).toContain(
      "TOO OPEN    Too open: your rules also let 198.51.100.5 reach vm-ingest on TCP 23–65535 (e.g. TCP 3389). The reference solution denies this.",
    );
    expect(text).toContain("e.g.: 198.51.100.5 → vm-ingest Tcp 3389");
    expect(text).toContain("nsg-snet-ingest (subnet, Inbound): Allow-FTP-Control-Studio 200 → Allow");
    expect(text).toContain(
      "TOO CLOSED  Too closed: 198.51.100.0/28 except 198.51.100.5 can't reach vm-ingest on TCP 21",
    );
    expect(text).toMatch(/8 passed, 0 failed, 2 differences from the reference$/);
    // Too open comes first: it is the security hole.
    expect(text.indexOf("TOO OPEN")).toBeLessThan(text.indexOf("TOO CLOSED"));
  });

  it("reports the differences in --json, with the witness and both paths", () => {
    const h = harness({ "rules.sh": OVER_PERMISSIVE });
    runGrade(["graders/ftp-active.yaml", "--rules", "rules.sh", "--json"], h.io);
    const report = JSON.parse(h.out.join("\n")) as ReturnType<typeof toJson>;
    expect(report.complete).toBe(false);
    expect(report.failed).toBe(0);
    expect(report.differences.map((d) => d.kind)).toEqual(["too-open", "too-closed"]);
    expect(report.differences[0]).toMatchObject({
      direction: "inbound",
      witness: { from: "198.51.100.5", to: "vm-ingest", protocol: "Tcp", port: 3389 },
    });
    expect(report.differences[0]!.trace[0]).toMatchObject({
      nsg: "nsg-snet-ingest",
      rule: "Allow-FTP-Control-Studio",
    });
    expect(report.differences[0]!.referenceTrace.at(-1)).toMatchObject({
      nsg: "nsg-snet-ingest",
      rule: "DenyAllInBound",
    });
  });

  it("passes the reference answer and exact rewrites of it (keeping the rule name its decidedBy check names)", () => {
    for (const rules of [
      json([ftpRule()]),
      json([ftpRule({ priority: 999, destinationAddressPrefix: "*" })]),
    ]) {
      const h = harness({ "rules.json": rules });
      expect(runGrade(["graders/ftp-active.yaml", "--rules", "rules.json"], h.io)).toBe(0);
      expect(h.out.join("\n")).toContain("no difference: your rules let through exactly what the task asks");
    }
  });

  it("fails it in the batch re-grade too, with the difference in the gradebook", () => {
    const submission = submissionText(
      buildSubmission({
        work: [
          rulesWork({
            exercise: "ftp-active",
            rulesFormat: "azcli",
            rules: OVER_PERMISSIVE,
            result: { passed: 8, failed: 0 },
          }),
        ],
      }),
    );
    const h = harness({ "inbox/mallory.json": submission });
    expect(runGrade(["--submissions", "inbox/mallory.json", "--json"], h.io)).toBe(0);
    const [row] = JSON.parse(h.out.join("\n")) as GradebookRow[];
    expect(row).toMatchObject({ passed: 8, total: 8, differences: 2, complete: false });
    expect(row?.detail).toContain(
      "Too open: your rules also let 198.51.100.5 reach vm-ingest on TCP 23–65535",
    );
  });
});
