/**
 * NSG associations in Azure PowerShell: a subnet's through its VNet object (Get-AzVirtualNetwork,
 * Set-AzVirtualNetworkSubnetConfig, Set-AzVirtualNetwork) and a NIC's through its own object
 * (Get-AzNetworkInterface, `$nic.NetworkSecurityGroup = …`, Set-AzNetworkInterface). Examples
 * come from Learn; each association happens only when the object is saved.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  associationsOf,
  errorsOf,
  expectError,
  parseOk,
  SCENARIO,
  textAt,
  warningsOf,
} from "./powershell-harness.ts";

const TUTORIAL = readFileSync(
  new URL("./fixtures/powershell-tutorials/ps-tutorial-filter-traffic-tabs.ps1", import.meta.url),
  "utf8",
);
/** The tutorial's "Associate network security group to subnet" block (see the fixture's header). */
const ASSOCIATE_SUBNET = TUTORIAL.slice(
  TUTORIAL.indexOf("# Retrieve the virtual network"),
  TUTORIAL.indexOf("$webAsgParams"),
);

// learn.microsoft.com/powershell/module/az.network/set-aznetworkinterface, Example 5
// ("Associate/Dissociate a Network Security Group to a network interface"), with the
// scenario's names for the NIC and NSG.
const NIC_EXAMPLE_5 = `$nic = Get-AzNetworkInterface -ResourceGroupName "ResourceGroup1" -Name "vm-web-nic"
$nsg = Get-AzNetworkSecurityGroup -ResourceGroupName "ResourceGroup1" -Name "nsg-1"
$nic.NetworkSecurityGroup = $nsg
$nic | Set-AzNetworkInterface
`;

