/**
 * Issue 17's last "done when": the generated verification scripts parse with the project's own az
 * CLI and PowerShell readers and create, test and clean up every resource they need. For every
 * exercise in graders/ (with its solution as the learner's rules) and the playground's starter
 * scenario, both scripts are read back as the playground's Changes tab reads them: no errors;
 * the network they build is the scenario's, rules applied; every IP flow verify test of the plan
 * is one test command with its VM, NIC, direction, protocol and ends; and the resource group is
 * deleted in the clean-up path (the EXIT trap, the finally block), set up before anything is built.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { azVerificationScript } from "../../src/lib/azure-verify/az-verification-script.ts";
import { psVerificationScript } from "../../src/lib/azure-verify/ps-verification-script.ts";
import { exerciseVerification, scenarioVerification } from "../../src/lib/azure-verify/verify-exercise.ts";
import type { ResourceGroupStep } from "../../src/lib/formats/azure-steps.ts";
import { BLANK_SCENARIO } from "../../src/lib/playground/blank-scenario.ts";
import { parseScenario } from "../../src/lib/playground/parse-scenario.ts";
import { exerciseFile } from "../grader/fixtures.ts";
import { canonical, endText, firstBuilt, ipFlowSteps, readBack } from "./read-back.ts";

const verifications = [
  ...readdirSync(new URL("../../graders/", import.meta.url))
    .filter((f) => f.endsWith(".yaml"))
    .sort()
    .map((file) => {
      const exercise = exerciseFile(file);
      return { name: exercise.id, verification: exerciseVerification(exercise, exercise.solution ?? "") };
    }),
  (() => {
    const scenario = parseScenario(BLANK_SCENARIO);
    if (!scenario.ok) throw new Error("the starter scenario does not parse");
    const { title = "Playground", subscription, topology, flows } = scenario.value;
    return {
      name: "the playground's starter scenario",
      verification: scenarioVerification({ id: "playground", title, topology, subscription }, flows),
    };
  })(),
];

const SHELLS = [
  { shell: "az CLI (Bash)", write: azVerificationScript, cleanup: "trap" },
  { shell: "Azure PowerShell", write: psVerificationScript, cleanup: "try" },
] as const;

describe.each(verifications)("the verification scripts of $name", ({ verification }) => {
  if (!verification.ok) throw new Error(JSON.stringify(verification.errors));
  const { target, plan } = verification.value;

  it("test something", () => {
    expect(plan.tests.length).toBeGreaterThan(0);
  });

  describe.each(SHELLS)("in $shell", ({ write, cleanup }) => {
    const script = write(target, plan);
    const { doc, topology } = readBack(script, target.subscription);

    it("build the scenario's network with the rules applied: NSGs, rules, subnets, NICs, ASGs, associations", () => {
      const expected = canonical(target.topology);
      expect(canonical(topology)).toEqual(expected);
      // What a script cannot create is named in its opening comment, not silently dropped.
      if (target.topology.vnets.some((v) => v.connectedAddressSpaces.length > 0))
        expect(script).toContain("Connected on-premises ranges (VPN or ExpressRoute) are not created.");
      expect(target.topology.serviceTags).toEqual({});
    });

    it("run each test of the plan exactly once, with its VM, NIC, direction, protocol and ends", () => {
      const tests = ipFlowSteps(doc.azure);
      expect(
        tests.map((s) => ({
          vm: s.vm,
          nic: s.nic,
          direction: s.direction,
          protocol: s.protocol,
          local: endText(s.local),
          remote: endText(s.remote),
        })),
      ).toEqual(
        plan.tests.map((t) => ({
          vm: t.vm,
          nic: t.nic,
          direction: t.direction,
          protocol: t.protocol,
          local: t.local,
          remote: t.remote,
        })),
      );
      expect(tests.every((s) => s.cleanup === undefined)).toBe(true);
    });

    it(`delete the resource group it creates in its clean-up (${cleanup}), set up before anything is built`, () => {
      const groups = doc.azure.filter((s): s is ResourceGroupStep => s.kind === "resource-group");
      expect(groups.map((g) => [g.action, g.cleanup !== undefined])).toEqual([
        ["create", false],
        ["delete", true],
      ]);
      const [create, remove] = groups as [ResourceGroupStep, ResourceGroupStep];
      expect(remove.name).toBe(create.name);
      const armed = remove.cleanup!.armedAt;
      expect(
        script
          .split("\n")
          [armed.line - 1]!.slice(armed.column - 1)
          .startsWith(cleanup),
      ).toBe(true);
      expect(armed.line).toBeGreaterThan(create.span.line);
      expect(armed.line).toBeLessThan(firstBuilt(doc));
    });
  });

  it("the Bash one is valid Bash (bash -n)", () => {
    const dir = mkdtempSync(join(tmpdir(), "nsglab-verify-"));
    const file = join(dir, "verify.sh");
    writeFileSync(file, azVerificationScript(target, plan));
    expect(() => execFileSync("bash", ["-n", file])).not.toThrow();
  });
});
