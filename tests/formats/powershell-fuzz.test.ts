import fc from "fast-check";
import { expectLocated } from "./located.ts";
import { describe, expect, it } from "vitest";
import type { AzCliOptions } from "../../src/lib/formats/azcli/index.ts";
import { parsePowerShell } from "../../src/lib/formats/powershell/index.ts";

/** Whatever the learner pastes, the PowerShell reader answers with a result, and every issue has a place. */

const OPTIONS: AzCliOptions = { editable: ["nsg1"], initialRules: { nsg1: [], locked: [] } };

// Shaped on the Az.Network help examples (learn.microsoft.com/powershell/module/az.network).
const VALID = [
  "<# set-up #>",
  '$rg = "rg1"',
  '$rule1 = New-AzNetworkSecurityRuleConfig -Name rdp-rule -Description "Allow RDP on $($rg)" `',
  "    -Access Allow -Protocol Tcp -Direction Inbound -Priority 100 -SourceAddressPrefix `",
  "    Internet -SourcePortRange * -DestinationAddressPrefix * -DestinationPortRange 3389,'3390'",
  "$nsg = New-AzNetworkSecurityGroup -ResourceGroupName $rg -Location westus -Name nsg1 -SecurityRules @($rule1)",
  "$nsg | Add-AzNetworkSecurityRuleConfig -Name web -Prio:200 -Access Deny -Direction Outbound |",
  "  Set-AzNetworkSecurityGroup; Write-Host 'done' # end",
].join("\n");

function check(text: string) {
  const result = parsePowerShell(text, OPTIONS);
  expect(typeof result.ok).toBe("boolean");
  const lineCount = text.split("\n").length;
  const issues = result.ok ? result.value.warnings : result.errors;
  if (!result.ok) expect(issues.length).toBeGreaterThan(0);
  expectLocated(issues, lineCount);
}

const SPECIAL = fc.constantFrom(
  ..."`'\"$#;|,(){}@*=-: \t\n\r".split(""),
  "${",
  "$(",
  "@(",
  "<#",
  "#>",
  "`\n",
  "|\n",
  "-Name",
  "-Dest",
  "$nsg",
  "$nope",
  "''",
  '""',
);

describe("fuzzing parsePowerShell", () => {
  it("the valid script is valid", () => {
    const result = parsePowerShell(VALID, OPTIONS);
    expect(result.ok).toBe(true);
  });

  it("never throws on arbitrary strings", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 300 }), check), { numRuns: 300 });
  });

  it("never throws when the valid script is mutated", () => {
    const edit = fc.record({
      at: fc.nat(),
      text: fc.oneof(SPECIAL, fc.string({ maxLength: 3 })),
      cut: fc.nat(8),
    });
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 6 }), (edits) => {
        let text = VALID;
        for (const e of edits) {
          const at = e.at % (text.length + 1);
          text = text.slice(0, at) + e.text + text.slice(at + e.cut);
        }
        check(text);
      }),
      { numRuns: 500 },
    );
  });
});