describe("subnet association through the VNet object", () => {
  it("runs the tutorial's block: splatted Set-AzVirtualNetworkSubnetConfig, then $vnet | Set-AzVirtualNetwork", () => {
    const doc = parseOk(ASSOCIATE_SUBNET);
    expect(associationsOf(ASSOCIATE_SUBNET, doc)).toEqual([
      [
        "subnet",
        "vnet-1/subnet-1",
        "nsg-1",
        'Get-AzNetworkSecurityGroup -Name "nsg-1" -ResourceGroupName "test-rg"',
      ],
    ]);
    // No rule changes, and nothing worth a note: every object read is used.
    expect(doc.nsgs).toEqual([]);
    expect(doc.warnings).toEqual([]);
  });

  it("changes nothing until the VNet is saved, and says where the unsaved change is", () => {
    const script = ASSOCIATE_SUBNET.replace("$vnet | Set-AzVirtualNetwork", "");
    const doc = parseOk(script);
    expect(doc.associations).toEqual([]);
    expect(warningsOf(script, doc)).toEqual([
      ["unsaved-network-change", "Set-AzVirtualNetworkSubnetConfig @subnetConfigParams"],
    ]);
    expect(doc.warnings[0]!.message).toBe(
      'VNet "vnet-1" is changed in memory only; pipe it to Set-AzVirtualNetwork to save it',
    );
  });

  it("takes the NSG by ID, the VNet from the pipeline, and saves with -VirtualNetwork", () => {
    const script = `$nsg = Get-AzNetworkSecurityGroup -Name nsg-1 -ResourceGroupName rg
$vnet = Get-AzVirtualNetwork -Name VNET-1 -ResourceGroupName rg |
  Set-AzVirtualNetworkSubnetConfig -Name Subnet-1 -AddressPrefix 10.0.0.0/24 -NetworkSecurityGroupId $nsg.Id
Set-AzVirtualNetwork -VirtualNetwork $vnet`;
    const doc = parseOk(script);
    // Names are matched case-insensitively and written in the scenario's spelling.
    expect(associationsOf(script, doc)).toEqual([["subnet", "vnet-1/subnet-1", "nsg-1", "$nsg.Id"]]);
  });

  it("Get-AzVirtualNetworkSubnetConfig returns the VNet's own subnet: setting its NSG changes the VNet", () => {
    const script = `$vnet = Get-AzVirtualNetwork -Name vnet-1 -ResourceGroupName rg
$subnet = Get-AzVirtualNetworkSubnetConfig -VirtualNetwork $vnet -Name subnet-1
$subnet.NetworkSecurityGroup = Get-AzNetworkSecurityGroup -Name nsg-1 -ResourceGroupName rg
Set-AzVirtualNetwork -VirtualNetwork $vnet`;
    const doc = parseOk(script);
    expect(associationsOf(script, doc)).toEqual([
      ["subnet", "vnet-1/subnet-1", "nsg-1", "Get-AzNetworkSecurityGroup -Name nsg-1 -ResourceGroupName rg"],
    ]);
  });

  it("$subnet.NetworkSecurityGroup = $null dissociates when saved", () => {
    const script = `$vnet = Get-AzVirtualNetwork -Name vnet-1
($vnet.Subnets | Where-Object Name -eq 'subnet-2').NetworkSecurityGroup = $null
$vnet | Set-AzVirtualNetwork`;
    expect(associationsOf(script, parseOk(script))).toEqual([["subnet", "vnet-1/subnet-2", null, "$null"]]);
  });

  it("Set-AzVirtualNetworkSubnetConfig without -NetworkSecurityGroup removes the subnet's NSG, with a warning", () => {
    // SetAzureVirtualNetworkSubnetConfigCommand sets subnet.NetworkSecurityGroup = null when no
    // NSG is given: the cmdlet replaces the subnet's configuration.
    const script = `$vnet = Get-AzVirtualNetwork -Name vnet-1
Set-AzVirtualNetworkSubnetConfig -Name subnet-2 -VirtualNetwork $vnet -AddressPrefix 10.0.1.0/24
$vnet | Set-AzVirtualNetwork`;
    const doc = parseOk(script);
    const set =
      "Set-AzVirtualNetworkSubnetConfig -Name subnet-2 -VirtualNetwork $vnet -AddressPrefix 10.0.1.0/24";
    expect(associationsOf(script, doc)).toEqual([["subnet", "vnet-1/subnet-2", null, set]]);
    expect(warningsOf(script, doc)).toEqual([["implicit-dissociation", set]]);
    expect(doc.warnings[0]!.message).toMatch(/removes NSG "nsg-2" from subnet "subnet-2"/);
  });

  it("re-saving a subnet's unchanged NSG associates nothing new", () => {
    const script = `$vnet = Get-AzVirtualNetwork -Name vnet-1
Set-AzVirtualNetworkSubnetConfig -Name subnet-2 -VirtualNetwork $vnet -AddressPrefix 10.0.1.0/24 -NetworkSecurityGroup (Get-AzNetworkSecurityGroup -Name nsg-2)
$vnet | Set-AzVirtualNetwork`;
    expect(parseOk(script).associations).toEqual([]);
  });

  it("a save is a PUT: an object read before another save puts its own, older NSG back", () => {
    const script = `$old = Get-AzVirtualNetwork -Name vnet-1
$new = Get-AzVirtualNetwork -Name vnet-1
$new.Subnets[0].NetworkSecurityGroup = Get-AzNetworkSecurityGroup -Name nsg-1
$new | Set-AzVirtualNetwork
$old | Set-AzVirtualNetwork`;
    expect(associationsOf(script, parseOk(script)).map((a) => a.slice(0, 3))).toEqual([
      ["subnet", "vnet-1/subnet-1", "nsg-1"],
      ["subnet", "vnet-1/subnet-1", null],
    ]);
  });

  it("re-addressing a subnet is noted and not run in an exercise, and built in the playground", () => {
    const script = `$vnet = Get-AzVirtualNetwork -Name vnet-1
Set-AzVirtualNetworkSubnetConfig -Name subnet-1 -VirtualNetwork $vnet -AddressPrefix 10.0.3.0/24
$vnet | Set-AzVirtualNetwork`;
    const exercise = parseOk(script);
    expect(exercise.network).toEqual([]);
    expect(warningsOf(script, exercise)).toEqual([["exercise-network-fixed", "10.0.3.0/24"]]);
    const playground = parseOk(script, { ...SCENARIO, buildNetwork: true });
    expect(playground.network.map((c) => ({ ...c, span: textAt(script, c.span) }))).toEqual([
      {
        kind: "subnet-prefix",
        vnet: "vnet-1",
        name: "subnet-1",
        addressPrefix: "10.0.3.0/24",
        span: "10.0.3.0/24",
      },
    ]);
    expect(playground.warnings).toEqual([]);
  });

  it("a subnet added to a scenario VNet is built when the VNet is saved, with its NSG", () => {
    const script = `$vnet = Get-AzVirtualNetwork -Name vnet-1
Add-AzVirtualNetworkSubnetConfig -Name subnet-3 -VirtualNetwork $vnet -AddressPrefix 10.0.3.0/24 -NetworkSecurityGroup (Get-AzNetworkSecurityGroup -Name nsg-1)
$vnet | Set-AzVirtualNetwork`;
    const doc = parseOk(script, { ...SCENARIO, buildNetwork: true });
    expect(doc.network.map((c) => ({ ...c, span: textAt(script, c.span), spans: undefined }))).toEqual([
      {
        kind: "subnet",
        vnet: "vnet-1",
        name: "subnet-3",
        addressPrefix: "10.0.3.0/24",
        nsg: "nsg-1",
        span: expect.stringMatching(/^Add-AzVirtualNetworkSubnetConfig -Name subnet-3/) as unknown,
        spans: undefined,
      },
    ]);
    expect(doc.associations).toEqual([]);
    // In an exercise the subnet is not added: the network is fixed.
    const exercise = parseOk(script);
    expect(exercise.network).toEqual([]);
    expect(warningsOf(script, exercise).map(([code]) => code)).toEqual(["exercise-network-fixed"]);
  });

  it("a VNet read and never used or changed is noted", () => {
    const script = "Get-AzVirtualNetwork -Name vnet-1 -ResourceGroupName rg";
    expect(warningsOf(script, parseOk(script))).toEqual([["cmdlet-noted", script]]);
  });

  describe("errors, each located", () => {
    it("an unknown VNet", () => {
      const e = expectError("Get-AzVirtualNetwork -Name vnet-9", "unknown-vnet", "vnet-9");
      expect(e.message).toMatch(/the scenario has "vnet-1"/);
    });
    it("a subnet the VNet does not have", () => {
      expectError(
        "$v = Get-AzVirtualNetwork -Name vnet-1\nSet-AzVirtualNetworkSubnetConfig -Name web -VirtualNetwork $v -AddressPrefix 10.0.0.0/24",
        "unknown-subnet",
        "web",
      );
      expectError(
        "$v = Get-AzVirtualNetwork -Name vnet-1\n$v | Get-AzVirtualNetworkSubnetConfig -Name web",
        "unknown-subnet",
        "web",
      );
    });
    it("adding a subnet that exists", () => {
      expectError(
        "$v = Get-AzVirtualNetwork -Name vnet-1\nAdd-AzVirtualNetworkSubnetConfig -Name SUBNET-1 -VirtualNetwork $v -AddressPrefix 10.0.5.0/24",
        "duplicate-name",
        "SUBNET-1",
      );
    });
    it("an NSG that does not exist, when the VNet is saved", () => {
      const script = `$v = Get-AzVirtualNetwork -Name vnet-1
Set-AzVirtualNetworkSubnetConfig -Name subnet-1 -VirtualNetwork $v -AddressPrefix 10.0.0.0/24 -NetworkSecurityGroupId /subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/networkSecurityGroups/ghost
$v | Set-AzVirtualNetwork`;
      expect(errorsOf(script).map((e) => [e.code, textAt(script, e.span)])).toEqual([
        [
          "unknown-nsg",
          "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/networkSecurityGroups/ghost",
        ],
      ]);
    });
    it("not an NSG", () => {
      expectError(
        "$v = Get-AzVirtualNetwork -Name vnet-1\nSet-AzVirtualNetworkSubnetConfig -Name subnet-1 -VirtualNetwork $v -AddressPrefix 10.0.0.0/24 -NetworkSecurityGroup $v",
        "invalid-argument-value",
        "$v",
      );
    });
    it("both -NetworkSecurityGroup and -NetworkSecurityGroupId", () => {
      expectError(
        "$v = Get-AzVirtualNetwork -Name vnet-1\n$n = Get-AzNetworkSecurityGroup -Name nsg-1\nSet-AzVirtualNetworkSubnetConfig -Name subnet-1 -VirtualNetwork $v -NetworkSecurityGroup $n -NetworkSecurityGroupId $n.Id",
        "conflicting-arguments",
        "-NetworkSecurityGroupId",
      );
    });
    it("a VNet given twice, by parameter and by the pipeline", () => {
      expectError(
        "$v = Get-AzVirtualNetwork -Name vnet-1\n$v | Set-AzVirtualNetwork -VirtualNetwork $v",
        "conflicting-arguments",
        "-VirtualNetwork",
      );
    });
  });
});

