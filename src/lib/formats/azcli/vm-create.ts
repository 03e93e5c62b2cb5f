import type { ArgKind, ArgSpec, ArgValue, Offsets } from "./arg-parser.ts";
import { NO_WAIT, RESOURCE_GROUP, targets, type AzCommand, type CommandContext } from "./command.ts";
import { buildNic, first, nsgArg, subnetRef, valuesSpan } from "./network-commands.ts";
import { nameFromIdOrName } from "./resource-ids.ts";
import { orderRule } from "./rule-args.ts";
import type { FieldGroup, FieldSource } from "./script-state.ts";

/**
 * `az vm create` as azure-cli's vm module builds its deployment (custom.py create_vm,
 * _validators.py, _template_builder.py), for the parts that shape the network:
 *
 * - `--nics`: the VM takes existing NICs, and then no VNet, subnet, NSG, public IP or ASG may be
 *   given ("When specifying an existing NIC, do not specify NSG, public IP, ASGs, VNet or subnet").
 * - No `--vnet-name` and no `--subnet`: the first VNet with a subnet other than GatewaySubnet is
 *   used (az looks in the resource group and location). Otherwise an existing `--subnet` is used;
 *   a missing one is created, in `--vnet-name` when that VNet exists, else in a new VNet
 *   (`--vnet-name` or "<vm>VNET", `--vnet-address-prefix` default 10.0.0.0/16; subnet
 *   `--subnet` or "<vm>Subnet", `--subnet-address-prefix` default 10.0.0.0/24).
 * - `--nsg ""`: no NSG. An existing `--nsg` is attached; otherwise one is created (`--nsg` or
 *   "<vm>NSG") with one rule from `--nsg-rule` (default RDP for a Windows image, SSH otherwise):
 *   `rdp` or `default-allow-ssh`, priority 1000, inbound Allow, TCP, any source, port 3389 or 22.
 *   `--nsg-rule NONE` creates the NSG without rules. The NSG goes on the NIC.
 * - `--public-ip-address ""`: none; else the named public IP, or a new "<vm>PublicIP".
 * - The NIC is "<vm>VMNic", with `--private-ip-address` (else dynamic) and `--asgs`.
 *
 * Everything else (image, size, credentials, disks…) is accepted and changes nothing here.
 */

const opt = (key: string, kind: ArgKind, ...names: string[]): ArgSpec => ({ key, names, kind });

