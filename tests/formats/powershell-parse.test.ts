/**
 * The Azure PowerShell reader on the scripts Microsoft's documentation gives. Each fixture is the
 * example's text as published, with its source; the expected rules are what Azure would hold.
 */
import { describe, expect, it } from "vitest";
import { parsePowerShell } from "../../src/lib/formats/powershell/index.ts";
import type { AzCliOptions } from "../../src/lib/formats/azcli/index.ts";
import type { RuleDocument } from "../../src/lib/formats/rule-document.ts";
import type { Issue, SourceSpan } from "../../src/lib/result.ts";

// learn.microsoft.com/powershell/module/az.network/new-aznetworksecurityruleconfig, Examples 1 and 2.
const NEW_RULES = `$rule1 = New-AzNetworkSecurityRuleConfig -Name rdp-rule -Description "Allow RDP" \`
    -Access Allow -Protocol Tcp -Direction Inbound -Priority 100 -SourceAddressPrefix \`
    Internet -SourcePortRange * -DestinationAddressPrefix * -DestinationPortRange 3389

$rule2 = New-AzNetworkSecurityRuleConfig -Name web-rule -Description "Allow HTTP" \`
    -Access Allow -Protocol Tcp -Direction Inbound -Priority 101 -SourceAddressPrefix \`
    Internet -SourcePortRange * -DestinationAddressPrefix * -DestinationPortRange 80
`;

// learn.microsoft.com/powershell/module/az.network/new-aznetworksecuritygroup, Example 2
// ("Create a detailed network security group"): the two rules above, then the NSG.
const NEW_NSG = `${NEW_RULES}
$nsg = New-AzNetworkSecurityGroup -ResourceGroupName TestRG -Location westus -Name \`
    "NSG-FrontEnd" -SecurityRules $rule1,$rule2
`;

// learn.microsoft.com/powershell/module/az.network/add-aznetworksecurityruleconfig, Example 1.
const ADD_PIPELINE = `Get-AzNetworkSecurityGroup -Name nsg1 -ResourceGroupName rg1 |
Add-AzNetworkSecurityRuleConfig -Name rdp-rule -Description "Allow RDP" -Access \`
    Allow -Protocol Tcp -Direction Inbound -Priority 100 -SourceAddressPrefix Internet \`
    -SourcePortRange * -DestinationAddressPrefix * -DestinationPortRange 3389 |
    Set-AzNetworkSecurityGroup
`;

// github.com/Azure/azure-docs-powershell-samples, service-fabric/add-inbound-nsg-rule/add-inbound-nsg-rule.ps1
// (the sample the Service Fabric docs embed), with the NSG's name changed to the exercise's.
const SERVICE_FABRIC = `Login-AzAccount
Get-AzSubscription
Set-AzContext -SubscriptionId "yourSubscriptionID"

$RGname="sfclustertutorialgroup"
$port=8081
$rulename="allowAppPort$port"
$nsgname="nsg1"

# Get the NSG resource
$nsg = Get-AzNetworkSecurityGroup -Name $nsgname -ResourceGroupName $RGname

# Add the inbound security rule.
$nsg | Add-AzNetworkSecurityRuleConfig -Name $rulename -Description "Allow app port" -Access Allow \`
    -Protocol * -Direction Inbound -Priority 3891 -SourceAddressPrefix "*" -SourcePortRange * \`
    -DestinationAddressPrefix * -DestinationPortRange $port

# Update the NSG.
$nsg | Set-AzNetworkSecurityGroup
`;

// learn.microsoft.com/powershell/module/az.network/set-aznetworksecurityruleconfig, Example 1
// ("Change the access configuration in a network security rule"): it never saves $nsg.
const SET_UNSAVED = `$nsg = Get-AzNetworkSecurityGroup -Name "NSG-FrontEnd" -ResourceGroupName "TestRG"
$nsg | Get-AzNetworkSecurityRuleConfig -Name "rdp-rule"
Set-AzNetworkSecurityRuleConfig -Name "rdp-rule" -NetworkSecurityGroup $nsg -Access "Deny"
`;

