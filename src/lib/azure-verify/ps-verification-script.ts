import { psQuote, ruleLines } from "../formats/export/export-powershell.ts";
import type { Topology } from "../nsg/topology-schema.ts";
import type { IpFlowTest, VerificationPlan } from "./ip-flow-tests.ts";
import {
  commentText,
  planFingerprint,
  RESULTS_FILE,
  scriptLimits,
  VM_SIZE,
  type ScriptTarget,
} from "./script-facts.ts";

/**
 * The Azure PowerShell twin of az-verification-script.ts: builds the scenario in a new resource
 * group with Az.Network and Az.Compute, runs Test-AzNetworkWatcherIPFlow for every testable check,
 * writes the answers to the same JSON Lines file, and removes the resource group in a `finally`
 * block, so a failing step still cleans up. Like its twin it uses only what the project's own
 * PowerShell reader understands, so tests/azure-verify reads it back and checks what it builds.
 */

const q = psQuote;

/** A PowerShell variable name for the i-th resource of a kind: `$nsg1`, `$vnet2`. */
const variable = (kind: string, i: number) => `$${kind}${i + 1}`;

/** A cmdlet with parameters continued by backticks, indented inside the try block. */
const cmdlet = (name: string, params: readonly string[]) => [name, ...params].join(" `\n      ");

function buildCommands(topology: Topology): string[] {
  const out: string[] = [];
  const asgVar = new Map(topology.asgs.map((name, i) => [name, variable("asg", i)]));
  const nsgVar = new Map(topology.nsgs.map((n, i) => [n.name, variable("nsg", i)]));
  const asgOf = (name: string) => asgVar.get(name) ?? "$null";
  topology.asgs.forEach((name) =>
    out.push(
      `${asgOf(name)} = New-AzApplicationSecurityGroup -ResourceGroupName $rg -Location $location -Name ${q(name)}`,
    ),
  );
  topology.nsgs.forEach((nsg) => {
    const create = `${nsgVar.get(nsg.name)!} = New-AzNetworkSecurityGroup -ResourceGroupName $rg -Location $location -Name ${q(nsg.name)}`;
    if (nsg.securityRules.length === 0) {
      out.push(create);
      return;
    }
    out.push("$rules = @()");
    for (const rule of nsg.securityRules)
      out.push(`$rules += ${cmdlet("New-AzNetworkSecurityRuleConfig", ruleLines(rule, asgOf))}`);
    out.push(`${create} -SecurityRules $rules`);
  });
  const vnetVar = new Map(topology.vnets.map((v, i) => [v.name, variable("vnet", i)]));
  topology.vnets.forEach((vnet) => {
    out.push("$subnets = @()");
    for (const subnet of vnet.subnets)
      out.push(
        `$subnets += New-AzVirtualNetworkSubnetConfig -Name ${q(subnet.name)} -AddressPrefix ${q(subnet.addressPrefix)}${subnet.nsg ? ` -NetworkSecurityGroup ${nsgVar.get(subnet.nsg)!}` : ""}`,
      );
    out.push(
      cmdlet(`${vnetVar.get(vnet.name)!} = New-AzVirtualNetwork`, [
        "-ResourceGroupName $rg -Location $location",
        `-Name ${q(vnet.name)} -AddressPrefix ${vnet.addressSpace.map(q).join(", ")}`,
        "-Subnet $subnets",
      ]),
    );
  });
  for (const vnet of topology.vnets)
    for (const peer of vnet.peerings)
      out.push(
        `Add-AzVirtualNetworkPeering -Name ${q(`${vnet.name}-to-${peer}`)} -VirtualNetwork ${vnetVar.get(vnet.name)!} -RemoteVirtualNetworkId ${vnetVar.get(peer) ?? "$null"}.Id | Out-Null`,
      );
  // VMs need an admin credential; nobody signs in to these, so it is random and never shown.
  out.push(
    "$password = ConvertTo-SecureString ((New-Guid).Guid + 'Aa1!') -AsPlainText -Force",
    "$credential = New-Object System.Management.Automation.PSCredential ('azureuser', $password)",
  );
  let nicIndex = 0;
  topology.vms.forEach((vm) => {
    const nics: string[] = [];
    for (const nic of vm.nics) {
      const [vnetName, subnetName] = nic.subnet.includes("/")
        ? (nic.subnet.split("/", 2) as [string, string])
        : [topology.vnets.find((v) => v.subnets.some((s) => s.name === nic.subnet))?.name ?? "", nic.subnet];
      const nicVar = variable("nic", nicIndex++);
      nics.push(nicVar);
      if (nic.publicIp)
        out.push(
          `$pip = New-AzPublicIpAddress -ResourceGroupName $rg -Location $location -Name ${q(`${nic.name}-pip`)} -Sku Standard -AllocationMethod Static`,
        );
      out.push(
        cmdlet(`${nicVar} = New-AzNetworkInterface`, [
          `-ResourceGroupName $rg -Location $location -Name ${q(nic.name)}`,
          `-SubnetId (${vnetVar.get(vnetName) ?? "$null"}.Subnets | Where-Object Name -eq ${q(subnetName)}).Id`,
          `-PrivateIpAddress ${q(nic.privateIp)}`,
          ...(nic.nsg ? [`-NetworkSecurityGroupId ${nsgVar.get(nic.nsg)!}.Id`] : []),
          ...(nic.asgs.length > 0
            ? [`-ApplicationSecurityGroupId ${nic.asgs.map((a) => `${asgOf(a)}.Id`).join(", ")}`]
            : []),
          ...(nic.publicIp ? ["-PublicIpAddressId $pip.Id"] : []),
        ]),
      );
    }
    out.push(
      `$vmConfig = New-AzVMConfig -VMName ${q(vm.name)} -VMSize $size`,
      `$vmConfig = Set-AzVMOperatingSystem -VM $vmConfig -Linux -ComputerName ${q(computerName(vm.name))} -Credential $credential`,
      "$vmConfig = Set-AzVMSourceImage -VM $vmConfig -PublisherName 'Canonical' -Offer '0001-com-ubuntu-server-jammy' -Skus '22_04-lts-gen2' -Version 'latest'",
      ...nics.map(
        (n, i) =>
          `$vmConfig = Add-AzVMNetworkInterface -VM $vmConfig -Id ${n}.Id${i === 0 ? " -Primary" : ""}`,
      ),
      "$vmConfig = Set-AzVMBootDiagnostic -VM $vmConfig -Disable",
      "New-AzVM -ResourceGroupName $rg -Location $location -VM $vmConfig | Out-Null",
    );
  });
  return out;
}