const IGNORED: readonly ArgSpec[] = [
  opt("image", "value", "--image"),
  opt("size", "value", "--size"),
  opt("adminUsername", "value", "--admin-username"),
  opt("adminPassword", "value", "--admin-password"),
  opt("authenticationType", "value", "--authentication-type"),
  opt("generateSshKeys", "flag", "--generate-ssh-keys"),
  opt("sshKeyValues", "list", "--ssh-key-values", "--ssh-key-value"),
  opt("sshKeyName", "value", "--ssh-key-name"),
  opt("sshDestKeyPath", "value", "--ssh-dest-key-path"),
  opt("location", "value", "--location", "-l"),
  opt("zone", "value", "--zone", "-z"),
  opt("tags", "list0", "--tags"),
  opt("availabilitySet", "value", "--availability-set"),
  opt("computerName", "value", "--computer-name"),
  opt("customData", "value", "--custom-data"),
  opt("userData", "value", "--user-data"),
  opt("osDiskName", "value", "--os-disk-name"),
  opt("osDiskSizeGb", "value", "--os-disk-size-gb"),
  opt("osDiskCaching", "value", "--os-disk-caching"),
  opt("osDiskDeleteOption", "value", "--os-disk-delete-option"),
  opt("osDiskEncryptionSet", "value", "--os-disk-encryption-set"),
  opt("osDiskSecurityEncryptionType", "value", "--os-disk-security-encryption-type"),
  opt("osDiskSecureVmDiskEncryptionSet", "value", "--os-disk-secure-vm-disk-encryption-set"),
  opt("storageSku", "list", "--storage-sku"),
  opt("dataDiskSizesGb", "list", "--data-disk-sizes-gb"),
  opt("dataDiskCaching", "value", "--data-disk-caching"),
  opt("dataDiskDeleteOption", "list", "--data-disk-delete-option"),
  opt("dataDiskEncryptionSets", "list", "--data-disk-encryption-sets"),
  opt("dataDiskIops", "list", "--data-disk-iops"),
  opt("dataDiskMbps", "list", "--data-disk-mbps"),
  opt("attachOsDisk", "value", "--attach-os-disk"),
  opt("attachDataDisks", "list", "--attach-data-disks"),
  opt("useUnmanagedDisk", "flag", "--use-unmanaged-disk"),
  opt("storageAccount", "value", "--storage-account"),
  opt("storageContainerName", "value", "--storage-container-name"),
  opt("bootDiagnosticsStorage", "value", "--boot-diagnostics-storage"),
  opt("licenseType", "value", "--license-type"),
  opt("priority", "value", "--priority"),
  opt("maxPrice", "value", "--max-price"),
  opt("evictionPolicy", "value", "--eviction-policy"),
  opt("planName", "value", "--plan-name"),
  opt("planProduct", "value", "--plan-product"),
  opt("planPublisher", "value", "--plan-publisher"),
  opt("planPromotionCode", "value", "--plan-promotion-code"),
  opt("assignIdentity", "list0", "--assign-identity"),
  opt("scope", "value", "--scope"),
  opt("role", "value", "--role"),
  opt("workspace", "value", "--workspace"),
  opt("secrets", "list", "--secrets"),
  opt("securityType", "value", "--security-type"),
  opt("enableSecureBoot", "bool", "--enable-secure-boot"),
  opt("enableVtpm", "bool", "--enable-vtpm"),
  opt("encryptionAtHost", "bool", "--encryption-at-host"),
  opt("enableIntegrityMonitoring", "flag", "--enable-integrity-monitoring"),
  opt("proximityPlacementGroup", "value", "--proximity-placement-group", "--ppg"),
  opt("host", "value", "--host"),
  opt("hostGroup", "value", "--host-group"),
  opt("edgeZone", "value", "--edge-zone"),
  opt("enableAgent", "bool", "--enable-agent"),
  opt("enableAutoUpdate", "bool", "--enable-auto-update"),
  opt("patchMode", "value", "--patch-mode"),
  opt("enableHotpatching", "bool", "--enable-hotpatching"),
  opt("platformFaultDomain", "value", "--platform-fault-domain"),
  opt("vmss", "value", "--vmss"),
  opt("ultraSsdEnabled", "bool", "--ultra-ssd-enabled"),
  opt("capacityReservationGroup", "value", "--capacity-reservation-group", "--crg"),
  opt("enableHibernation", "bool", "--enable-hibernation"),
  opt("specialized", "bool", "--specialized"),
  opt("diskControllerType", "value", "--disk-controller-type"),
  opt("vCpusAvailable", "value", "--v-cpus-available"),
  opt("vCpusPerCore", "value", "--v-cpus-per-core"),
  opt("ephemeralOsDisk", "bool", "--ephemeral-os-disk"),
  opt("ephemeralOsDiskPlacement", "value", "--ephemeral-os-disk-placement", "--ephemeral-placement"),
  opt("acceptTerm", "flag", "--accept-term"),
  opt("validate", "flag", "--validate"),
  opt("acceleratedNetworking", "bool", "--accelerated-networking"),
  opt("nicDeleteOption", "list", "--nic-delete-option"),
  opt("publicIpAddressAllocation", "value", "--public-ip-address-allocation"),
  opt("publicIpAddressDnsName", "value", "--public-ip-address-dns-name"),
  opt("publicIpSku", "value", "--public-ip-sku"),
];

const NETWORK: readonly ArgSpec[] = [
  opt("nics", "list", "--nics"),
  opt("vnetName", "value", "--vnet-name"),
  opt("vnetAddressPrefix", "value", "--vnet-address-prefix"),
  opt("subnet", "value", "--subnet"),
  opt("subnetAddressPrefix", "value", "--subnet-address-prefix"),
  opt("privateIpAddress", "value", "--private-ip-address"),
  opt("publicIpAddress", "value", "--public-ip-address"),
  opt("nsg", "value", "--nsg"),
  opt("nsgRule", "value", "--nsg-rule"),
  opt("asgs", "list", "--asgs"),
  opt("osType", "value", "--os-type"),
  opt("count", "value", "--count"),
];

