/**
 * The cmdlets that build a network (New-AzVirtualNetworkSubnetConfig, New-AzVirtualNetwork,
 * New-AzPublicIpAddress, New-AzNetworkInterface, New-AzVMConfig … New-AzVM), on the examples of
 * their Learn reference pages, built into a topology by the grader's NetworkBuilder.
 */
import { describe, expect, it } from "vitest";
import type { AzCliOptions } from "../../src/lib/formats/azcli/index.ts";
import type { RuleDocument } from "../../src/lib/formats/rule-document.ts";
import { applyDocument } from "../../src/lib/grader/apply-rules.ts";
import { exerciseSchema } from "../../src/lib/grader/exercise-schema.ts";
import { decidedByHolds } from "../../src/lib/grader/trace.ts";
import { createEvaluator } from "../../src/lib/nsg/index.ts";
import type { Topology } from "../../src/lib/nsg/topology-schema.ts";
import { errorsOf, expectError, parseOk, textAt, warningsOf } from "./powershell-harness.ts";

const PLAYGROUND: AzCliOptions = { editable: [], buildNetwork: true };

const EMPTY = exerciseSchema.parse({
  id: "empty",
  title: "An empty subscription",
  kind: "predict",
  topology: {},
  expectations: [
    {
      name: "unused",
      flow: { from: "198.51.100.1", to: "198.51.100.2", protocol: "Tcp", port: 80 },
      expect: "deny",
    },
  ],
});

function built(doc: RuleDocument): Topology {
  const applied = applyDocument(EMPTY, doc);
  if (!applied.ok) throw new Error(applied.errors.map((e) => `${e.code}: ${e.message}`).join("\n"));
  return applied.value.topology;
}

// learn.microsoft.com/powershell/module/az.compute/new-azvm, Example 3 ("Create a VM from a
// marketplace image without a Public IP"), with a password in place of its <password>.
const NEW_VM_EXAMPLE_3 = `$VMLocalAdminUser = "LocalAdminUser"
$VMLocalAdminSecurePassword = ConvertTo-SecureString "P@ssw0rd" -AsPlainText -Force
$LocationName = "westus"
$ResourceGroupName = "MyResourceGroup"
$ComputerName = "MyVM"
$VMName = "MyVM"
$VMSize = "Standard_DS3"

$NetworkName = "MyNet"
$NICName = "MyNIC"
$SubnetName = "MySubnet"
$SubnetAddressPrefix = "10.0.0.0/24"
$VnetAddressPrefix = "10.0.0.0/16"

$SingleSubnet = New-AzVirtualNetworkSubnetConfig -Name $SubnetName -AddressPrefix $SubnetAddressPrefix
$Vnet = New-AzVirtualNetwork -Name $NetworkName -ResourceGroupName $ResourceGroupName -Location $LocationName -AddressPrefix $VnetAddressPrefix -Subnet $SingleSubnet
$NIC = New-AzNetworkInterface -Name $NICName -ResourceGroupName $ResourceGroupName -Location $LocationName -SubnetId $Vnet.Subnets[0].Id

$Credential = New-Object System.Management.Automation.PSCredential ($VMLocalAdminUser, $VMLocalAdminSecurePassword);

$VirtualMachine = New-AzVMConfig -VMName $VMName -VMSize $VMSize
$VirtualMachine = Set-AzVMOperatingSystem -VM $VirtualMachine -Windows -ComputerName $ComputerName -Credential $Credential -ProvisionVMAgent -EnableAutoUpdate
$VirtualMachine = Add-AzVMNetworkInterface -VM $VirtualMachine -Id $NIC.Id
$VirtualMachine = Set-AzVMSourceImage -VM $VirtualMachine -PublisherName 'MicrosoftWindowsServer' -Offer 'WindowsServer' -Skus '2012-R2-Datacenter' -Version latest

New-AzVM -ResourceGroupName $ResourceGroupName -Location $LocationName -VM $VirtualMachine -Verbose
`;

