/**
 * What a PowerShell script runs around the network: `try { } finally { }` for its clean-up
 * (about_Try_Catch_Finally: the finally block runs however the try block ends),
 * New-/Remove-AzResourceGroup, Get-AzVM, Test-AzNetworkWatcherIPFlow (its Learn reference's
 * parameter sets), Set-/Add-Content and Get-Random.
 */
import { describe, expect, it } from "vitest";
import type { AzCliOptions } from "../../src/lib/formats/azcli/index.ts";
import { parsePowerShell } from "../../src/lib/formats/powershell/index.ts";
import { errorsOf, expectError, parseOk, SCENARIO, textAt, warningsOf } from "./powershell-harness.ts";

const steps = (script: string, options: AzCliOptions = SCENARIO) =>
  parseOk(script, options).azure.map((s) => ({
    group: s.kind === "resource-group" ? `${s.action} ${s.name}` : `test ${s.direction} ${s.vm}`,
    at: textAt(script, s.span)?.trim(),
    cleanup: s.cleanup && textAt(script, s.cleanup.armedAt),
  }));

describe("try { } finally { }", () => {
  const SCRIPT = `$rg = 'rg-lab'
New-AzResourceGroup -Name $rg -Location eastus
try {
    $nsg = New-AzNetworkSecurityGroup -Name nsg-new -ResourceGroupName $rg -Location eastus
}
finally {
    Remove-AzResourceGroup -Name $rg -Force -AsJob | Out-Null
}`;

  it("runs the try block, then the finally block as the script's clean-up", () => {
    expect(parseOk(SCRIPT).nsgs.map((n) => n.name)).toEqual(["nsg-new"]);
    expect(steps(SCRIPT)).toEqual([
      { group: "create rg-lab", at: "New-AzResourceGroup -Name $rg -Location eastus", cleanup: undefined },
      { group: "delete rg-lab", at: "Remove-AzResourceGroup -Name $rg -Force -AsJob", cleanup: "try" },
    ]);
    expect(warningsOf(SCRIPT, parseOk(SCRIPT)).map(([code, at]) => `${code} ${at}`)).toEqual([
      "cmdlet-noted New-AzResourceGroup",
      "cmdlet-noted Remove-AzResourceGroup",
    ]);
  });

  it("reads on after a statement with an error inside a block, as at the top of the script", () => {
    const script = `try {
    New-AzThing -Name x
    $nsg = New-AzNetworkSecurityGroup -Name nsg-new -ResourceGroupName g -Location l
    Get-Nope )
} finally { Write-Host done }`;
    const result = parsePowerShell(script, SCENARIO);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(
      result.errors.filter((e) => e.severity !== "warning").map((e) => [e.code, textAt(script, e.span)]),
    ).toEqual([
      ["unsupported-cmdlet", "New-AzThing"],
      ["unsupported-powershell-syntax", ")"],
    ]);
  });

  it("refuses a try without finally, a catch block, and a stray finally, each where it is written", () => {
    expectError("try { Write-Host a }\nWrite-Host b", "unsupported-powershell-syntax", "try");
    expectError("try { Write-Host a } catch { Write-Host b }", "unsupported-powershell-syntax", "catch");
    expectError("finally { Write-Host a }", "unsupported-powershell-syntax", "finally");
    expectError("try Write-Host a", "unsupported-powershell-syntax", "W");
  });

  it("gives a located error for a block never closed or nested thousands deep, not a stall", () => {
    expectError("try {\n  Write-Host a\n", "unsupported-powershell-syntax", "{");
    const deep = `${"try { ".repeat(3000)}${"} finally { }".repeat(3000)}`;
    expect(errorsOf(deep).map((e) => e.code)).toEqual(["nesting-too-deep"]);
  });
});

