import type { Offsets } from "../azcli/arg-parser.ts";
import type { RuleEntry } from "../azcli/script-state.ts";
import { ignored } from "./cmdlet-args.ts";
import type { Cmdlet, CmdletContext } from "./cmdlets.ts";
import { namesInId } from "./ids.ts";
import { isOn, textOf, textsOf, type ParamSpec } from "./params.ts";
import { describe, itemsOf, type PsValue, type VmConfig } from "./values.ts";

/**
 * The Az.Compute cmdlets that put a VM on a network: New-AzVMConfig, the configuration cmdlets a
 * tutorial pipes it through (Set-AzVMOperatingSystem, Set-AzVMSourceImage … which change nothing
 * NSG Lab models and pass the object on), Add-AzVMNetworkInterface, and New-AzVM, either with a
 * configuration or in its simple parameter set, which creates what it is not given (see
 * newVmSimple). As for the network cmdlets, an exercise notes New-AzVM and does not run it.
 */

const VM_PARAM: ParamSpec = {
  name: "VM",
  kind: "value",
  mandatory: true,
  fromPipeline: true,
  aliases: ["VMProfile"],
};

function vmConfig(cmdlet: string, ctx: CmdletContext): VmConfig | undefined {
  const b = ctx.bound.get("VM");
  const items = b ? itemsOf(b.value) : [];
  if (items.length === 1 && items[0]!.kind === "vmconfig") return items[0].vm;
  ctx.report(
    "invalid-argument-value",
    `${cmdlet}: -VM takes one VM configuration (New-AzVMConfig)${items.length === 1 ? `, not ${describe(items[0]!)}` : ""}`,
    b?.value.at ?? ctx.command,
  );
  return undefined;
}

const newVmConfig: Cmdlet = {
  name: "New-AzVMConfig",
  params: [
    { name: "VMName", kind: "value", mandatory: true, aliases: ["ResourceName", "Name"] },
    { name: "VMSize", kind: "value", mandatory: true, aliases: ["Size"] },
    ...[
      "AvailabilitySetId",
      "LicenseType",
      "Zone",
      "ProximityPlacementGroupId",
      "HostId",
      "VmssId",
      "MaxPrice",
      "EvictionPolicy",
      "Priority",
      "Tags",
      "IdentityType",
      "IdentityId",
      "SecurityType",
      "UserData",
      "PlatformFaultDomain",
      "CapacityReservationGroupId",
      "ImageReferenceId",
      "DiskControllerType",
      "SharedGalleryImageId",
    ].map((n) => ignored(n)),
    ...["EnableUltraSSD", "EncryptionAtHost", "EnableVtpm", "EnableSecureBoot", "HibernationEnabled"].map(
      (n) => ignored(n, "switch"),
    ),
  ],
  run(ctx) {
    const name = textOf(this.name, "VMName", ctx.bound.get("VMName"), ctx.report);
    return name
      ? { kind: "vmconfig", vm: { name: name.text, nameAt: name.at, nics: [] }, at: ctx.command }
      : undefined;
  },
};

/** A configuration cmdlet that changes nothing NSG Lab models: it takes the VM object and passes it on. */
const passThrough = (name: string, values: readonly string[], switches: readonly string[] = []): Cmdlet => ({
  name,
  params: [VM_PARAM, ...values.map((n) => ignored(n)), ...switches.map((n) => ignored(n, "switch"))],
  run(ctx) {
    const vm = vmConfig(this.name, ctx);
    return vm && { kind: "vmconfig", vm, at: ctx.command };
  },
});