// learn.microsoft.com/powershell/module/az.compute/new-azvm, Example 1 ("Create a virtual machine").
const NEW_VM_EXAMPLE_1 = "New-AzVM -Name MyVm -Credential (Get-Credential)";

describe("building a network", () => {
  it("runs New-AzVM's Example 3: a VNet from a subnet config, a NIC on its first subnet, a VM on the NIC", () => {
    const doc = parseOk(NEW_VM_EXAMPLE_3, PLAYGROUND);
    expect(doc.network.map((c) => c.kind)).toEqual(["vnet", "nic", "vm"]);
    expect(doc.network[0]).toMatchObject({
      name: "MyNet",
      addressSpace: ["10.0.0.0/16"],
      subnets: [{ name: "MySubnet", addressPrefix: "10.0.0.0/24" }],
    });
    expect(textAt(NEW_VM_EXAMPLE_3, (doc.network[1] as { spans?: { subnet?: never } }).spans?.subnet)).toBe(
      "$Vnet.Subnets[0].Id",
    );
    const topology = built(doc);
    expect(topology.vms).toEqual([
      { name: "MyVM", nics: [{ name: "MyNIC", subnet: "MyNet/MySubnet", privateIp: "10.0.0.4", asgs: [] }] },
    ]);
    expect(warningsOf(NEW_VM_EXAMPLE_3, doc).map(([code, at]) => [code, at?.split(" ")[0]])).toEqual([
      ["cmdlet-noted", "ConvertTo-SecureString"],
      ["cmdlet-noted", "New-Object"],
    ]);
  });

  it("runs New-AzVM's Example 1: the simple parameter set creates everything, named after the VM", () => {
    const doc = parseOk(NEW_VM_EXAMPLE_1, PLAYGROUND);
    // Windows (the default image, Win2016Datacenter) opens 3389 and 5985.
    expect(doc.nsgs).toEqual([
      {
        name: "MyVm",
        created: true,
        rules: [3389, 5985].map((port, i) => ({
          name: `MyVm${port}`,
          priority: 1000 + i,
          direction: "Inbound",
          access: "Allow",
          protocol: "Tcp",
          sourceAddressPrefix: "*",
          sourcePortRange: "*",
          destinationAddressPrefix: "*",
          destinationPortRange: String(port),
        })),
      },
    ]);
    const topology = built(doc);
    expect(
      topology.vnets.map((v) => [v.name, v.addressSpace, v.subnets.map((s) => [s.name, s.addressPrefix])]),
    ).toEqual([["MyVm", ["192.168.0.0/16"], [["MyVm", "192.168.1.0/24"]]]]);
    const nic = topology.vms[0]!.nics[0]!;
    expect(nic).toMatchObject({ name: "MyVm", subnet: "MyVm/MyVm", privateIp: "192.168.1.4", nsg: "MyVm" });
    const evaluator = createEvaluator(topology);
    if (!evaluator.ok) throw new Error(evaluator.errors[0]!.message);
    const rdp = evaluator.value.evaluate({
      from: "52.168.10.20",
      to: nic.publicIp!,
      protocol: "Tcp",
      port: 3389,
    });
    const ssh = evaluator.value.evaluate({
      from: "52.168.10.20",
      to: nic.publicIp!,
      protocol: "Tcp",
      port: 22,
    });
    if (!rdp.ok || !ssh.ok) throw new Error("flows did not evaluate");
    expect([rdp.value.access, decidedByHolds(rdp.value, "MyVm3389")]).toEqual(["Allow", true]);
    expect([ssh.value.access, decidedByHolds(ssh.value, "DenyAllInBound")]).toEqual(["Deny", true]);
  });

  it("the simple set opens -OpenPorts, 22 for Linux images, and reuses a VNet and subnet that exist", () => {
    const script = `${NEW_VM_EXAMPLE_1}
New-AzVM -Name web -Image Ubuntu2204 -VirtualNetworkName MyVm -SubnetName MyVm -Credential $null
New-AzVM -Name api -OpenPorts 80,443 -VirtualNetworkName MyVm -SubnetName api -SubnetAddressPrefix 192.168.2.0/24 -PublicIpAddressName api-ip`;
    const doc = parseOk(script, PLAYGROUND);
    expect(doc.nsgs.map((n) => [n.name, n.rules.map((r) => (r as { name: string }).name)])).toEqual([
      ["MyVm", ["MyVm3389", "MyVm5985"]],
      ["web", ["web22"]],
      ["api", ["api80", "api443"]],
    ]);
    const topology = built(doc);
    expect(topology.vnets.map((v) => v.subnets.map((s) => s.name))).toEqual([["MyVm", "api"]]);
    expect(topology.vms.map((v) => [v.name, v.nics[0]!.subnet, v.nics[0]!.privateIp])).toEqual([
      ["MyVm", "MyVm/MyVm", "192.168.1.4"],
      ["web", "MyVm/MyVm", "192.168.1.5"],
      ["api", "MyVm/api", "192.168.2.4"],
    ]);
    // A port rule is located at the port that asked for it.
    expect(textAt(script, doc.locate(["api", 1, "destinationPortRange"]))).toBe("443");
  });

  it("in an exercise, New-AzVM is noted and not run", () => {
    const doc = parseOk(NEW_VM_EXAMPLE_1);
    expect(doc.network).toEqual([]);
    expect(doc.nsgs).toEqual([]);
    expect(warningsOf(NEW_VM_EXAMPLE_1, doc).map(([code]) => code)).toEqual([
      "exercise-network-fixed",
      "cmdlet-noted",
    ]);
  });

  it("reports Set-AzVirtualNetworkSubnetConfig's Example 2 as published: its lines do not continue", () => {
    // learn.microsoft.com/powershell/module/az.network/set-azvirtualnetworksubnetconfig,
    // Example 2: the commands are broken over lines without backticks, so PowerShell runs
    // "-Location centralus …" as a command of its own.
    const script = `New-AzResourceGroup -Name TestResourceGroup -Location centralus

$frontendSubnet = New-AzVirtualNetworkSubnetConfig -Name frontendSubnet -AddressPrefix "10.0.1.0/24"

$virtualNetwork = New-AzVirtualNetwork -Name MyVirtualNetwork -ResourceGroupName TestResourceGroup
    -Location centralus -AddressPrefix "10.0.0.0/16" -Subnet $frontendSubnet
`;
    const errors = errorsOf(script, PLAYGROUND);
    const line = "New-AzVirtualNetwork -Name MyVirtualNetwork -ResourceGroupName TestResourceGroup";
    expect(errors.map((e) => [e.code, textAt(script, e.span)])).toEqual([
      ["missing-argument", line],
      ["missing-argument", line],
      ["unsupported-powershell-syntax", "-"],
    ]);
    expect(errors.slice(0, 2).map((e) => e.message)).toEqual([
      "New-AzVirtualNetwork: the mandatory parameter -Location is missing",
      "New-AzVirtualNetwork: the mandatory parameter -AddressPrefix is missing",
    ]);
  });

  describe("errors, each located", () => {
    const VNET = `$v = New-AzVirtualNetwork -Name v -ResourceGroupName g -Location l -AddressPrefix 10.0.0.0/16 -Subnet (New-AzVirtualNetworkSubnetConfig -Name s -AddressPrefix 10.0.1.0/24)\n`;
    it("a NIC without a subnet", () => {
      expectError(
        `${VNET}New-AzNetworkInterface -Name n -ResourceGroupName g -Location l`,
        "missing-argument",
        "New-AzNetworkInterface -Name n -ResourceGroupName g -Location l",
        PLAYGROUND,
      );
    });
    it("a subnet ID that is not one", () => {
      expectError(
        `${VNET}New-AzNetworkInterface -Name n -ResourceGroupName g -Location l -SubnetId $v.Id`,
        "invalid-argument-value",
        "$v.Id",
        PLAYGROUND,
      );
    });
    it("a subnet config that is in no VNet", () => {
      expectError(
        `$s = New-AzVirtualNetworkSubnetConfig -Name s -AddressPrefix 10.0.1.0/24\nNew-AzNetworkInterface -Name n -ResourceGroupName g -Location l -Subnet $s`,
        "invalid-argument-value",
        "$s",
        PLAYGROUND,
      );
    });
    it("a subnet with two prefixes, which NSG Lab does not model", () => {
      expectError(
        `$s = New-AzVirtualNetworkSubnetConfig -Name s -AddressPrefix 10.0.1.0/24, 10.0.2.0/24\nNew-AzVirtualNetwork -Name v -ResourceGroupName g -Location l -AddressPrefix 10.0.0.0/16 -Subnet $s`,
        "unmodelled-network-change",
        "10.0.1.0/24, 10.0.2.0/24",
        PLAYGROUND,
      );
    });
    it("a VM configuration without a NIC", () => {
      expectError(
        "$c = New-AzVMConfig -VMName vm -VMSize Standard_B1s\nNew-AzVM -ResourceGroupName g -Location l -VM $c",
        "missing-argument",
        "New-AzVM -ResourceGroupName g -Location l -VM $c",
        PLAYGROUND,
      );
    });
    it("both parameter sets of New-AzVM", () => {
      expectError(
        "$c = New-AzVMConfig -VMName vm -VMSize s\nNew-AzVM -Name vm -VM $c",
        "conflicting-arguments",
        "New-AzVM -Name vm -VM $c",
        PLAYGROUND,
      );
    });
    it("a port that is not a number", () => {
      expectError("New-AzVM -Name vm -OpenPorts 80, http", "invalid-argument-value", "http", PLAYGROUND);
    });
    it("a NIC on a subnet the network does not have, when the network is built", () => {
      const script = `${VNET}New-AzNetworkInterface -Name n -ResourceGroupName g -Location l -SubnetId /subscriptions/s/resourceGroups/g/providers/Microsoft.Network/virtualNetworks/v/subnets/nope`;
      const applied = applyDocument(EMPTY, parseOk(script, PLAYGROUND));
      expect(applied.ok).toBe(false);
      if (applied.ok) return;
      expect(applied.errors.map((e) => [e.code, textAt(script, e.span)])).toEqual([
        [
          "unknown-subnet",
          "/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/virtualNetworks/v/subnets/nope",
        ],
      ]);
    });
  });
});

