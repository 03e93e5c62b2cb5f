/**
 * Advice that a learner can follow: never a priority outside Azure's 100–4096 for custom rules.
 * (Reported: app-tier-asg once said "give Allow-Web-To-App a number below 100".)
 */
import { describe, expect, it } from "vitest";
import { gradeSubmission } from "../../src/lib/grader/index.ts";
import { exerciseFile } from "./fixtures.ts";

const appTier = exerciseFile("app-tier-asg.yaml");
const rule = (name: string, priority: number, access: "Allow" | "Deny", extra: Record<string, unknown>) => ({
  name,
  priority,
  direction: "Inbound",
  access,
  protocol: "Tcp",
  sourcePortRange: "*",
  destinationPortRange: "8080",
  ...extra,
});

const explanations = (rules: unknown[]) =>
  gradeSubmission(appTier, JSON.stringify({ "nsg-snet-workload": rules }))
    .results.flatMap((r) => (r.explanation ? [r.explanation] : []))
    .join("\n");

describe("advice on priorities", () => {
  it("does not ask for a number below 100 when the deny that wins already has 100", () => {
    const text = explanations([
      rule("Deny-All-App", 100, "Deny", { sourceAddressPrefix: "*", destinationAddressPrefix: "*" }),
      rule("Allow-Web-To-App", 200, "Allow", {
        sourceApplicationSecurityGroups: ["asg-web"],
        destinationApplicationSecurityGroups: ["asg-app"],
      }),
    ]);
    expect(text).toContain("Your rule Allow-Web-To-App (priority 200) would allow it");
    expect(text).toContain("no rule can go below 100: give Deny-All-App a number above 200");
    expect(text).not.toMatch(/below 100\b(?!:)/);
  });

  it("offers the range 100 to one below the deny when there is room", () => {
    const text = explanations([
      rule("Deny-All-App", 300, "Deny", { sourceAddressPrefix: "*", destinationAddressPrefix: "*" }),
      rule("Allow-Web-To-App", 400, "Allow", {
        sourceApplicationSecurityGroups: ["asg-web"],
        destinationApplicationSecurityGroups: ["asg-app"],
      }),
    ]);
    expect(text).toContain("give Allow-Web-To-App a number from 100 to 299");
  });

  it("says a deny of any custom priority beats a default allow, not 'lower than 65000'", () => {
    const text = explanations([]);
    expect(text).toContain("any priority from 100 to 4096 comes before the default rules");
    expect(text).not.toContain("lower number than 65000");
  });
});

describe("advice in a task about associations", () => {
  const subnet = exerciseFile("protect-the-whole-subnet.yaml");

  it("talks about where NSGs are associated, never about adding rules", () => {
    const report = gradeSubmission(subnet, subnet.starter!);
    const explanations = report.results.flatMap((r) => (r.explanation ? [r.explanation] : []));
    expect(explanations.some((e) => e.includes("this task is about where NSGs are associated"))).toBe(true);
    for (const e of explanations) expect(e).not.toMatch(/add a Deny rule|give .* a number/);
    expect(report.differences.every((d) => d.suggestion === undefined)).toBe(true);
  });
});