// Parameters as Learn's Az.Compute reference lists them.
const CONFIGURATION = [
  passThrough(
    "Set-AzVMOperatingSystem",
    [
      "ComputerName",
      "Credential",
      "TimeZone",
      "WinRMCertificateUrl",
      "CustomData",
      "PatchMode",
      "AssessmentMode",
    ],
    [
      "Windows",
      "Linux",
      "ProvisionVMAgent",
      "EnableAutoUpdate",
      "WinRMHttp",
      "WinRMHttps",
      "DisablePasswordAuthentication",
      "EnableHotpatching",
      "DisableVMAgent",
    ],
  ),
  passThrough("Set-AzVMSourceImage", [
    "PublisherName",
    "Offer",
    "Skus",
    "Version",
    "Id",
    "SharedGalleryImageId",
    "CommunityGalleryImageId",
  ]),
  passThrough(
    "Set-AzVMOSDisk",
    [
      "Name",
      "VhdUri",
      "Caching",
      "SourceImageUri",
      "CreateOption",
      "DiskSizeInGB",
      "ManagedDiskId",
      "StorageAccountType",
      "DiskEncryptionSetId",
      "DeleteOption",
      "DiffDiskSetting",
      "DiffDiskPlacement",
      "SecurityEncryptionType",
      "SecureVMDiskEncryptionSet",
    ],
    ["Windows", "Linux", "WriteAccelerator"],
  ),
  passThrough("Set-AzVMBootDiagnostic", ["ResourceGroupName", "StorageAccountName"], ["Enable", "Disable"]),
  passThrough("Add-AzVMSshPublicKey", ["KeyData", "Path"]),
  passThrough(
    "Add-AzVMDataDisk",
    [
      "Name",
      "VhdUri",
      "Caching",
      "DiskSizeInGB",
      "Lun",
      "CreateOption",
      "SourceImageUri",
      "ManagedDiskId",
      "StorageAccountType",
      "DiskEncryptionSetId",
      "DeleteOption",
    ],
    ["WriteAccelerator"],
  ),
];

const addVmNic: Cmdlet = {
  name: "Add-AzVMNetworkInterface",
  params: [
    VM_PARAM,
    { name: "Id", kind: "value", aliases: ["NicId", "NetworkInterfaceId"] },
    { name: "NetworkInterface", kind: "value" },
    { name: "Primary", kind: "switch" },
    ignored("DeleteOption"),
  ],
  run(ctx) {
    const vm = vmConfig(this.name, ctx);
    const id = ctx.bound.get("Id");
    const object = ctx.bound.get("NetworkInterface");
    if (!vm) return undefined;
    if (!!id === !!object) {
      ctx.report(
        id ? "conflicting-arguments" : "missing-argument",
        `${this.name}: give the NIC with -Id ($nic.Id) or -NetworkInterface, ${id ? "not both" : "one of them"}`,
        object?.at ?? ctx.command,
      );
      return undefined;
    }
    const given = (id ?? object)!;
    const v = given.value;
    const nic =
      v.kind === "nic"
        ? v.nic.name
        : v.kind === "string"
          ? namesInId(v.text, "networkInterfaces")?.[0]
          : undefined;
    if (nic === undefined) {
      ctx.report(
        "invalid-argument-value",
        id
          ? `${this.name}: -Id takes a network interface's ID ($nic.Id)`
          : `${this.name}: -NetworkInterface takes a NIC (New-AzNetworkInterface)`,
        v.at,
      );
      return undefined;
    }
    // The primary NIC comes first; without -Primary, the first NIC added is.
    if (isOn(ctx.bound.get("Primary"))) vm.nics.unshift(nic);
    else vm.nics.push(nic);
    vm.nicsAt ??= v.at;
    return { kind: "vmconfig", vm, at: ctx.command };
  },
};

/** Parameters of New-AzVM's simple parameter set (SimpleParameterSet), with the defaults its reference documents. */
const SIMPLE = {
  AddressPrefix: "192.168.0.0/16",
  SubnetAddressPrefix: "192.168.1.0/24",
  Image: "Win2016Datacenter",
};
/** The images of the simple set that are Linux (the -Image reference's friendly names and today's aliases). */
const LINUX_IMAGE =
  /ubuntu|centos|coreos|debian|suse|rhel|sles|flatcar|alma|rocky|oracle|mariner|azurelinux|linux/i;