const RDP = {
  name: "rdp-rule",
  priority: 100,
  direction: "Inbound",
  access: "Allow",
  protocol: "Tcp",
  sourceAddressPrefix: "Internet",
  sourcePortRange: "*",
  destinationAddressPrefix: "*",
  destinationPortRange: "3389",
  description: "Allow RDP",
};
const WEB = {
  ...RDP,
  name: "web-rule",
  priority: 101,
  destinationPortRange: "80",
  description: "Allow HTTP",
};

const EXERCISE: AzCliOptions = {
  editable: ["nsg1", "NSG-FrontEnd"],
  initialRules: { nsg1: [], "NSG-FrontEnd": [RDP], "nsg-locked": [] },
};

function parseOk(script: string, options: AzCliOptions = EXERCISE): RuleDocument {
  const result = parsePowerShell(script, options);
  if (!result.ok)
    throw new Error(result.errors.map((e) => `${e.span?.line}:${e.span?.column} ${e.message}`).join("\n"));
  return result.value;
}

function errorsOf(script: string, options: AzCliOptions = EXERCISE): Issue[] {
  const result = parsePowerShell(script, options);
  if (result.ok) throw new Error("expected errors");
  return result.errors;
}

const rulesOf = (doc: RuleDocument, nsg: string) => doc.nsgs.find((n) => n.name === nsg)?.rules ?? [];

function textAt(script: string, span: SourceSpan | undefined): string | undefined {
  if (!span) return undefined;
  const lines = script.split("\n");
  const offset = (line: number, column: number) =>
    lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + column - 1;
  return script.slice(offset(span.line, span.column), offset(span.endLine, span.endColumn));
}

