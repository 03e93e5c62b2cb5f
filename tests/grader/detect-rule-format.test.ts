import { describe, expect, it } from "vitest";
import { detectRuleFormat } from "../../src/lib/grader/index.ts";
import { azVerificationScript } from "../../src/lib/azure-verify/az-verification-script.ts";
import { exerciseVerification } from "../../src/lib/azure-verify/verify-exercise.ts";
import { exerciseFile } from "./fixtures.ts";

describe("which format a text is in", () => {
  it.each([
    ["set -euo pipefail\naz network nsg rule create --nsg-name n", "azcli"],
    ["trap 'az group delete --name rg --yes' EXIT\naz group create --name rg", "azcli"],
    ['export RG="rg-lab"\naz network nsg create --name n --resource-group "$RG"', "azcli"],
    ["- name: Allow-SSH\n  priority: 100", "yaml"],
    ['{ "nsg-web": [] }', "json"],
  ])("%j is %s", (text, format) => {
    expect(detectRuleFormat(text)).toBe(format);
  });

  it("reads a generated verification script as az CLI", () => {
    const ftp = exerciseFile("ftp-active.yaml");
    const v = exerciseVerification(ftp, ftp.solution!);
    if (!v.ok) throw new Error("no plan");
    expect(detectRuleFormat(azVerificationScript(v.value.target, v.value.plan))).toBe("azcli");
  });
});