const newVm: Cmdlet = {
  name: "New-AzVM",
  params: [
    { name: "ResourceGroupName", kind: "value" },
    { name: "Location", kind: "value" },
    // -VM in one parameter set, -Name in the other: run() checks that one is given.
    { ...VM_PARAM, mandatory: false },
    { name: "Name", kind: "value" },
    { name: "Credential", kind: "value" },
    { name: "VirtualNetworkName", kind: "value" },
    { name: "AddressPrefix", kind: "value" },
    { name: "SubnetName", kind: "value" },
    { name: "SubnetAddressPrefix", kind: "value" },
    { name: "PublicIpAddressName", kind: "value" },
    { name: "SecurityGroupName", kind: "value" },
    { name: "OpenPorts", kind: "value" },
    { name: "Image", kind: "value", aliases: ["ImageName"] },
    ...[
      "Zone",
      "Tag",
      "LicenseType",
      "DomainNameLabel",
      "AllocationMethod",
      "Size",
      "AvailabilitySetName",
      "UserAssignedIdentity",
      "DataDiskSizeInGb",
      "ProximityPlacementGroupId",
      "HostId",
      "VmssId",
      "Priority",
      "EvictionPolicy",
      "MaxPrice",
      "HostGroupId",
      "SshKeyName",
      "SecurityType",
      "OSDiskDeleteOption",
      "EdgeZone",
    ].map((n) => ignored(n)),
    ...[
      "AsJob",
      "DisableBginfoExtension",
      "SystemAssignedIdentity",
      "EnableUltraSSD",
      "EncryptionAtHost",
      "GenerateSshKey",
    ].map((n) => ignored(n, "switch")),
  ],
  run(ctx) {
    // The VM's own parameter set takes -VM; the simple set takes -Name.
    const byConfig = ctx.bound.has("VM");
    if (byConfig === ctx.bound.has("Name")) {
      ctx.report(
        byConfig ? "conflicting-arguments" : "missing-argument",
        `${this.name}: give -VM (a New-AzVMConfig configuration) or -Name (the simple parameter set), ${byConfig ? "not both" : "one of them"}`,
        ctx.command,
      );
      return undefined;
    }
    return byConfig ? newVmFromConfig(this.name, ctx) : newVmSimple(this.name, ctx);
  },
};

function newVmFromConfig(cmdlet: string, ctx: CmdletContext): PsValue | undefined {
  const vm = vmConfig(cmdlet, ctx);
  if (!vm) return undefined;
  if (vm.nics.length === 0) {
    ctx.report(
      "missing-argument",
      `${cmdlet}: VM "${vm.name}" has no network interface; add one with Add-AzVMNetworkInterface`,
      ctx.command,
    );
    return undefined;
  }
  if (ctx.state.mayBuildNetwork(cmdlet, ctx.command, ctx.report)) {
    const nics = [...vm.nics];
    // Get-AzVM and Test-AzNetworkWatcherIPFlow find it by name from here on.
    ctx.state.net.addVm(vm.name, nics);
    const { nameAt, nicsAt } = vm;
    ctx.state.changeNetwork((span) => ({
      kind: "vm",
      name: vm.name,
      nics,
      span: span(ctx.command),
      spans: { name: span(nameAt), ...(nicsAt ? { nics: span(nicsAt) } : {}) },
    }));
  }
  return { kind: "vmconfig", vm, at: ctx.command };
}

/**
 * New-AzVM's simple parameter set creates what it is not given, as Az.Compute's NewAzureVMCommand
 * does: a VNet, subnet, NSG and public IP named after the VM unless named (an existing one of that
 * name is used as it is), address spaces 192.168.0.0/16 and 192.168.1.0/24, and a NIC named after
 * the VM with the NSG on it. The NSG opens -OpenPorts, by default 3389 and 5985 for Windows
 * images (Win2016Datacenter is the default) and 22 for Linux ones: one rule per port, named
 * <nsg><port>, priority 1000 upwards, TCP from anywhere (NetworkSecurityGroupStrategy).
 */
