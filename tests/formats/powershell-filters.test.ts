/**
 * Filters on an NSG's rules, as scripts and docs write them: `$nsg.SecurityRules | Where-Object
 * { $_.Name -eq 'x' }`, `?{ … }`, `where Name -like 'allow*'`, `.Where({ … })`, feeding
 * Remove-AzNetworkSecurityRuleConfig, `$nsg.SecurityRules.Remove(…)` or ForEach-Object. What the
 * reader does not run is refused where it is written, by name.
 */
import { describe, expect, it } from "vitest";
import type { AzCliOptions } from "../../src/lib/formats/azcli/index.ts";
import { errorsOf, expectError, parseOk, SCENARIO, textAt, warningsOf } from "./powershell-harness.ts";

const rule = (name: string, priority: number, port: string, access = "Allow") => ({
  name,
  priority,
  direction: "Inbound",
  access,
  protocol: "Tcp",
  sourceAddressPrefix: "*",
  sourcePortRange: "*",
  destinationAddressPrefix: "*",
  destinationPortRange: port,
});

const RULES = [
  rule("allow-ssh", 100, "22"),
  rule("Allow-HTTPS", 110, "443"),
  rule("deny-rdp", 120, "3389", "Deny"),
  rule("temp-debug", 1000, "8080"),
];
const OPTIONS: AzCliOptions = { ...SCENARIO, initialRules: { ...SCENARIO.initialRules, "nsg-1": RULES } };

const GET = "$nsg = Get-AzNetworkSecurityGroup -Name nsg-1 -ResourceGroupName rg\n";
const SAVE = "\n$nsg | Set-AzNetworkSecurityGroup\n";
/** The names of nsg-1's rules after `body` runs between reading and saving it. */
const namesAfter = (body: string) =>
  parseOk(GET + body + SAVE, OPTIONS)
    .nsgs.find((n) => n.name === "nsg-1")!
    .rules.map((r) => (r as { name: string }).name);