/** A Linux computer name: letters, digits and dashes, at most 64 characters. */
const computerName = (vm: string) => vm.replace(/[^A-Za-z0-9-]/g, "-").slice(0, 64) || "vm";

/** "10.0.3.4:21" → ["10.0.3.4", "21"]; "[2001:db8::4]:443" → ["2001:db8::4", "443"]. */
function split(endpoint: string): [string, string] {
  const at = endpoint.lastIndexOf(":");
  return [endpoint.slice(0, at).replace(/^\[|\]$/g, ""), endpoint.slice(at + 1)];
}

function testCommands(tests: readonly IpFlowTest[]): string[] {
  return tests.flatMap((t) => {
    const [localIp, localPort] = split(t.local);
    const [remoteIp, remotePort] = split(t.remote);
    return [
      `Write-Host ${q(`Test ${t.id}: ${t.check} (${t.direction.toLowerCase()} at ${t.vm})`)}`,
      cmdlet("$answer = Test-AzNetworkWatcherIPFlow", [
        "-Location $location",
        `-TargetVirtualMachineId (Get-AzVM -ResourceGroupName $rg -Name ${q(t.vm)}).Id`,
        `-TargetNetworkInterfaceId (Get-AzNetworkInterface -ResourceGroupName $rg -Name ${q(t.nic)}).Id`,
        `-Direction ${t.direction} -Protocol ${t.protocol}`,
        `-LocalIPAddress ${q(localIp)} -LocalPort ${q(localPort)}`,
        `-RemoteIPAddress ${q(remoteIp)} -RemotePort ${q(remotePort)}`,
      ]),
      // One JSON line by hand: the test id is `<n>-in`/`<n>-out` and Azure's rule names have no
      // quotes or backslashes (letters, digits, `_`, `.`, `-` and the `securityRules/` prefix).
      `Add-Content -Path $out -Value ('{"test":"${t.id}","result":{"access":"' + $answer.Access + '","ruleName":"' + $answer.RuleName + '"}}')`,
    ];
  });
}

export function psVerificationScript(target: ScriptTarget, plan: VerificationPlan): string {
  const header = JSON.stringify({
    nsgLab: "ip-flow-verify",
    exercise: target.id,
    plan: planFingerprint(target, plan),
  });
  const indent = (lines: readonly string[]) => lines.map((l) => (l ? `    ${l}` : l));
  return `${[
    `# NSG Lab: check "${commentText(target.title)}" on your own Azure subscription (Azure PowerShell).`,
    ...scriptLimits(target, plan).map((line) => (line ? `# ${line}` : "#")),
    "# Needs the Az modules and Connect-AzAccount first.",
    "",
    "$ErrorActionPreference = 'Stop'",
    "$rg = 'nsglab-verify-' + (Get-Random)",
    "$location = 'eastus'",
    `$size = ${q(VM_SIZE)}`,
    `$out = ${q(RESULTS_FILE)}`,
    "",
    "New-AzResourceGroup -Name $rg -Location $location | Out-Null",
    "try {",
    `    Set-Content -Path $out -Value ${q(header)}`,
    "",
    "    # The scenario's resources",
    ...indent(buildCommands(target.topology)),
    "",
    "    # IP flow verify, one test per NIC and direction each check crosses",
    ...indent(testCommands(plan.tests)),
    '    Write-Host "Azure\'s answers are in $out: give the file to NSG Lab to compare them with the simulator."',
    "}",
    "finally {",
    "    # Delete everything this script made, also when a step failed.",
    '    Write-Host "Deleting resource group $rg"',
    "    Remove-AzResourceGroup -Name $rg -Force -AsJob | Out-Null",
    "}",
  ].join("\n")}\n`;
}