describe("PowerShell reader: documentation examples", () => {
  it("New-AzNetworkSecurityGroup -SecurityRules creates the NSG with exactly those rules", () => {
    const doc = parseOk(NEW_NSG);
    expect(doc.format).toBe("powershell");
    expect(doc.nsgs).toHaveLength(1);
    expect(doc.nsgs[0]).toMatchObject({ name: "NSG-FrontEnd", created: true });
    expect(rulesOf(doc, "NSG-FrontEnd")).toEqual([RDP, WEB]);
    expect(doc.warnings).toEqual([]);
  });

  it("rule configs never given to an NSG change nothing", () => {
    const doc = parseOk(NEW_RULES);
    expect(doc.nsgs).toEqual([]);
  });

  it("reads the Get | Add | Set pipeline across backtick and | continuations", () => {
    const doc = parseOk(ADD_PIPELINE);
    expect(rulesOf(doc, "nsg1")).toEqual([RDP]);
    expect(doc.warnings).toEqual([]);
  });

  it("continues a pipeline on a line that starts with |, as PowerShell 7 does", () => {
    const leading = ADD_PIPELINE.replace(" |\nAdd-", "\n  | Add-").replace(" |\n    Set-", "\n    | Set-");
    expect(leading).toContain("\n  | Add-");
    expect(rulesOf(parseOk(leading), "nsg1")).toEqual([RDP]);
    // `||` chains a second pipeline; it does not continue the first.
    const chained = errorsOf(
      "Get-AzNetworkSecurityGroup -Name nsg1 -ResourceGroupName rg1\n|| Write-Host x\n",
    );
    expect(chained.map((e) => [e.code, e.span?.line])).toEqual([
      ["cmdlet-noted", 1],
      ["unsupported-powershell-syntax", 2],
    ]);
  });

  it("runs the Service Fabric sample: sign-in noted, variables interpolated, $nsg saved", () => {
    const doc = parseOk(SERVICE_FABRIC);
    expect(rulesOf(doc, "nsg1")).toEqual([
      {
        name: "allowAppPort8081",
        priority: 3891,
        direction: "Inbound",
        access: "Allow",
        protocol: "*",
        sourceAddressPrefix: "*",
        sourcePortRange: "*",
        destinationAddressPrefix: "*",
        destinationPortRange: "8081",
        description: "Allow app port",
      },
    ]);
    expect(doc.warnings.map((w) => [w.code, w.severity, textAt(SERVICE_FABRIC, w.span)])).toEqual([
      ["cmdlet-noted", "warning", "Login-AzAccount"],
      ["cmdlet-noted", "warning", "Get-AzSubscription"],
      ["cmdlet-noted", "warning", "Set-AzContext"],
    ]);
  });

  it("Set-AzNetworkSecurityRuleConfig never saved changes nothing, and says so where it is", () => {
    const doc = parseOk(SET_UNSAVED);
    // The NSG is untouched: Azure still holds rdp-rule as Allow.
    expect(doc.nsgs).toEqual([]);
    const unsaved = doc.warnings.filter((w) => w.code === "unsaved-nsg-change");
    expect(unsaved).toHaveLength(1);
    expect(unsaved[0]!.severity).toBe("warning");
    expect(unsaved[0]!.message).toBe(
      'NSG "NSG-FrontEnd" is changed in memory only; pipe it to Set-AzNetworkSecurityGroup to save it',
    );
    expect(textAt(SET_UNSAVED, unsaved[0]!.span)).toMatch(
      /^Set-AzNetworkSecurityRuleConfig -Name "rdp-rule"/,
    );
    expect(doc.warnings.map((w) => w.code)).toContain("cmdlet-noted");
  });

  it("Set-AzNetworkSecurityRuleConfig replaces every field it is not given (Az.Network builds the rule anew)", () => {
    const doc = parseOk(`${SET_UNSAVED}$nsg | Set-AzNetworkSecurityGroup\n`);
    expect(rulesOf(doc, "NSG-FrontEnd")).toEqual([{ name: "rdp-rule", access: "Deny" }]);
    expect(doc.warnings.map((w) => w.code)).not.toContain("unsaved-nsg-change");
  });

  it("locates each rule field at the text that wrote it", () => {
    const doc = parseOk(NEW_NSG);
    expect(textAt(NEW_NSG, doc.locate(["NSG-FrontEnd", 1, "destinationPortRange"]))).toBe("80");
    expect(textAt(NEW_NSG, doc.locate(["NSG-FrontEnd", 0, "sourceAddressPrefix"]))).toBe("Internet");
    expect(textAt(NEW_NSG, doc.locate(["NSG-FrontEnd", 0, "priority"]))).toBe("100");
  });
});