/** az's image aliases and URNs for Windows all say so ("Win2022Datacenter", "MicrosoftWindowsServer:…"). */
const isWindowsImage = (image: string) => /^win/i.test(image) || /windows/i.test(image);

type NsgRule = "SSH" | "RDP" | "NONE";

export const vmCreate: AzCommand = {
  path: "vm create",
  args: [
    { key: "name", names: ["--name", "-n"], kind: "value", required: true },
    RESOURCE_GROUP,
    ...NETWORK,
    ...IGNORED,
    NO_WAIT,
  ],
  run(ctx) {
    const found = targets(this, ctx, ["name"]);
    if (!found) return;
    const count = ctx.args.get("count");
    if (count) {
      ctx.report(
        "unsupported-argument",
        "--count creates several VMs; NSG Lab creates one per az vm create",
        count.flag,
      );
      return;
    }
    const rule = nsgRuleOf(ctx);
    if (rule === false) return;
    if (!ctx.state.mayBuildNetwork("az vm create", ctx.nameSpan, ctx.report)) return;
    const vm = found[0]!.names[0]!;
    if (ctx.args.has("nics")) {
      withNics(ctx, vm);
      return;
    }
    const placed = placeSubnet(ctx, vm);
    if (!placed) return;
    const nsg = vmNsg(ctx, vm, rule);
    if (nsg === false) return;
    const pip = first(ctx, "publicIpAddress");
    const publicIp =
      pip?.text === ""
        ? undefined
        : pip
          ? { text: nameFromIdOrName(pip.text), start: pip.start, end: pip.end }
          : { text: `${vm.text}PublicIP`, start: vm.start, end: vm.end };
    const nicName = { text: `${vm.text}VMNic`, start: vm.start, end: vm.end };
    buildNic(ctx, {
      name: nicName,
      ...placed,
      ...(nsg !== undefined ? { nsg } : {}),
      ...(publicIp ? { publicIp } : {}),
    });
    addVm(ctx, vm, [nicName.text]);
  },
};

function addVm(ctx: CommandContext, vm: ArgValue, nics: string[], nicsAt?: Offsets): void {
  ctx.state.changeNetwork((span) => ({
    kind: "vm",
    name: vm.text,
    nics,
    span: span(ctx.span),
    spans: { name: span(vm), ...(nicsAt ? { nics: span(nicsAt) } : {}) },
  }));
  ctx.state.net.addVm(vm.text, nics);
}

function withNics(ctx: CommandContext, vm: ArgValue): void {
  for (const key of ["vnetName", "subnet", "nsg", "publicIpAddress", "asgs"]) {
    const o = ctx.args.get(key);
    if (o) {
      ctx.report(
        "conflicting-arguments",
        "When specifying an existing NIC, do not specify NSG, public IP, ASGs, VNet or subnet.",
        o.flag,
      );
      return;
    }
  }
  const nics = ctx.args.get("nics")!.values.map((v) => nameFromIdOrName(v.text));
  addVm(ctx, vm, nics, valuesSpan(ctx, "nics"));
}