const PLAYGROUND: AzCliOptions = { editable: [], buildNetwork: true };
const VM = `$subnet = New-AzVirtualNetworkSubnetConfig -Name s -AddressPrefix 10.0.1.0/24
$vnet = New-AzVirtualNetwork -Name v -ResourceGroupName g -Location l -AddressPrefix 10.0.0.0/16 -Subnet $subnet
$nic = New-AzNetworkInterface -Name nic1 -ResourceGroupName g -Location l -SubnetId $vnet.Subnets[0].Id -PrivateIpAddress 10.0.1.4
$c = New-AzVMConfig -VMName vm1 -VMSize Standard_B1ls
$c = Add-AzVMNetworkInterface -VM $c -Id $nic.Id
New-AzVM -ResourceGroupName g -Location l -VM $c
`;
const FLOW =
  "-Direction Inbound -Protocol TCP -LocalIPAddress 10.0.1.4 -LocalPort 22 -RemoteIPAddress 203.0.113.9 -RemotePort 50000";

describe("Test-AzNetworkWatcherIPFlow", () => {
  it("records the test at the VM Get-AzVM names, and its answer is unknown until Azure runs it", () => {
    const script = `${VM}$answer = Test-AzNetworkWatcherIPFlow -Location l -TargetVirtualMachineId (Get-AzVM -ResourceGroupName g -Name vm1).Id -TargetNetworkInterfaceId $nic.Id ${FLOW}
Add-Content -Path out.jsonl -Value ('{"access":"' + $answer.Access + '","ruleName":"' + $answer.RuleName + '"}')`;
    const doc = parseOk(script, PLAYGROUND);
    expect(doc.azure.map(({ span: _, ...s }) => s)).toEqual([
      {
        kind: "ip-flow-verify",
        vm: "vm1",
        nic: "nic1",
        direction: "Inbound",
        protocol: "TCP",
        local: { ip: "10.0.1.4", port: "22" },
        remote: { ip: "203.0.113.9", port: "50000" },
      },
    ]);
    expect(warningsOf(script, doc).map(([code, at]) => `${code} ${at}`)).toEqual([
      "cmdlet-noted Test-AzNetworkWatcherIPFlow",
      "cmdlet-noted Add-Content",
    ]);
  });

  it("checks the VM, its NIC, the values and that a Network Watcher is named", () => {
    const vmId = "(Get-AzVM -ResourceGroupName g -Name vm1).Id";
    expectError(
      `${VM}Test-AzNetworkWatcherIPFlow -Location l -TargetVirtualMachineId (Get-AzVM -Name vm9).Id ${FLOW}`,
      "vm-not-found",
      "vm9",
      PLAYGROUND,
    );
    expectError(
      `${VM}Test-AzNetworkWatcherIPFlow -TargetVirtualMachineId ${vmId} ${FLOW}`,
      "missing-argument",
      `Test-AzNetworkWatcherIPFlow -TargetVirtualMachineId ${vmId} ${FLOW}`,
      PLAYGROUND,
    );
    expectError(
      `${VM}Test-AzNetworkWatcherIPFlow -Location l -TargetVirtualMachineId ${vmId} ${FLOW.replace("Inbound", "Sideways")}`,
      "invalid-argument-value",
      "Sideways",
      PLAYGROUND,
    );
    expectError(
      `${VM}Test-AzNetworkWatcherIPFlow -Location l -TargetVirtualMachineId ${vmId} ${FLOW.replace("-LocalPort 22", "-LocalPort 99999")}`,
      "invalid-argument-value",
      "99999",
      PLAYGROUND,
    );
    expectError(
      `${VM}Test-AzNetworkWatcherIPFlow -Location l -TargetVirtualMachineId ${vmId} -TargetNetworkInterfaceId $vnet.Id ${FLOW}`,
      "unknown-nic",
      "$vnet.Id",
      PLAYGROUND,
    );
  });
});

describe("Get-Random and Set-Content", () => {
  it("read Get-Random as its lowest value, and note a file written", () => {
    const script = `$rg = 'rg-' + (Get-Random)\nSet-Content -Path out.txt -Value $rg\nNew-AzResourceGroup -Name $rg -Location l`;
    expect(steps(script)[0]!.group).toBe("create rg-0");
    expect(
      steps("New-AzResourceGroup -Name ('rg-' + (Get-Random -Minimum 7 -Maximum 9)) -Location l")[0]!.group,
    ).toBe("create rg-7");
    expectError("Set-Content -Value x", "missing-argument", "Set-Content -Value x");
  });
});
