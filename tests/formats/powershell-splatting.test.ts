/**
 * Splatting (about_Splatting): `$params = @{ Name = 'x'; … }` then `Cmdlet @params`, the way
 * Learn's current tutorials write every cmdlet, alone or mixed with parameters written out.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { errorsOf, expectError, parseOk, textAt } from "./powershell-harness.ts";

const TUTORIAL = readFileSync(
  new URL("./fixtures/powershell-tutorials/ps-tutorial-filter-traffic-tabs.ps1", import.meta.url),
  "utf8",
);
/** The tutorial's "Create security rules" blocks (see the fixture's header). */
const CREATE_RULES = TUTORIAL.slice(TUTORIAL.indexOf("$webAsgParams"), TUTORIAL.indexOf("$params1"));

const asg = (name: string) => ({
  id: `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/test-rg/providers/Microsoft.Network/applicationSecurityGroups/${name}`,
});

describe("splatting", () => {
  it("runs the tutorial's rules: splatted New-AzNetworkSecurityRuleConfig, added with +=, saved", () => {
    const doc = parseOk(CREATE_RULES);
    expect(doc.nsgs).toEqual([
      {
        name: "nsg-1",
        created: false,
        rules: [
          {
            name: "Allow-HTTP-Web",
            priority: 100,
            direction: "Inbound",
            access: "Allow",
            protocol: "Tcp",
            sourceAddressPrefix: "Internet",
            sourcePortRange: "*",
            destinationPortRange: "80",
            destinationApplicationSecurityGroups: [asg("asg-web")],
          },
          {
            name: "Allow-8080-Mgmt",
            priority: 110,
            direction: "Inbound",
            access: "Allow",
            protocol: "Tcp",
            sourceAddressPrefix: "Internet",
            sourcePortRange: "*",
            destinationPortRange: "8080",
            destinationApplicationSecurityGroups: [asg("asg-mgmt")],
          },
        ],
      },
    ]);
    expect(doc.warnings).toEqual([]);
    // A rule field is located at the hashtable value that wrote it.
    expect(textAt(CREATE_RULES, doc.locate(["nsg-1", 1, "destinationPortRange"]))).toBe("8080");
    expect(textAt(CREATE_RULES, doc.locate(["nsg-1", 0, "priority"]))).toBe("100");
  });

  it("mixes splatted and written parameters, with prefixes, arrays, nested @( ) and a switch as $true", () => {
    const script = `$common = @{ Access = 'Deny'; Dir = "Inbound"; Protocol = '*'
  SourcePortRange = '*'; DestinationAddressPrefix = @('10.0.0.4', @('10.0.0.5'))
}
$rule = New-AzNetworkSecurityRuleConfig @common -Name deny-test -Priority 4000 -SourceAddressPrefix 10.0.9.0/24 -DestinationPortRange 22, 3389
$nsg = @{ Name = 'nsg-2'; ResourceGroupName = 'rg'; Location = 'westus2'; SecurityRules = $rule; Force = $true }
New-AzNetworkSecurityGroup @nsg`;
    const doc = parseOk(script);
    expect(doc.nsgs).toEqual([
      {
        name: "nsg-2",
        created: true,
        rules: [
          {
            name: "deny-test",
            priority: 4000,
            direction: "Inbound",
            access: "Deny",
            protocol: "*",
            sourceAddressPrefix: "10.0.9.0/24",
            sourcePortRange: "*",
            destinationAddressPrefixes: ["10.0.0.4", "10.0.0.5"],
            destinationPortRanges: ["22", "3389"],
          },
        ],
      },
    ]);
    expect(textAt(script, doc.locate(["nsg-2", 0, "destinationAddressPrefixes", 1]))).toBe("'10.0.0.5'");
  });

  it("keys are case-insensitive, quoted or not, and a hashtable can be built up before it is splatted", () => {
    const script = `$p = @{}
$p['name'] = 'web'
$p.Priority = 200
$p.Add("ACCESS", "Allow")
$r = New-AzNetworkSecurityRuleConfig @p
New-AzNetworkSecurityGroup -Name nsg-1 -ResourceGroupName rg -Location westus2 -SecurityRules $r`;
    expect(parseOk(script).nsgs[0]!.rules).toEqual([{ name: "web", priority: 200, access: "Allow" }]);
  });

  describe("errors, each located", () => {
    it("a parameter both splatted and written", () => {
      expectError(
        "$p = @{ Name = 'a' }\nNew-AzNetworkSecurityRuleConfig @p -Name b",
        "conflicting-arguments",
        "-Name",
      );
    });
    it("a key that is no parameter", () => {
      const script = "$p = @{ Name = 'a'; Port = 80 }\nNew-AzNetworkSecurityRuleConfig @p";
      expectError(script, "unknown-argument", "Port");
    });
    it("an ambiguous key", () => {
      expectError(
        "$p = @{ Name = 'a'; Dest = 80 }\nNew-AzNetworkSecurityRuleConfig @p",
        "ambiguous-argument",
        "Dest",
      );
    });
    it("splatting what is not a hashtable", () => {
      expectError("$p = 'Name'\nNew-AzNetworkSecurityRuleConfig @p", "unsupported-powershell-syntax", "@p");
    });
    it("splatting a variable never set", () => {
      expectError("New-AzNetworkSecurityRuleConfig @nope", "unset-variable", "@nope");
    });
    it("a switch splatted with a value that is not $true or $false", () => {
      expectError(
        "$p = @{ Name = 'n'; ResourceGroupName = 'g'; Location = 'l'; Force = 'yes' }\nNew-AzNetworkSecurityGroup @p",
        "invalid-argument-value",
        "'yes'",
      );
    });
    it("a key given twice", () => {
      expectError("$p = @{ Name = 'a'; name = 'b' }", "duplicate-key", "name");
    });
    it("a key without a value, or without =", () => {
      expectError("$p = @{ Name = }", "unsupported-powershell-syntax", "}");
      expectError("$p = @{ Name 'a' }", "unsupported-powershell-syntax", "'");
    });
    it("a hashtable never closed", () => {
      const e = expectError("$p = @{ Name = 'a'", "unsupported-powershell-syntax", "@{");
      expect(e.message).toMatch(/never closed with }/);
      // As in PowerShell, the next line is read as the next key.
      const errors = errorsOf("$p = @{ Name = 'a'\nNew-AzNetworkSecurityRuleConfig @p");
      expect(errors.map((x) => x.message)).toEqual([
        '"=" is missing after the hashtable key "New-AzNetworkSecurityRuleConfig"',
      ]);
    });
  });
});
