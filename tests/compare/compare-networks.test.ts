/**
 * The comparison judges what rules do: every flow that crosses the edited NSGs, not the
 * exercise's sample flows. The issue's own example: an answer that passes every listed check of
 * ftp-active while opening 65,513 more ports and locking out 15 of the studio's 16 addresses.
 */
import { describe, expect, it } from "vitest";
import { compareNetworks, type Difference } from "../../src/lib/compare/compare-networks.ts";
import {
  differenceCause,
  differenceSummary,
  formatRanges,
} from "../../src/lib/compare/describe-difference.ts";
import { applyRules } from "../../src/lib/grader/apply-rules.ts";
import type { Exercise } from "../../src/lib/grader/index.ts";
import { parseLearnerRules } from "../../src/lib/grader/parse-learner-rules.ts";
import { createEvaluator, type Evaluator } from "../../src/lib/nsg/evaluator.ts";
import { gradeSubmission, isComplete } from "../../src/lib/grader/index.ts";
import { exerciseFile, ftpRule, json } from "../grader/fixtures.ts";

const ftp = exerciseFile("ftp-active.yaml");

function network(exercise: Exercise, rules: string): Evaluator {
  const doc = parseLearnerRules(rules, exercise);
  if (!doc.ok) throw new Error(JSON.stringify(doc.errors));
  const applied = applyRules(exercise, doc.value);
  if (!applied.ok) throw new Error(JSON.stringify(applied.errors));
  const evaluator = createEvaluator(applied.value, exercise.subscription);
  if (!evaluator.ok) throw new Error(JSON.stringify(evaluator.errors));
  return evaluator.value;
}

const reference = network(ftp, ftp.solution!);
const compare = (rules: string): Difference[] =>
  compareNetworks(network(ftp, rules), reference, { editable: ftp.editable });

const OVER_PERMISSIVE = `az network nsg rule create --resource-group rg-nsg-lab --nsg-name nsg-snet-ingest \\
  --name Allow-FTP-Control-Studio --priority 200 --direction Inbound --access Allow --protocol Tcp \\
  --source-address-prefixes 198.51.100.5 --source-port-ranges '*' \\
  --destination-address-prefixes '*' --destination-port-ranges 21 23-65535`;

describe("comparing a learner's network with the reference", () => {
  it("finds nothing between the reference and itself", () => {
    expect(compareNetworks(reference, reference, { editable: ftp.editable })).toEqual([]);
  });

  it("reports the issue's over-permissive answer: too open first, then too closed, each with a witness", () => {
    const learner = network(ftp, OVER_PERMISSIVE);
    const differences = compareNetworks(learner, reference, { editable: ftp.editable });
    expect(differences.map((d) => d.kind)).toEqual(["too-open", "too-closed"]);
    const [open, closed] = differences as [Difference, Difference];
    expect(open).toMatchObject({ direction: "inbound", protocol: "Tcp", ports: [[23, 65535]] });
    expect(open.witness).toMatchObject({ from: "198.51.100.5", protocol: "Tcp", port: 3389 });
    expect(open.learner.access).toBe("Allow");
    expect(open.reference.access).toBe("Deny");
    expect(differenceSummary(open)).toBe(
      "Too open: your rules also let 198.51.100.5 reach vm-ingest on TCP 23–65535 (e.g. TCP 3389). The reference solution denies this.",
    );
    expect(differenceCause(open, learner, reference, ftp.editable)).toBe(
      "Your rule Allow-FTP-Control-Studio (priority 200, nsg-snet-ingest) allows it: its destination ports 21, 23-65535 include 3389 (the task needs 21).",
    );
    expect(closed).toMatchObject({ protocol: "Tcp", ports: [[21, 21]] });
    expect(differenceSummary(closed)).toBe(
      "Too closed: 198.51.100.0/28 except 198.51.100.5 can't reach vm-ingest on TCP 21 (e.g. from 198.51.100.7), which the task needs.",
    );
    expect(differenceCause(closed, learner, reference, ftp.editable)).toContain(
      "its source 198.51.100.5 leaves out 198.51.100.7",
    );
  });

  it("accepts rewrites that reach exactly what the reference reaches", () => {
    const rewrites = [
      json([ftpRule()]),
      json([ftpRule({ name: "ftp", priority: 4000 })]),
      json([ftpRule({ destinationAddressPrefix: "*" })]), // the subnet holds this one NIC only
      json([
        ftpRule({
          sourceAddressPrefix: undefined,
          sourceAddressPrefixes: ["198.51.100.0/29", "198.51.100.8/29"],
        }),
      ]),
      json([
        ftpRule({ name: "a", sourceAddressPrefix: "198.51.100.0/29" }),
        ftpRule({ name: "b", priority: 201, sourceAddressPrefix: "198.51.100.8/29" }),
      ]),
      json([ftpRule({ destinationPortRange: "21-21" })]),
    ];
    for (const rules of rewrites) expect(compare(rules), rules).toEqual([]);
  });

  it("catches a source widened to the internet, with the internet as the region", () => {
    const learner = network(ftp, json([ftpRule({ sourceAddressPrefix: "Internet" })]));
    const [open] = compareNetworks(learner, reference, { editable: ftp.editable });
    expect(open?.kind).toBe("too-open");
    expect(open?.witness).toMatchObject({ from: "203.0.113.7", port: 21 });
    expect(open && differenceSummary(open, learner)).toBe(
      "Too open: your rules also let any Internet address except 198.51.100.0/28 reach vm-ingest on TCP 21 (e.g. from 203.0.113.7). The reference solution denies this.",
    );
    expect(open && differenceCause(open, learner, reference, ftp.editable)).toBe(
      "Your rule Allow-FTP-Control-Studio (priority 200, nsg-snet-ingest) allows it: its source Internet includes 203.0.113.7 (the task needs 198.51.100.0/28).",
    );
  });

  it("catches a protocol widened to Any", () => {
    const kinds = compare(json([ftpRule({ protocol: "*" })])).map((d) => `${d.kind} ${d.protocol}`);
    expect(kinds).toEqual(expect.arrayContaining(["too-open Udp", "too-open Icmp"]));
  });

  it("catches an outbound rule the task never asked for", () => {
    const differences = compare(
      json([
        ftpRule(),
        {
          name: "deny-out",
          priority: 100,
          direction: "Outbound",
          access: "Deny",
          protocol: "*",
          sourceAddressPrefix: "*",
          sourcePortRange: "*",
          destinationAddressPrefix: "*",
          destinationPortRange: "*",
        },
      ]),
    );
    expect(differences.every((d) => d.kind === "too-closed")).toBe(true);
    expect(differences.some((d) => d.direction === "outbound")).toBe(true);
  });

  it("ignores differences an exercise declares acceptable", () => {
    const rules = json([ftpRule({ sourceAddressPrefix: "*" })]);
    expect(compare(rules).length).toBeGreaterThan(0);
    const learner = network(ftp, rules);
    expect(
      compareNetworks(learner, reference, {
        editable: ftp.editable,
        accepted: [{ kind: "too-open", direction: "inbound" }],
      }),
    ).toEqual([]);
  });
});

