import { describe, expect, it } from "vitest";
import { toJson } from "../../src/cli/grade-command.ts";
import { formatReport } from "../../src/cli/format-report.ts";
import { checkExerciseText } from "../../src/lib/content/check-exercise.ts";
import {
  changeSize,
  changeSizeLine,
  changeSummary,
  changesBetween,
  type ChangeReport,
} from "../../src/lib/grader/change-size.ts";
import { gradeSubmission, loadExercise, type Exercise } from "../../src/lib/grader/index.ts";
import type { Topology } from "../../src/lib/nsg/topology-schema.ts";

/**
 * The size of a fix: rules added and removed plus fields changed (and associations), between
 * the rules a fix-rules exercise starts with and the learner's; the smallest known fix is the
 * reference solution's, and check:content keeps it the smallest.
 */

const HTTPS_RULE =
  '{ name: Allow-HTTPS, priority: 200, direction: Inbound, access: Allow, protocol: Tcp, sourceAddressPrefix: Internet, sourcePortRange: "*", destinationAddressPrefix: 192.0.2.10, destinationPortRange: "443" }';

const fixText = (over: { solution?: string; starter?: string } = {}) => `
id: t-fix
title: The website is down
kind: fix-rules
topology:
  vnets:
    - name: vnet-lab
      addressSpace: [10.0.0.0/16]
      subnets:
        - { name: snet-web, addressPrefix: 10.0.1.0/24, nsg: nsg-web }
        - { name: snet-app, addressPrefix: 10.0.2.0/24 }
  vms:
    - name: vm-web1
      nics:
        - { name: vm-web1-nic, subnet: vnet-lab/snet-web, privateIp: 10.0.1.4, publicIp: 192.0.2.10 }
  nsgs:
    - name: nsg-web
      securityRules:
        - ${HTTPS_RULE}
editable: [nsg-web]
starter: ${JSON.stringify(over.starter ?? "# nsg-web as Azure has it: change it with az network nsg rule update")}
solution: ${JSON.stringify(over.solution ?? "az network nsg rule update -g rg --nsg-name nsg-web -n Allow-HTTPS --destination-address-prefixes 10.0.1.4")}
expectations:
  - name: A visitor reaches the website
    flow: { from: 203.0.113.5, to: 192.0.2.10, protocol: Tcp, port: 443 }
    expect: allow
    decidedBy: Allow-HTTPS
  - name: SSH stays closed
    flow: { from: 203.0.113.5, to: vm-web1, protocol: Tcp, port: 22 }
    expect: deny
`;

function load(text: string): Exercise {
  const loaded = loadExercise(text);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  return loaded.value;
}

const exercise = load(fixText());

/** The scenario with nsg-web's one rule changed. */
function withRule(over: Record<string, unknown>, extra: Record<string, unknown>[] = []): Topology {
  const [rule] = exercise.topology.nsgs[0]!.securityRules;
  return {
    ...exercise.topology,
    nsgs: [{ name: "nsg-web", securityRules: [{ ...rule!, ...over }, ...(extra as never[])] }],
  };
}

describe("changes between the starting rules and a learner's", () => {
  it("counts one per field that differs, naming the field and both values", () => {
    const changes = changesBetween(
      exercise.topology,
      withRule({ destinationAddressPrefixes: ["10.0.1.4"], protocol: "*" }),
    );
    expect(changes).toEqual([
      {
        kind: "field-changed",
        nsg: "nsg-web",
        rule: "Allow-HTTPS",
        field: "protocol",
        before: "Tcp",
        after: "*",
      },
      {
        kind: "field-changed",
        nsg: "nsg-web",
        rule: "Allow-HTTPS",
        field: "destination",
        before: "192.0.2.10",
        after: "10.0.1.4",
      },
    ]);
    expect(changeSize(changes)).toMatchObject({ size: 2, fieldsChanged: 2, added: 0, removed: 0 });
  });

  it("counts nothing for the same rules written otherwise: port order, a range of one, the name's case, a description", () => {
    const same = withRule({
      name: "allow-https",
      destinationPortRanges: ["443-443"],
      sourceAddressPrefixes: ["internet"],
      description: "HTTPS from anywhere",
    });
    expect(changesBetween(exercise.topology, same)).toEqual([]);
    const two = withRule({ destinationPortRanges: ["443", "80"] });
    expect(changesBetween(two, withRule({ destinationPortRanges: ["80", "443"] }))).toEqual([]);
  });

  it("counts a renamed rule as one removed and one added (Azure cannot rename a rule)", () => {
    const changes = changesBetween(exercise.topology, withRule({ name: "Allow-HTTPS-Web" }));
    expect(changes.map((c) => c.kind)).toEqual(["rule-removed", "rule-added"]);
    expect(changeSummary(changeSize(changes))).toBe("2 changes (1 rule added, 1 rule removed)");
  });

  it("counts an association moved to another subnet, and a new NSG's rules as added", () => {
    const moved: Topology = {
      ...exercise.topology,
      vnets: exercise.topology.vnets.map((v) => ({
        ...v,
        subnets: v.subnets.map((s) => (s.name === "snet-app" ? { ...s, nsg: "nsg-web" } : s)),
      })),
    };
    expect(changesBetween(exercise.topology, moved)).toEqual([
      {
        kind: "association-changed",
        level: "subnet",
        target: "vnet-lab/snet-app",
        before: null,
        after: "nsg-web",
      },
    ]);
    const created: Topology = {
      ...exercise.topology,
      nsgs: [
        ...exercise.topology.nsgs,
        { name: "nsg-new", securityRules: withRule({}).nsgs[0]!.securityRules },
      ],
    };
    expect(changesBetween(exercise.topology, created)).toEqual([
      { kind: "rule-added", nsg: "nsg-new", rule: "Allow-HTTPS" },
    ]);
  });
});