describe("filtering rules", () => {
  // The pattern of scripts that remove a rule by name found on GitHub and in Q&A answers:
  // $nsg.SecurityRules.Remove(($nsg.SecurityRules | Where-Object { … })).
  it("removes what Where-Object finds, with .Remove() on the NSG's own list", () => {
    expect(
      namesAfter("$nsg.SecurityRules.Remove(($nsg.SecurityRules | Where-Object { $_.Priority -eq 1000 }))"),
    ).toEqual(["allow-ssh", "Allow-HTTPS", "deny-rdp"]);
  });

  it("compares case-insensitively with -eq, -like and -match; -c… compare case-sensitively", () => {
    const remove = (filter: string) =>
      `$r = $nsg.SecurityRules | ${filter}\n$r | ForEach-Object { Remove-AzNetworkSecurityRuleConfig -Name $_.Name -NetworkSecurityGroup $nsg }`;
    expect(namesAfter(remove("Where-Object { $_.Name -eq 'ALLOW-SSH' }"))).toEqual([
      "Allow-HTTPS",
      "deny-rdp",
      "temp-debug",
    ]);
    expect(namesAfter(remove("?{ $_.Name -like 'allow*' }"))).toEqual(["deny-rdp", "temp-debug"]);
    expect(namesAfter(remove("where Name -clike 'allow*'"))).toEqual([
      "Allow-HTTPS",
      "deny-rdp",
      "temp-debug",
    ]);
    expect(namesAfter(remove("Where-Object { $_.Name -match '^(allow|deny)-[a-z]+$' }"))).toEqual([
      "temp-debug",
    ]);
    expect(
      namesAfter(remove("Where-Object { $_.Name -notmatch 'debug' -and $_.Access -ne 'Deny' }")),
    ).toEqual(["deny-rdp", "temp-debug"]);
    expect(namesAfter(remove("Where-Object -FilterScript { $_.Priority -ge 120 }"))).toEqual([
      "allow-ssh",
      "Allow-HTTPS",
    ]);
    expect(namesAfter(remove("Where-Object { -not ($_.DestinationPortRange -in '22', '443') }"))).toEqual([
      "allow-ssh",
      "Allow-HTTPS",
    ]);
  });

  it("a list on the left keeps its matching items, so a port list matches when any port does", () => {
    const body = `Add-AzNetworkSecurityRuleConfig -NetworkSecurityGroup $nsg -Name web -Priority 200 -Access Allow -Direction Inbound -Protocol Tcp -SourceAddressPrefix * -SourcePortRange * -DestinationAddressPrefix * -DestinationPortRange 80,443
$open = $nsg.SecurityRules.Where({ $_.DestinationPortRange -eq '443' })
$open | ForEach-Object { $nsg.SecurityRules.Remove($_) }`;
    expect(namesAfter(body)).toEqual(["allow-ssh", "deny-rdp", "temp-debug"]);
  });

  it("Remove-AzNetworkSecurityRuleConfig -Name takes a filtered rule's .Name", () => {
    const body = `$rule = $nsg.SecurityRules | Where-Object Name -eq 'temp-debug'
Remove-AzNetworkSecurityRuleConfig -Name $rule.Name -NetworkSecurityGroup $nsg`;
    expect(namesAfter(body)).toEqual(["allow-ssh", "Allow-HTTPS", "deny-rdp"]);
  });

  it("setting a filtered rule's property changes the rule in the NSG object", () => {
    const script = `${GET}($nsg.SecurityRules | ? Name -eq 'deny-rdp').SourceAddressPrefix = '10.0.9.0/24', '10.0.8.0/24'${SAVE}`;
    const doc = parseOk(script, OPTIONS);
    expect(doc.nsgs[0]!.rules[2]).toEqual({
      ...rule("deny-rdp", 120, "3389", "Deny"),
      sourceAddressPrefix: undefined,
      sourceAddressPrefixes: ["10.0.9.0/24", "10.0.8.0/24"],
    });
    expect(textAt(script, doc.locate(["nsg-1", 2, "sourceAddressPrefixes", 1]))).toBe("'10.0.8.0/24'");
  });

  it(".Remove() of a rule the list does not hold removes nothing, with a warning", () => {
    const script = `${GET}$other = Get-AzNetworkSecurityGroup -Name nsg-1
$nsg.SecurityRules.Remove(($other.SecurityRules | Where-Object Name -eq 'allow-ssh'))${SAVE}`;
    const doc = parseOk(script, OPTIONS);
    expect(doc.nsgs[0]!.rules).toHaveLength(4);
    expect(warningsOf(script, doc)).toEqual([
      ["rule-not-found", "($other.SecurityRules | Where-Object Name -eq 'allow-ssh')"],
    ]);
  });

  it("ForEach-Object with a property name, and Write-Host in a block, are read", () => {
    const script = `${GET}$names = $nsg.SecurityRules | % Name
$nsg.SecurityRules | ForEach-Object { Write-Host "$($_.Name) at $($_.Priority)" }`;
    const doc = parseOk(script, OPTIONS);
    expect(doc.nsgs).toEqual([]);
    expect(warningsOf(script, doc).map(([code]) => code)).toEqual(["cmdlet-noted"]);
  });

  describe("errors, each located", () => {
    it("changing the rule list a pipeline is reading: PowerShell stops the enumeration", () => {
      const script = `${GET}$nsg.SecurityRules | Where-Object { $_.Name -like 'temp*' } | ForEach-Object { $nsg.SecurityRules.Remove($_) }`;
      const errors = errorsOf(script, OPTIONS);
      expect(errors.map((e) => [e.code, textAt(script, e.span)])).toEqual([
        ["unsupported-powershell-syntax", "$nsg.SecurityRules"],
      ]);
      expect(errors[0]!.message).toMatch(/^Collection was modified; .*copy the list first with @\( … \)/);
      // Copied first, it works.
      expect(
        namesAfter(
          "@($nsg.SecurityRules) | Where-Object { $_.Name -like 'temp*' } | ForEach-Object { $nsg.SecurityRules.Remove($_) }",
        ),
      ).toEqual(["allow-ssh", "Allow-HTTPS", "deny-rdp"]);
    });
    it("control flow, named", () => {
      expectError(
        `${GET}foreach ($r in $nsg.SecurityRules) { }`,
        "unsupported-powershell-syntax",
        "foreach",
        OPTIONS,
      );
      expectError("if ($true) { }", "unsupported-powershell-syntax", "if");
    });
    it("an operator NSG Lab does not read, named", () => {
      const e = expectError(
        `${GET}$x = $nsg.SecurityRules | ? { $_.Name -replace 'a', 'b' }`,
        "unsupported-powershell-syntax",
        "-replace",
        OPTIONS,
      );
      expect(e.message).toBe("NSG Lab does not read the -replace operator");
    });
    it("casts and static members", () => {
      expectError("$x = [string]::IsNullOrEmpty('a')", "unsupported-powershell-syntax", "[string]");
    });
    it("a bare word where PowerShell wants a value", () => {
      const e = expectError(
        `${GET}$x = $nsg.SecurityRules | ? { $_.Name -eq web }`,
        "unsupported-powershell-syntax",
        "web",
        OPTIONS,
      );
      expect(e.message).toMatch(/quote it \('web'\)/);
    });
    it("a regular expression NSG Lab does not check", () => {
      const e = expectError(
        `${GET}$x = $nsg.SecurityRules | ? { $_.Name -match '(?<=allow)-ssh' }`,
        "unsupported-powershell-syntax",
        "-match",
        OPTIONS,
      );
      expect(e.message).toMatch(/look-arounds/);
    });
    it("Where-Object written another way", () => {
      expectError(
        `${GET}$x = $nsg.SecurityRules | Where-Object Name`,
        "unsupported-powershell-syntax",
        "Where-Object Name",
        OPTIONS,
      );
    });
    it("a property a rule does not have", () => {
      const e = expectError(
        `${GET}$x = $nsg.SecurityRules | ? { $_.Port -eq 22 }`,
        "unsupported-powershell-syntax",
        "$_.Port",
        OPTIONS,
      );
      expect(e.message).toMatch(/it reads Name, Priority, Access/);
    });
    it("$_ outside a script block", () => {
      expectError("Write-Output 1\n$_.Name", "unset-variable", "$_");
    });
    it(".Add() of something that is not a rule", () => {
      expectError(`${GET}$nsg.SecurityRules.Add('web')`, "invalid-argument-value", "'web'", OPTIONS);
    });
  });
});
