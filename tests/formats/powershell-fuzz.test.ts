import fc from "fast-check";
import { expectLocated } from "./located.ts";
import { describe, expect, it } from "vitest";
import type { AzCliOptions } from "../../src/lib/formats/azcli/index.ts";
import { parsePowerShell } from "../../src/lib/formats/powershell/index.ts";
import { TOPOLOGY } from "./powershell-harness.ts";

/** Whatever the learner pastes, the PowerShell reader answers with a result, and every issue has a place. */

const OPTIONS: AzCliOptions = {
  editable: ["nsg1", "nsg-1"],
  initialRules: { nsg1: [], locked: [], "nsg-1": [] },
  topology: TOPOLOGY,
};

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
  // Splatting, hashtables, properties, script blocks and the VNet and NIC objects.
  "$p = @{ Name = 'web2'; Priority = 300; Access = 'Allow'; Direction = 'Inbound'",
  "  DestinationPortRange = @(80, '443'); Tag = @{ a = 1 } }",
  "$p.Remove('Tag')",
  "$nsg.SecurityRules += New-AzNetworkSecurityRuleConfig @p -Protocol Tcp",
  "$nsg.SecurityRules.Remove(($nsg.SecurityRules | Where-Object { $_.Name -like 'web*' -and $_.Priority -ge 300 }))",
  "($nsg.SecurityRules | ? Name -eq 'rdp-rule').Priority = 150",
  "$nsg.SecurityRules.Where({ $_.Access -match '^a' }) | ForEach-Object { Write-Output \"$($_.Name): $($_.Priority)\" }",
  "$nsg | Set-AzNetworkSecurityGroup",
  '$vnet = Get-AzVirtualNetwork -Name "vnet-1" -ResourceGroupName $rg',
  "$vnet.Subnets[0].NetworkSecurityGroup = $nsg",
  "Set-AzVirtualNetworkSubnetConfig -VirtualNetwork $vnet -Name subnet-2 -AddressPrefix $vnet.Subnets[1].AddressPrefix -NetworkSecurityGroupId $nsg.Id",
  "$vnet | Set-AzVirtualNetwork",
  "$nic = Get-AzNetworkInterface -Name vm-web-nic -ResourceGroupName $rg; $nic.NetworkSecurityGroup = $null",
  "Set-AzNetworkInterface -NetworkInterface $nic",
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
  "@{",
  "{",
  "}",
  "$_",
  ".",
  "[0]",
  " -eq ",
  " -like ",
  " -match '(a+)+$'",
  "@p",
  " += ",
  ".Remove(",
  '@"\n',
  '\n"@',
);

/** Random PowerShell built from the constructs the reader knows, nested, with the brackets sometimes left open. */
const PIECES = fc.letrec<{ expr: string }>((tie) => ({
  expr: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom("$nsg", "$vnet", "$nic", "$p", "$_", "'web'", '"a$($rg)b"', "80", "$null", "$true"),
    fc
      .tuple(tie("expr"), fc.constantFrom(".Name", ".SecurityRules", ".Subnets[0]", ".Id", "[1]", ".Count"))
      .map(([e, m]) => `${e}${m}`),
    fc
      .tuple(
        tie("expr"),
        fc.constantFrom(" -eq ", " -like ", " -notmatch ", " -in ", " -and ", " + ", ", "),
        tie("expr"),
      )
      .map(([a, op, b]) => `${a}${op}${b}`),
    fc.tuple(fc.constantFrom("Name", "Priority", "'Key'"), tie("expr")).map(([k, v]) => `@{ ${k} = ${v} }`),
    tie("expr").map((e) => `{ ${e} }`),
    tie("expr").map((e) => `(${e})`),
    tie("expr").map((e) => `@(${e})`),
    tie("expr").map((e) => `$nsg.SecurityRules | Where-Object { ${e} }`),
    tie("expr").map((e) => `$nic.NetworkSecurityGroup = ${e}`),
    tie("expr").map((e) => `New-AzNetworkSecurityRuleConfig @p -Name ${e}`),
  ),
})).expr;

describe("fuzzing parsePowerShell", { timeout: 60_000 }, () => {
  it("the valid script is valid", () => {
    const result = parsePowerShell(VALID, OPTIONS);
    expect(result.ok).toBe(true);
  });

  it("never throws on arbitrary strings", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 300 }), check), { numRuns: 300 });
  });

  it("never throws on random nestings of expressions, blocks, hashtables and assignments", () => {
    const script = fc.array(
      fc.tuple(PIECES, fc.nat(6)).map(([piece, cut]) => (cut === 0 ? piece.slice(0, -1) : piece)),
      { maxLength: 6 },
    );
    fc.assert(
      fc.property(script, (lines) => check(`${VALID}\n${lines.join("\n")}`)),
      { numRuns: 300 },
    );
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