describe("NIC association through the NIC object", () => {
  it("runs Set-AzNetworkInterface's Example 5", () => {
    const doc = parseOk(NIC_EXAMPLE_5);
    expect(associationsOf(NIC_EXAMPLE_5, doc)).toEqual([["nic", "vm-web-nic", "nsg-1", "$nsg"]]);
    expect(doc.warnings).toEqual([]);
  });

  it("dissociates with $null, as the example's text says, and saves with -NetworkInterface", () => {
    const script = `$nic = Get-AzNetworkInterface -Name vm-app-nic -ResourceGroupName rg
$nic.NetworkSecurityGroup = $null
Set-AzNetworkInterface -NetworkInterface $nic`;
    expect(associationsOf(script, parseOk(script))).toEqual([["nic", "vm-app-nic", null, "$null"]]);
  });

  it("may name a NIC NSG it is not allowed to edit: associating does not change its rules", () => {
    const script = `$nic = Get-AzNetworkInterface -Name vm-web-nic
$nic.NetworkSecurityGroup = Get-AzNetworkSecurityGroup -Name nsg-locked
$nic | Set-AzNetworkInterface`;
    expect(associationsOf(script, parseOk(script)).map((a) => a.slice(0, 3))).toEqual([
      ["nic", "vm-web-nic", "nsg-locked"],
    ]);
  });

  it("an unsaved NIC change is warned about where it is made", () => {
    const script = NIC_EXAMPLE_5.replace("$nic | Set-AzNetworkInterface", "");
    const doc = parseOk(script);
    expect(doc.associations).toEqual([]);
    expect(warningsOf(script, doc)).toEqual([["unsaved-network-change", "$nic.NetworkSecurityGroup = $nsg"]]);
  });

  it("notes properties no flow depends on, as in Set-AzNetworkInterface's Example 1", () => {
    // learn.microsoft.com/powershell/module/az.network/set-aznetworkinterface, Example 1, with the
    // scenario's NIC; the private IP it sets is the one the NIC already has.
    const script = `$Nic = Get-AzNetworkInterface -ResourceGroupName "ResourceGroup1" -Name "vm-web-nic"
$Nic.IpConfigurations[0].PrivateIpAddress = "10.0.0.4"
$Nic.IpConfigurations[0].PrivateIpAllocationMethod = "Static"
$Nic.Tag = @{Name = "Name"; Value = "Value"}
Set-AzNetworkInterface -NetworkInterface $Nic`;
    const doc = parseOk(script);
    expect(doc.associations).toEqual([]);
    expect(warningsOf(script, doc)).toEqual([
      ["unmodelled-network-change", "PrivateIpAllocationMethod"],
      ["unmodelled-network-change", "Tag"],
    ]);
  });

  it("keeps the scenario's private IP when a script changes it, with a warning at the value", () => {
    const script = `$nic = Get-AzNetworkInterface -Name vm-web-nic
$nic.IpConfigurations[0].PrivateIpAddress = "10.0.0.20"
$nic | Set-AzNetworkInterface`;
    expect(warningsOf(script, parseOk(script))).toEqual([["unmodelled-network-change", '"10.0.0.20"']]);
  });

  describe("errors, each located", () => {
    it("an unknown NIC", () => {
      const e = expectError(
        "Get-AzNetworkInterface -Name vm-9-nic -ResourceGroupName rg",
        "unknown-nic",
        "vm-9-nic",
      );
      expect(e.message).toMatch(/"vm-web-nic", "vm-mgmt-nic", "vm-app-nic"/);
    });
    it("an NSG property given a NIC", () => {
      expectError(
        "$nic = Get-AzNetworkInterface -Name vm-web-nic\n$nic.NetworkSecurityGroup = $nic",
        "invalid-argument-value",
        "$nic",
      );
    });
    it("a property NSG Lab does not set", () => {
      const e = expectError(
        "$nic = Get-AzNetworkInterface -Name vm-web-nic\n$nic.MacAddress = 'x'",
        "unsupported-powershell-syntax",
        "MacAddress",
      );
      expect(e.message).toMatch(
        /it reads Name, Id, ResourceGroupName, NetworkSecurityGroup, IpConfigurations/,
      );
    });
    it("Set-AzNetworkInterface given something else", () => {
      expectError(
        "$v = Get-AzVirtualNetwork -Name vnet-1\nSet-AzNetworkInterface -NetworkInterface $v",
        "invalid-argument-value",
        "$v",
      );
    });
  });
});