describe("writing address ranges", () => {
  it("names a CIDR block, a block with holes, and runs", () => {
    const r = (lo: number, hi: number) => ({ family: 4 as const, lo, hi });
    const base = 0xcb007100;
    expect(formatRanges([r(base, base + 255)])).toBe("203.0.113.0/24");
    expect(formatRanges([r(base, base + 6), r(base + 8, base + 255)])).toBe(
      "203.0.113.0/24 except 203.0.113.7",
    );
    expect(formatRanges([r(base + 8, base + 255)])).toBe("203.0.113.8–203.0.113.255");
    expect(formatRanges([r(0, 0xffffffff)])).toBe("any IPv4 address");
  });
});

describe("comparing large rule sets", () => {
  const scattered = (count: number) =>
    json(
      Array.from({ length: count }, (_, i) =>
        ftpRule({
          name: `r${i}`,
          priority: 100 + i,
          sourceAddressPrefix: `198.51.${(i * 7) % 256}.${(i * 13) % 256}`,
          destinationPortRange: `${1000 + ((i * 37) % 60000)}-${1000 + ((i * 37) % 60000) + (i % 50)}`,
        }),
      ),
    );

  it("compares fifty scattered rules exactly", () => {
    const differences = compare(scattered(50));
    expect(differences.length).toBeGreaterThan(0);
    expect(differences[0]?.kind).toBe("too-open");
  });

  it("compares three hundred scattered rules exactly", () => {
    const report = gradeSubmission(ftp, scattered(300));
    expect(report.comparisonProblem).toBeUndefined();
    expect(report.differences.length).toBeGreaterThan(0);
  });

  it("gives up with a clear reason, never hangs, when source and destination ports are scattered too", () => {
    const rules = json(
      Array.from({ length: 1000 }, (_, i) =>
        ftpRule({
          name: `r${i}`,
          priority: 100 + i,
          sourceAddressPrefix: "*",
          sourcePortRange: `${(i * 61) % 65000}`,
          destinationPortRange: `${(i * 37) % 65000}`,
        }),
      ),
    );
    const report = gradeSubmission(ftp, rules);
    expect(report.status).toBe("graded");
    expect(report.comparisonProblem).toMatch(
      /^Your rules are too many or too scattered to compare with the task exactly/,
    );
    expect(isComplete(report)).toBe(false);
  });
});