describe("PowerShell reader: the language", () => {
  it("is case-insensitive, takes unique prefixes and -Param:value, arrays with , and @( )", () => {
    const script = `<# a block
comment #>
$r = new-aznetworksecurityruleconfig -name 'It''s web' -acc allow -prot TCP -dir inbound -prio:200 \`
  -SourceAddressPrefix @('10.0.1.0/24',
    "10.0.2.0/24") -SourcePortRange * -DestinationAddressPrefix:10.0.3.4 -DestinationPortRange 80, 443 # comment
$rg = "TestRG"
New-AzNetworkSecurityGroup -Name nsg1 -ResourceGroupName $rg -Location "westus" -SecurityRules @($r)
`;
    const doc = parseOk(script);
    expect(rulesOf(doc, "nsg1")).toEqual([
      {
        name: "It's web",
        priority: 200,
        direction: "Inbound",
        access: "Allow",
        protocol: "Tcp",
        sourceAddressPrefixes: ["10.0.1.0/24", "10.0.2.0/24"],
        sourcePortRange: "*",
        destinationAddressPrefix: "10.0.3.4",
        destinationPortRanges: ["80", "443"],
      },
    ]);
    expect(textAt(script, doc.locate(["nsg1", 0, "destinationPortRanges", 1]))).toBe("443");
  });

  it("interpolates $var and $($var) in double quotes, not in single quotes", () => {
    const doc = parseOk(`$n = "web"
$r = New-AzNetworkSecurityRuleConfig -Name "$n-$($n)" -Description '$n' -Priority 100
New-AzNetworkSecurityGroup -Name nsg1 -ResourceGroupName rg -Location westus -SecurityRules $r`);
    expect(rulesOf(doc, "nsg1")).toEqual([{ name: "web-web", priority: 100, description: "$n" }]);
  });

  it("takes typographic quotes as quotes, as PowerShell does (text pasted from a word processor)", () => {
    // about_Quoting_Rules: smart quotation marks are normal quotation marks for strings; two in a
    // row inside a single-quoted string are one (the second).
    const doc =
      parseOk(`$r = New-AzNetworkSecurityRuleConfig -Name \u2018web\u2019 -Description 'it\u2019\u2019s ''ok''' -Priority \u201C100\u201D
New-AzNetworkSecurityGroup -Name nsg1 -ResourceGroupName rg -Location westus -SecurityRules $r`);
    expect(rulesOf(doc, "nsg1")).toEqual([{ name: "web", priority: 100, description: "it\u2019s 'ok'" }]);
    expect(errorsOf("New-AzNetworkSecurityRuleConfig -Name \u2018web")[0]).toMatchObject({
      code: "unterminated-quote",
      message: "this \u2018 is never closed",
    });
  });

  it("Remove-AzNetworkSecurityRuleConfig takes the NSG by parameter; a missing rule is a warning", () => {
    const doc = parseOk(`$nsg = Get-AzNetworkSecurityGroup -Name NSG-FrontEnd -ResourceGroupName TestRG
Remove-AzNetworkSecurityRuleConfig -Name RDP-RULE -NetworkSecurityGroup $nsg
Remove-AzNetworkSecurityRuleConfig -Name nope -NetworkSecurityGroup $nsg
Set-AzNetworkSecurityGroup -NetworkSecurityGroup $nsg`);
    expect(doc.nsgs).toEqual([{ name: "NSG-FrontEnd", rules: [], created: false }]);
    expect(doc.warnings.map((w) => [w.code, w.severity])).toEqual([["rule-not-found", "warning"]]);
  });

  it("ASGs as objects (Get-AzApplicationSecurityGroup) or as IDs", () => {
    const id = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/applicationSecurityGroups/db";
    const doc = parseOk(`$web = Get-AzApplicationSecurityGroup -Name web -ResourceGroupName rg
$r = New-AzNetworkSecurityRuleConfig -Name asg -Priority 100 -SourceApplicationSecurityGroup $web \`
  -DestinationApplicationSecurityGroupId "${id}"
New-AzNetworkSecurityGroup -Name nsg1 -ResourceGroupName rg -Location westus -SecurityRules $r`);
    expect(rulesOf(doc, "nsg1")).toEqual([
      {
        name: "asg",
        priority: 100,
        sourceApplicationSecurityGroups: [
          {
            id: "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network/applicationSecurityGroups/web",
          },
        ],
        destinationApplicationSecurityGroups: [{ id }],
      },
    ]);
  });

  it("a Get-AzNetworkSecurityGroup that changes nothing is noted", () => {
    const doc = parseOk(`Get-AzNetworkSecurityGroup -Name nsg1 -ResourceGroupName rg1\nWrite-Host "done"`);
    expect(doc.warnings.map((w) => w.code)).toEqual(["cmdlet-noted", "cmdlet-noted"]);
  });
});

