/**
 * Least-privilege review: once every check passes, a rule that changes nothing (here a
 * leftover Allow-SMTP-Out that the platform's port 25 block makes pointless) is flagged.
 */
import { describe, expect, it } from "vitest";
import { gradeSubmission, isComplete } from "../../src/lib/grader/index.ts";
import { exerciseFile } from "./fixtures.ts";

const smtp = exerciseFile("smtp-relay-on-587.yaml");
const create = (name: string, priority: number, destination: string, port: number) =>
  `az network nsg rule create --resource-group rg-nsg-lab --nsg-name nsg-vm-app1 --name ${name} --priority ${priority} --direction Outbound --access Allow --protocol Tcp --source-address-prefixes 10.0.2.4 --source-port-ranges '*' --destination-address-prefixes ${destination} --destination-port-ranges ${port}`;

describe("least-privilege review", () => {
  it("flags a leftover rule that changes nothing, without failing the exercise", () => {
    const report = gradeSubmission(
      smtp,
      [
        create("Allow-SMTP-Out", 210, "Internet", 25),
        create("Allow-SMTP-Submission-Out", 220, "192.0.2.87", 587),
      ].join("\n"),
    );
    expect(isComplete(report)).toBe(true);
    expect(report.lints).toContainEqual(
      expect.objectContaining({
        kind: "dead-rule",
        nsg: "nsg-vm-app1",
        rule: "Allow-SMTP-Out",
        severity: "warning",
      }),
    );
    expect(report.lints.filter((l) => l.kind === "dead-rule").map((l) => l.rule)).toEqual(["Allow-SMTP-Out"]);
  });

  it("says nothing about the reference solution's own rules", () => {
    const report = gradeSubmission(smtp, smtp.solution!);
    expect(report.lints.filter((l) => l.kind === "dead-rule")).toEqual([]);
  });

  it("notes that a deny of the whole VNet also meets Azure Load Balancer health probes, without failing", () => {
    const asg = exerciseFile("app-tier-asg.yaml");
    const report = gradeSubmission(asg, asg.solution!);
    expect(isComplete(report)).toBe(true);
    const probes = report.lints.filter((l) => l.kind === "blocks-load-balancer-probes");
    expect(probes.map((l) => [l.severity, l.rule])).toEqual([["info", "Deny-VNet-To-App"]]);
    expect(probes[0]!.message).toMatch(/168\.63\.129\.16.*no load balancer/);
  });
});