describe("the tutorial's three blocks in a row", () => {
  it("associates, adds the rules, and changes the NICs' ASGs where the network may change", () => {
    const playground = parseOk(TUTORIAL, { ...SCENARIO, buildNetwork: true });
    expect(associationsOf(TUTORIAL, playground).map((a) => a.slice(0, 3))).toEqual([
      ["subnet", "vnet-1/subnet-1", "nsg-1"],
    ]);
    expect(playground.nsgs[0]!.rules.map((r) => (r as { name: string }).name)).toEqual([
      "Allow-HTTP-Web",
      "Allow-8080-Mgmt",
    ]);
    expect(
      playground.network.map((c) => ({ ...c, span: textAt(TUTORIAL, c.span), spans: undefined })),
    ).toEqual([
      { kind: "nic-asgs", nic: "vm-web-nic", asgs: ["asg-web"], span: "@($asg)", spans: undefined },
      { kind: "nic-asgs", nic: "vm-mgmt-nic", asgs: ["asg-mgmt"], span: "@($asg)", spans: undefined },
    ]);
    expect(playground.warnings).toEqual([]);
  });

  it("in an exercise, the NICs' ASGs are noted and not changed, and the rest is graded", () => {
    const exercise = parseOk(TUTORIAL);
    expect(exercise.network).toEqual([]);
    expect(exercise.associations).toHaveLength(1);
    expect(warningsOf(TUTORIAL, exercise)).toEqual([
      ["exercise-network-fixed", "@($asg)"],
      ["exercise-network-fixed", "@($asg)"],
    ]);
  });
});