describe("a fix-rules grade reports the change beside the smallest known fix", () => {
  it("gives the learner's change and the reference solution's size", () => {
    const report = gradeSubmission(exercise, exercise.solution!);
    expect(report.change).toMatchObject({ size: 1, fieldsChanged: 1, smallest: 1 });
    expect(report.failed).toBe(0);
  });

  it("counts a rule rewritten under a new name as a bigger fix than needed", () => {
    const rewritten = [
      "az network nsg rule delete -g rg --nsg-name nsg-web -n Allow-HTTPS",
      "az network nsg rule create -g rg --nsg-name nsg-web -n Allow-HTTPS-Web --priority 200 --protocol Tcp --source-address-prefixes Internet --destination-address-prefixes 10.0.1.4 --destination-port-ranges 443",
    ].join("\n");
    const report = gradeSubmission(load(fixText({ solution: rewritten.replace(/Web/g, "x") })), rewritten);
    expect(report.change).toMatchObject({ size: 2, added: 1, removed: 1 });
  });

  it("reports no change for the scenario as written, and no change size outside fix-rules", () => {
    expect(gradeSubmission(exercise, "# nothing yet").change).toMatchObject({ size: 0, smallest: 1 });
    const authored = load(fixText().replace("kind: fix-rules", "kind: author-rules"));
    expect(gradeSubmission(authored, authored.solution!).change).toBeUndefined();
  });

  it("words the change for the workspace and the CLI", () => {
    const change = (size: number, smallest: number): ChangeReport => ({
      size,
      added: 0,
      removed: 0,
      fieldsChanged: size,
      associationsChanged: 0,
      changes: [],
      smallest,
    });
    expect(changeSizeLine(change(2, 1), false)).toBe(
      "Your change: 2 changes (2 fields changed). The smallest known fix: 1 change.",
    );
    expect(changeSizeLine(change(1, 1), true)).toBe(
      "Your change: 1 change (1 field changed). As small as the smallest known fix ✓",
    );
    expect(changeSizeLine(change(3, 1), true)).toMatch(/It works; can you undo what the fix doesn't need\?$/);
    expect(changeSizeLine(change(1, 2), true)).toMatch(
      /Smaller than the smallest known fix \(2 changes\) ✓$/,
    );
  });

  it("prints the change in the CLI report and under --json", () => {
    const report = gradeSubmission(exercise, exercise.solution!);
    expect(toJson(report).change).toMatchObject({ size: 1, smallest: 1 });
    const text = formatReport(report, exercise.title);
    expect(text).toContain("Your change: 1 change (1 field changed). As small as the smallest known fix ✓");
    expect(text).toContain("nsg-web/Allow-HTTPS: destination 192.0.2.10 → 10.0.1.4");
  });
});

describe("check:content keeps the reference fix the smallest", () => {
  const errors = (text: string) => checkExerciseText(text).errors.map((e) => `${e.code}: ${e.message}`);

  it("accepts a minimal fix and notes its size", () => {
    const check = checkExerciseText(fixText());
    expect(check.errors).toEqual([]);
    expect(check.notes).toContain("the smallest known fix: 1 change (1 field changed)");
  });

  it("refuses a solution with a change the fix does not need", () => {
    const padded = [
      exercise.solution!,
      // DenyAllInBound already denies Telnet from the internet: this rule changes nothing.
      "az network nsg rule create -g rg --nsg-name nsg-web -n Deny-Telnet --priority 300 --access Deny --protocol Tcp --source-address-prefixes Internet --destination-port-ranges 23",
    ].join("\n");
    expect(errors(fixText({ solution: padded }))).toEqual([
      expect.stringMatching(
        /^fix-not-minimal: the solution's change "nsg-web\/Deny-Telnet: added" is not needed/,
      ),
    ]);
  });

  it("refuses a starter that is not the scenario's rules", () => {
    const starter = JSON.stringify({
      "nsg-web": [
        {
          name: "Allow-HTTPS",
          priority: 200,
          direction: "Inbound",
          access: "Allow",
          protocol: "Tcp",
          sourceAddressPrefix: "Internet",
          sourcePortRange: "*",
          destinationAddressPrefix: "192.0.2.10",
          destinationPortRange: "8443",
        },
      ],
    });
    expect(errors(fixText({ starter }))).toEqual([
      expect.stringMatching(/^starter-not-scenario: .*destination ports 443 → 8443/),
    ]);
  });

  it("requires a starter in the schema", () => {
    const loaded = loadExercise(fixText().replace(/^starter: .*$/m, ""));
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.errors[0]).toMatchObject({ code: "missing-field", path: ["starter"] });
  });
});