describe("PowerShell reader: errors, each located", () => {
  const cases: [string, string, string, string][] = [
    ["unknown cmdlet", "Remove-AzVirtualNetwork -Name v", "unsupported-cmdlet", "Remove-AzVirtualNetwork"],
    ["ambiguous prefix", "New-AzNetworkSecurityRuleConfig -Name r -Dest 80", "ambiguous-argument", "-Dest"],
    ["unknown parameter", "New-AzNetworkSecurityRuleConfig -Name r -Port 80", "unknown-argument", "-Port"],
    [
      "missing value",
      "New-AzNetworkSecurityRuleConfig -Name r -Priority",
      "missing-argument-value",
      "-Priority",
    ],
    [
      "bad priority",
      "New-AzNetworkSecurityRuleConfig -Name r -Priority high",
      "invalid-argument-value",
      "high",
    ],
    [
      "bad access",
      "New-AzNetworkSecurityRuleConfig -Name r -Access Permit",
      "invalid-argument-value",
      "Permit",
    ],
    [
      "unset variable",
      "New-AzNetworkSecurityGroup -Name n -ResourceGroupName g -Location l -SecurityRules $nope",
      "unset-variable",
      "$nope",
    ],
    ["unclosed quote", 'New-AzNetworkSecurityRuleConfig -Name "r', "unterminated-quote", '"'],
    [
      "spaces after a backtick",
      "New-AzNetworkSecurityRuleConfig -Name r ` \n -Priority 1",
      "broken-line-continuation",
      "` ",
    ],
    ["positional value", "New-AzNetworkSecurityRuleConfig r", "unknown-argument", "r"],
    [
      "a property NSG Lab does not model",
      "$n = Get-AzNetworkSecurityGroup -Name nsg1\nRemove-AzNetworkSecurityRuleConfig -Name $n.Etag -NetworkSecurityGroup $n",
      "unsupported-powershell-syntax",
      "$n.Etag",
    ],
    [
      "no -Name",
      "New-AzNetworkSecurityRuleConfig -Priority 100",
      "missing-argument",
      "New-AzNetworkSecurityRuleConfig -Priority 100",
    ],
    ["unknown NSG", "Get-AzNetworkSecurityGroup -Name ghost -ResourceGroupName g", "unknown-nsg", "ghost"],
    [
      "locked NSG",
      "New-AzNetworkSecurityGroup -Name nsg-locked -ResourceGroupName g -Location l",
      "not-editable-nsg",
      "nsg-locked",
    ],
    [
      "save a locked NSG",
      "Get-AzNetworkSecurityGroup -Name nsg-locked -ResourceGroupName g | Set-AzNetworkSecurityGroup",
      "not-editable-nsg",
      "nsg-locked",
    ],
    [
      "add a rule twice",
      "$n = Get-AzNetworkSecurityGroup -Name NSG-FrontEnd -ResourceGroupName g\n$n | Add-AzNetworkSecurityRuleConfig -Name rdp-rule -Priority 1",
      "duplicate-rule-name",
      "rdp-rule",
    ],
    [
      "set a missing rule",
      "$n = Get-AzNetworkSecurityGroup -Name nsg1 -ResourceGroupName g\nSet-AzNetworkSecurityRuleConfig -Name x -NetworkSecurityGroup $n",
      "rule-not-found",
      "x",
    ],
    ["control flow", "if ($x) { Write-Host 'x' }", "unsupported-powershell-syntax", "if"],
  ];
  for (const [what, script, code, at] of cases)
    it(`${what}: ${code}`, () => {
      const errors = errorsOf(script);
      expect(errors.map((e) => e.code)).toContain(code);
      const e = errors.find((x) => x.code === code)!;
      expect(e.span).toBeDefined();
      if (at) expect(textAt(script, e.span)).toBe(at);
    });

  it("an unknown cmdlet's error says what is supported, and what a typo was meant to be", () => {
    const [e] = errorsOf("Invoke-Thing");
    expect(e!.message).toMatch(
      /^"Invoke-Thing" is not a cmdlet NSG Lab runs\. It runs .*AzNetworkSecurityRuleConfig.*Set-AzNetworkSecurityGroup/,
    );
    const [typo] = errorsOf("Get-AzNetworkSecurityGroups -Name nsg1");
    expect(typo!.message).toMatch(/Did you mean Get-AzNetworkSecurityGroup\?/);
  });

  it("never throws, and caps what it lists", () => {
    expect(parsePowerShell(undefined as unknown as string, EXERCISE).ok).toBe(true);
    const result = parsePowerShell("foo\n".repeat(5000), EXERCISE);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.length).toBe(201);
  });
});