/** The VNet and subnet the NIC goes in, creating them as az would; undefined after an error. */
function placeSubnet(ctx: CommandContext, vm: ArgValue): { vnet: string; subnet: string } | undefined {
  const net = ctx.state.net;
  const vnetArg = first(ctx, "vnetName");
  const subnetArg = first(ctx, "subnet");
  if (vnetArg?.text.includes("/")) {
    ctx.report(
      "invalid-argument-value",
      "incorrect usage: --subnet ID | --subnet NAME --vnet-name NAME",
      vnetArg,
    );
    return undefined;
  }
  if (!vnetArg && !subnetArg) {
    for (const v of net.vnets) {
      const s = v.subnets.find((x) => x.name.toLowerCase() !== "gatewaysubnet");
      if (s) return { vnet: v.name, subnet: s.name };
    }
  }
  if (subnetArg) {
    const ref = subnetRef(ctx, subnetArg, vnetArg);
    if (!ref) return undefined;
    const existing = net.subnet(ref.vnet, ref.subnet);
    if (existing) return { vnet: net.vnet(ref.vnet)!.name, subnet: existing.name };
    if (!vnetArg) {
      ctx.report("unknown-subnet", `Subnet '${subnetArg.text}' does not exist.`, subnetArg);
      return undefined;
    }
  }
  const subnet = subnetArg?.text ?? `${vm.text}Subnet`;
  const subnetPrefix = first(ctx, "subnetAddressPrefix");
  const prefix = subnetPrefix?.text ?? "10.0.0.0/24";
  const existingVnet = vnetArg ? net.vnet(vnetArg.text) : undefined;
  if (existingVnet) {
    // az creates the missing subnet in the existing VNet (create_vm's SubnetCreate).
    ctx.state.changeNetwork((span) => ({
      kind: "subnet",
      vnet: existingVnet.name,
      name: subnet,
      addressPrefix: prefix,
      span: span(ctx.span),
      spans: { addressPrefix: span(subnetPrefix ?? subnetArg ?? vnetArg!), name: span(subnetArg ?? vm) },
    }));
    net.putSubnet(existingVnet.name, { name: subnet, addressPrefix: prefix });
    return { vnet: existingVnet.name, subnet };
  }
  const vnet = vnetArg?.text ?? `${vm.text}VNET`;
  const spaceArg = first(ctx, "vnetAddressPrefix");
  const space = [spaceArg?.text ?? "10.0.0.0/16"];
  ctx.state.changeNetwork((span) => ({
    kind: "vnet",
    name: vnet,
    addressSpace: space,
    subnets: [{ name: subnet, addressPrefix: prefix }],
    span: span(ctx.span),
    spans: {
      name: span(vnetArg ?? vm),
      ...(spaceArg ? { addressSpace: span(spaceArg) } : {}),
      ...(subnetPrefix ? { subnets: span(subnetPrefix) } : {}),
    },
  }));
  net.putVnet({ name: vnet, addressSpace: space, subnets: [{ name: subnet, addressPrefix: prefix }] });
  return { vnet, subnet };
}

/** `--nsg-rule`, an enum az reads case-insensitively; false after an error. */
function nsgRuleOf(ctx: CommandContext): NsgRule | undefined | false {
  const value = first(ctx, "nsgRule");
  if (!value) return undefined;
  const rule = (["SSH", "RDP", "NONE"] as const).find((r) => r === value.text.toUpperCase());
  if (rule) return rule;
  ctx.report(
    "invalid-argument-value",
    `argument --nsg-rule: invalid choice: '${value.text}' (choose from 'NONE', 'RDP', 'SSH')`,
    value,
  );
  return false;
}

/** The NSG for the VM's NIC: none, an existing one, or a new one with az's default rule. */
function vmNsg(ctx: CommandContext, vm: ArgValue, chosen: NsgRule | undefined): string | undefined | false {
  const given = first(ctx, "nsg");
  if (given?.text === "") return undefined;
  if (given && ctx.state.knownNsg(nameFromIdOrName(given.text))) {
    const existing = nsgArg(ctx);
    return existing.failed ? false : existing.name;
  }
  const name = given?.text ?? `${vm.text}NSG`;
  if (!ctx.state.createNsg(name, given ?? vm, ctx.span, ctx.report)) return false;
  const canonical = ctx.state.knownNsg(name) ?? name;
  const osType = first(ctx, "osType")?.text.toLowerCase();
  const windows = osType ? osType === "windows" : isWindowsImage(first(ctx, "image")?.text ?? "");
  const rule = chosen ?? (windows ? "RDP" : "SSH");
  if (rule === "NONE") return canonical;
  const nsg = ctx.state.nsgForRules(canonical, given ?? vm, ctx.span, ctx.report);
  if (!nsg) return false;
  const written = first(ctx, "nsgRule");
  const fields = new Map<FieldGroup, FieldSource>();
  if (written) {
    fields.set("name", { span: written, items: [] });
    fields.set("destinationPortRange", { span: written, items: [] });
  }
  ctx.state.putRule(
    nsg,
    orderRule({
      name: rule === "RDP" ? "rdp" : "default-allow-ssh",
      priority: 1000,
      direction: "Inbound",
      access: "Allow",
      protocol: "Tcp",
      sourceAddressPrefix: "*",
      sourcePortRange: "*",
      destinationAddressPrefix: "*",
      destinationPortRange: rule === "RDP" ? "3389" : "22",
    }),
    { command: ctx.span, fields },
  );
  return canonical;
}