describe("Add-AzVirtualNetworkPeering", () => {
  const TWO_VNETS = `$hub = New-AzVirtualNetwork -Name hub -ResourceGroupName g -Location l -AddressPrefix 10.1.0.0/16
$spoke = New-AzVirtualNetwork -Name spoke -ResourceGroupName g -Location l -AddressPrefix 10.2.0.0/16
`;
  it("peers two VNets once each has a peering to the other, as Learn's example does", () => {
    const script = `${TWO_VNETS}Add-AzVirtualNetworkPeering -Name hub-to-spoke -VirtualNetwork $hub -RemoteVirtualNetworkId $spoke.Id
Add-AzVirtualNetworkPeering -Name spoke-to-hub -VirtualNetwork $spoke -RemoteVirtualNetworkId $hub.Id | Out-Null`;
    expect(built(parseOk(script, PLAYGROUND)).vnets.map((v) => [v.name, v.peerings])).toEqual([
      ["hub", ["spoke"]],
      ["spoke", ["hub"]],
    ]);
  });
  it("refuses -BlockVirtualNetworkAccess and an ID that is not a VNet's", () => {
    expectError(
      `${TWO_VNETS}Add-AzVirtualNetworkPeering -Name p -VirtualNetwork $hub -RemoteVirtualNetworkId $spoke.Id -BlockVirtualNetworkAccess`,
      "unsupported-argument",
      "-BlockVirtualNetworkAccess",
      PLAYGROUND,
    );
    expectError(
      `${TWO_VNETS}Add-AzVirtualNetworkPeering -Name p -VirtualNetwork $hub -RemoteVirtualNetworkId 'spoke'`,
      "invalid-resource-id",
      "'spoke'",
      PLAYGROUND,
    );
  });
});