function newVmSimple(cmdlet: string, ctx: CmdletContext): PsValue | undefined {
  const text = (param: string) => textOf(cmdlet, param, ctx.bound.get(param), ctx.report);
  const name = text("Name");
  if (!name) return undefined;
  const names = [
    "VirtualNetworkName",
    "SubnetName",
    "PublicIpAddressName",
    "SecurityGroupName",
    "AddressPrefix",
    "SubnetAddressPrefix",
    "Image",
  ].map((p) => [p, ctx.bound.has(p) ? text(p) : null] as const);
  if (names.some(([, v]) => v === undefined)) return undefined;
  const given = Object.fromEntries(names.map(([p, v]) => [p, v ?? undefined]));
  const portsBound = ctx.bound.get("OpenPorts");
  const ports = portsBound ? textsOf(cmdlet, "OpenPorts", portsBound, ctx.report) : undefined;
  if (portsBound && !ports) return undefined;
  const badPort = ports?.texts.findIndex((p) => !/^\d{1,5}$/.test(p.trim()) || Number(p) > 65535) ?? -1;
  if (ports && badPort >= 0) {
    ctx.report(
      "invalid-argument-value",
      `${cmdlet}: -OpenPorts takes port numbers, not "${ports.texts[badPort]}"`,
      ports.source.items[badPort] ?? portsBound!.value.at,
    );
    return undefined;
  }
  if (!ctx.state.mayBuildNetwork(cmdlet, ctx.command, ctx.report)) return { kind: "null", at: ctx.command };

  const vm = name.text;
  const vnetName = given.VirtualNetworkName?.text ?? vm;
  const subnetName = given.SubnetName?.text ?? vm;
  const nsgName = given.SecurityGroupName?.text ?? vm;
  const pipName = given.PublicIpAddressName?.text ?? vm;
  const image = given.Image?.text ?? SIMPLE.Image;
  const openPorts =
    ports?.texts.map((p) => p.trim()) ?? (LINUX_IMAGE.test(image) ? ["22"] : ["3389", "5985"]);
  const at = (p: string): Offsets => given[p]?.at ?? ctx.command;
  const network = ctx.world.network;
  const existing = network.vnet(vnetName);
  const subnetPrefix = given.SubnetAddressPrefix?.text ?? SIMPLE.SubnetAddressPrefix;
  if (!existing) {
    const addressSpace = [given.AddressPrefix?.text ?? SIMPLE.AddressPrefix];
    ctx.state.changeNetwork((span) => ({
      kind: "vnet",
      name: vnetName,
      addressSpace,
      subnets: [{ name: subnetName, addressPrefix: subnetPrefix }],
      span: span(ctx.command),
      spans: {
        name: span(at("VirtualNetworkName")),
        addressSpace: span(at("AddressPrefix")),
        subnets: span(at("SubnetAddressPrefix")),
      },
    }));
    network.putVnet({
      name: vnetName,
      addressSpace,
      subnets: [{ name: subnetName, addressPrefix: subnetPrefix, nsg: null }],
    });
  } else if (!existing.subnets.some((s) => s.name.toLowerCase() === subnetName.toLowerCase())) {
    ctx.state.changeNetwork((span) => ({
      kind: "subnet",
      vnet: existing.name,
      name: subnetName,
      addressPrefix: subnetPrefix,
      span: span(ctx.command),
      spans: { name: span(at("SubnetName")), addressPrefix: span(at("SubnetAddressPrefix")) },
    }));
    existing.subnets.push({ name: subnetName, addressPrefix: subnetPrefix, nsg: null });
  }
  if (!ctx.state.readNsg(nsgName)) {
    ctx.state.createNsg(nsgName, at("SecurityGroupName"), ctx.command, ctx.report);
    const rules = openPorts.map((port, i): RuleEntry => ({
      rule: {
        name: `${nsgName}${port}`,
        priority: 1000 + i,
        direction: "Inbound",
        access: "Allow",
        protocol: "Tcp",
        sourceAddressPrefix: "*",
        sourcePortRange: "*",
        destinationAddressPrefix: "*",
        destinationPortRange: port,
      },
      source: {
        command: ctx.command,
        fields: new Map(
          portsBound
            ? [["destinationPortRange", { span: ports!.source.items[i] ?? portsBound.value.at, items: [] }]]
            : [],
        ),
      },
    }));
    const created = ctx.state.readNsg(nsgName);
    if (created) ctx.state.replaceRules(created, rules);
  }
  const nsg = ctx.state.readNsg(nsgName)?.name ?? nsgName;
  network.putPublicIp(pipName, false);
  const subnet = `${existing?.name ?? vnetName}/${subnetName}`;
  ctx.state.changeNetwork((span) => ({
    kind: "nic",
    name: vm,
    subnet,
    publicIp: { name: pipName },
    nsg,
    asgs: [],
    span: span(ctx.command),
    spans: {
      name: span(name.at),
      subnet: span(at("SubnetName")),
      publicIp: span(at("PublicIpAddressName")),
      nsg: span(at("SecurityGroupName")),
    },
  }));
  network.putNic({ name: vm, subnet, nsg, asgs: [] });
  ctx.state.net.addVm(vm, [vm]);
  ctx.state.changeNetwork((span) => ({
    kind: "vm",
    name: vm,
    nics: [vm],
    span: span(ctx.command),
    spans: { name: span(name.at) },
  }));
  return { kind: "vmconfig", vm: { name: vm, nameAt: name.at, nics: [vm] }, at: ctx.command };
}

export const VM_CMDLETS: readonly Cmdlet[] = [newVmConfig, ...CONFIGURATION, addVmNic, newVm];
