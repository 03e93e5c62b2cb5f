import type { ArgSpec, ArgValue, Offsets } from "./arg-parser.ts";
import {
  GENERIC_UPDATE,
  IDS,
  NO_WAIT,
  RESOURCE_GROUP,
  rejectGenericUpdate,
  targets,
  type AzCommand,
  type CommandContext,
} from "./command.ts";
import { nameFromIdOrName, parseResourceId } from "./resource-ids.ts";

/**
 * The az commands that build a network: `az network vnet create`, `vnet subnet create`,
 * `asg create`, `public-ip create`, `nic create` and `nic ip-config update`, with the arguments
 * azure-cli registers for them (aaz network modules and network/custom.py). Each records a
 * `NetworkChange` for the applier and keeps `ScriptNetwork` in step so later commands can look
 * the resources up; arguments that change nothing NSG Lab models are accepted and ignored.
 * In an exercise none of them runs (`ScriptState.mayBuildNetwork`).
 */

const NAME: ArgSpec = { key: "name", names: ["--name", "-n"], kind: "value", required: true };
const LOCATION: ArgSpec = { key: "location", names: ["--location", "-l"], kind: "value" };
const TAGS: ArgSpec = { key: "tags", names: ["--tags"], kind: "list0" };
const NSG: ArgSpec = { key: "nsg", names: ["--network-security-group", "--nsg"], kind: "value" };
const ASGS: ArgSpec = { key: "asgs", names: ["--application-security-groups", "--asgs"], kind: "list" };

export const first = (ctx: CommandContext, key: string): ArgValue | undefined => ctx.args.get(key)?.values[0];

/** From the first value to the last, for a list argument. */
export function valuesSpan(ctx: CommandContext, key: string): Offsets | undefined {
  const o = ctx.args.get(key);
  if (!o) return undefined;
  if (o.values.length === 0) return o.flag;
  return { start: o.values[0]!.start, end: o.values[o.values.length - 1]!.end };
}

/** `--network-security-group` as a name an NSG of the exercise or script has; undefined when not given or unknown (reported). */
export function nsgArg(ctx: CommandContext, key = "nsg"): { name?: string; failed: boolean } {
  const value = first(ctx, key);
  if (!value || value.text === "") return { failed: false };
  const name = ctx.state.nsgForAssociation(nameFromIdOrName(value.text), value, ctx.report);
  return name === undefined ? { failed: true } : { name, failed: false };
}

/** ASG names from names or IDs (`--asgs myAsg` or `--asgs /subscriptions/…/myAsg`). */
export const asgNames = (ctx: CommandContext, key = "asgs"): string[] =>
  (ctx.args.get(key)?.values ?? []).filter((v) => v.text !== "").map((v) => nameFromIdOrName(v.text));

/**
 * A subnet as `--subnet NAME --vnet-name NAME` or `--subnet ID` give it (azure-cli's
 * "incorrect usage: --subnet ID | --subnet NAME --vnet-name NAME").
 */
export function subnetRef(
  ctx: CommandContext,
  subnet: ArgValue,
  vnet: ArgValue | undefined,
): { vnet: string; subnet: string } | undefined {
  const id = parseResourceId(subnet.text);
  if (id) {
    const ok = id.types.length === 2 && id.types[0] === "virtualnetworks" && id.types[1] === "subnets";
    if (!ok || vnet) {
      ctx.report(
        ok ? "conflicting-arguments" : "invalid-resource-id",
        ok
          ? "incorrect usage: --subnet ID | --subnet NAME --vnet-name NAME"
          : `"${subnet.text}" is not a subnet resource ID`,
        ok ? vnet! : subnet,
      );
      return undefined;
    }
    return { vnet: id.names[0]!, subnet: id.names[1]! };
  }
  if (!vnet || vnet.text.includes("/")) {
    ctx.report(
      "missing-argument",
      "incorrect usage: --subnet ID | --subnet NAME --vnet-name NAME",
      vnet ?? subnet,
    );
    return undefined;
  }
  return { vnet: vnet.text, subnet: subnet.text };
}

/** The one prefix of a subnet: the topology holds one per subnet. */
function onePrefix(ctx: CommandContext, keys: readonly string[]): ArgValue | undefined | false {
  for (const key of keys) {
    const o = ctx.args.get(key);
    if (!o) continue;
    if (o.values.length > 1) {
      ctx.report(
        "unsupported-argument",
        "NSG Lab models one address prefix per subnet; give one prefix",
        valuesSpan(ctx, key)!,
      );
      return false;
    }
    return o.values[0];
  }
  return undefined;
}

function unsupported(ctx: CommandContext, key: string, why: string): boolean {
  const o = ctx.args.get(key);
  if (!o) return false;
  ctx.report("unsupported-argument", `${o.spec.names[0]} is not supported in NSG Lab: ${why}`, o.flag);
  return true;
}

/** `az network vnet create`: address prefixes default to 10.0.0.0/16; one subnet with --subnet-name. */
export const vnetCreate: AzCommand = {
  path: "network vnet create",
  args: [
    NAME,
    RESOURCE_GROUP,
    LOCATION,
    { key: "addressPrefixes", names: ["--address-prefixes"], kind: "list" },
    { key: "subnetName", names: ["--subnet-name"], kind: "value" },
    { key: "subnetPrefixes", names: ["--subnet-prefixes"], kind: "list" },
    NSG,
    { key: "subnets", names: ["--subnets"], kind: "list" },
    { key: "bgpCommunity", names: ["--bgp-community"], kind: "value" },
    { key: "ddosProtection", names: ["--ddos-protection"], kind: "bool" },
    { key: "ddosProtectionPlan", names: ["--ddos-protection-plan"], kind: "value" },
    { key: "dnsServers", names: ["--dns-servers"], kind: "list" },
    { key: "vmProtection", names: ["--vm-protection"], kind: "bool" },
    { key: "enableEncryption", names: ["--enable-encryption"], kind: "bool" },
    {
      key: "encryptionPolicy",
      names: ["--encryption-enforcement-policy", "--encryption-policy"],
      kind: "value",
    },
    { key: "flowtimeout", names: ["--flowtimeout"], kind: "value" },
    { key: "edgeZone", names: ["--edge-zone"], kind: "value" },
    { key: "ipamPool", names: ["--ipam-pool-prefix-allocations"], kind: "list" },
    TAGS,
    NO_WAIT,
  ],
  run(ctx) {
    const found = targets(this, ctx, ["name"]);
    if (!found) return;
    if (
      unsupported(
        ctx,
        "subnets",
        "give --subnet-name and --subnet-prefixes, or add subnets with az network vnet subnet create",
      )
    )
      return;
    if (unsupported(ctx, "ipamPool", "give the VNet's range with --address-prefixes")) return;
    if (!ctx.state.mayBuildNetwork("az network vnet create", ctx.nameSpan, ctx.report)) return;
    const name = found[0]!.names[0]!;
    const space = ctx.args.get("addressPrefixes")?.values.map((v) => v.text) ?? ["10.0.0.0/16"];
    const subnetName = first(ctx, "subnetName");
    const nsgValue = first(ctx, "nsg");
    if (nsgValue && !subnetName)
      ctx.report(
        "unsupported-argument",
        "--nsg belongs to the subnet --subnet-name creates; without --subnet-name az ignores it",
        ctx.args.get("nsg")!.flag,
        "warning",
      );
    const subnets: { name: string; addressPrefix: string; nsg?: string }[] = [];
    if (subnetName) {
      const prefix = onePrefix(ctx, ["subnetPrefixes"]);
      if (prefix === false) return;
      const nsg = nsgArg(ctx);
      if (nsg.failed) return;
      subnets.push({
        name: subnetName.text,
        addressPrefix: prefix?.text ?? defaultSubnetPrefix(space[0]!),
        ...(nsg.name !== undefined ? { nsg: nsg.name } : {}),
      });
    }
    const spaceAt = valuesSpan(ctx, "addressPrefixes");
    const subnetAt = subnetName ? (valuesSpan(ctx, "subnetPrefixes") ?? subnetName) : undefined;
    ctx.state.changeNetwork((span) => ({
      kind: "vnet",
      name: name.text,
      addressSpace: space,
      subnets,
      span: span(ctx.span),
      spans: {
        name: span(name),
        ...(spaceAt ? { addressSpace: span(spaceAt) } : {}),
        ...(subnetAt ? { subnets: span(subnetAt) } : {}),
      },
    }));
    ctx.state.net.putVnet({ name: name.text, addressSpace: space, subnets });
  },
};

/**
 * Without --subnet-prefixes, az takes the VNet's first prefix with a /24 mask, or the VNet's
 * own mask when that is already /24 or narrower (VNetCreate.pre_operations).
 */
function defaultSubnetPrefix(space: string): string {
  const [address, bits] = space.split("/");
  const mask = Number(bits);
  if (address === undefined || bits === undefined || !Number.isInteger(mask)) return space;
  return `${address}/${mask < 24 ? 24 : mask}`;
}

const SUBNET_OPTIONAL: readonly ArgSpec[] = [
  { key: "routeTable", names: ["--route-table"], kind: "value" },
  { key: "serviceEndpoints", names: ["--service-endpoints"], kind: "list" },
  { key: "serviceEndpointPolicy", names: ["--service-endpoint-policy"], kind: "list" },
  { key: "delegations", names: ["--delegations"], kind: "list" },
  { key: "natGateway", names: ["--nat-gateway"], kind: "value" },
  {
    key: "privateEndpointNetworkPolicies",
    names: [
      "--private-endpoint-network-policies",
      "--private-endpoint-network-policy",
      "--ple-network-policy",
    ],
    kind: "value",
  },
  {
    key: "privateLinkServiceNetworkPolicies",
    names: [
      "--private-link-service-network-policies",
      "--private-link-service-network-policy",
      "--pls-network-policy",
    ],
    kind: "value",
  },
  {
    key: "disablePrivateEndpointNetworkPolicies",
    names: ["--disable-private-endpoint-network-policies"],
    kind: "bool",
  },
  {
    key: "disablePrivateLinkServiceNetworkPolicies",
    names: ["--disable-private-link-service-network-policies"],
    kind: "bool",
  },
  { key: "defaultOutboundAccess", names: ["--default-outbound-access", "--default-outbound"], kind: "bool" },
  { key: "ipAllocations", names: ["--ip-allocations"], kind: "list" },
  NO_WAIT,
];

/** `az network vnet subnet create`: a PUT of the subnet with the prefix and NSG given. */
export const subnetCreate: AzCommand = {
  path: "network vnet subnet create",
  args: [
    { key: "vnetName", names: ["--vnet-name"], kind: "value", required: true },
    NAME,
    RESOURCE_GROUP,
    { key: "addressPrefix", names: ["--address-prefix"], kind: "value" },
    { key: "addressPrefixes", names: ["--address-prefixes"], kind: "list" },
    NSG,
    ...SUBNET_OPTIONAL,
  ],
  run(ctx) {
    const found = targets(this, ctx, ["vnetName", "name"]);
    if (!found) return;
    if (!ctx.state.mayBuildNetwork("az network vnet subnet create", ctx.nameSpan, ctx.report)) return;
    const [vnet, name] = found[0]!.names as [ArgValue, ArgValue];
    const prefix = onePrefix(ctx, ["addressPrefix", "addressPrefixes"]);
    if (prefix === false) return;
    if (prefix === undefined) {
      ctx.report(
        "missing-argument",
        "a subnet needs an address range: give --address-prefixes",
        ctx.nameSpan,
      );
      return;
    }
    const nsg = nsgArg(ctx);
    if (nsg.failed) return;
    const nsgAt = first(ctx, "nsg");
    ctx.state.changeNetwork((span) => ({
      kind: "subnet",
      vnet: vnet.text,
      name: name.text,
      addressPrefix: prefix.text,
      ...(nsg.name !== undefined ? { nsg: nsg.name } : {}),
      span: span(ctx.span),
      spans: {
        vnet: span(vnet),
        name: span(name),
        addressPrefix: span(prefix),
        ...(nsgAt ? { nsg: span(nsgAt) } : {}),
      },
    }));
    ctx.state.net.putSubnet(vnet.text, {
      name: name.text,
      addressPrefix: prefix.text,
      ...(nsg.name !== undefined ? { nsg: nsg.name } : {}),
    });
  },
};

/** `az network vnet subnet update --address-prefixes`: the subnet's range changes in place; false after an error. */
export function subnetPrefixUpdate(ctx: CommandContext, vnet: ArgValue, name: ArgValue): boolean {
  const prefix = onePrefix(ctx, ["addressPrefixes"]);
  if (prefix === undefined) return true;
  if (prefix === false) return false;
  // In an exercise the range stays as it is, and the NSG association (if any) still runs.
  if (
    !ctx.state.mayBuildNetwork("az network vnet subnet update --address-prefixes", ctx.nameSpan, ctx.report)
  )
    return true;
  ctx.state.changeNetwork((span) => ({
    kind: "subnet-prefix",
    vnet: vnet.text,
    name: name.text,
    addressPrefix: prefix.text,
    span: span(ctx.span),
    spans: { vnet: span(vnet), name: span(name), addressPrefix: span(prefix) },
  }));
  const known = ctx.state.net.subnet(vnet.text, name.text);
  if (known) known.addressPrefix = prefix.text;
  return true;
}

/** `az network asg create`: an application security group, which rules and NICs may then name. */
export const asgCreate: AzCommand = {
  path: "network asg create",
  args: [NAME, RESOURCE_GROUP, LOCATION, TAGS, NO_WAIT],
  run(ctx) {
    const found = targets(this, ctx, ["name"]);
    if (!found) return;
    if (!ctx.state.mayBuildNetwork("az network asg create", ctx.nameSpan, ctx.report)) return;
    const name = found[0]!.names[0]!;
    ctx.state.changeNetwork((span) => ({ kind: "asg", name: name.text, span: span(ctx.span) }));
    ctx.state.net.addAsg(name.text);
  },
};

/**
 * `az network public-ip create`: the resource a NIC's `--public-ip-address` then names. Its
 * address is Azure's to choose; NSG Lab gives it one when a NIC takes it (public-ip-pool.ts).
 */
export const publicIpCreate: AzCommand = {
  path: "network public-ip create",
  args: [
    NAME,
    RESOURCE_GROUP,
    LOCATION,
    { key: "allocationMethod", names: ["--allocation-method"], kind: "value" },
    { key: "sku", names: ["--sku"], kind: "value" },
    { key: "tier", names: ["--tier"], kind: "value" },
    { key: "version", names: ["--version"], kind: "value" },
    { key: "zone", names: ["--zone", "-z"], kind: "list" },
    { key: "dnsName", names: ["--dns-name"], kind: "value" },
    { key: "reverseFqdn", names: ["--reverse-fqdn"], kind: "value" },
    { key: "idleTimeout", names: ["--idle-timeout"], kind: "value" },
    { key: "ipTags", names: ["--ip-tags"], kind: "list" },
    { key: "publicIpPrefix", names: ["--public-ip-prefix"], kind: "value" },
    { key: "ipAddress", names: ["--ip-address"], kind: "value" },
    { key: "ddosProtectionMode", names: ["--ddos-protection-mode"], kind: "value" },
    { key: "ddosProtectionPlan", names: ["--ddos-protection-plan"], kind: "value" },
    { key: "edgeZone", names: ["--edge-zone"], kind: "value" },
    TAGS,
    NO_WAIT,
  ],
  run(ctx) {
    const found = targets(this, ctx, ["name"]);
    if (!found) return;
    if (unsupported(ctx, "ipAddress", "NSG Lab chooses public addresses from documentation ranges")) return;
    const version = first(ctx, "version");
    if (version && version.text.toLowerCase() === "ipv6") {
      ctx.report("unsupported-argument", "NSG Lab gives public IPs IPv4 addresses only", version);
      return;
    }
    if (!ctx.state.mayBuildNetwork("az network public-ip create", ctx.nameSpan, ctx.report)) return;
    ctx.state.net.addPublicIp(found[0]!.names[0]!.text);
  },
};

/** `az network nic create`: a NIC in an existing subnet, with its first IP configuration. */
export const nicCreate: AzCommand = {
  path: "network nic create",
  args: [
    NAME,
    RESOURCE_GROUP,
    LOCATION,
    { key: "vnetName", names: ["--vnet-name"], kind: "value" },
    { key: "subnet", names: ["--subnet"], kind: "value", required: true },
    { key: "privateIpAddress", names: ["--private-ip-address"], kind: "value" },
    { key: "privateIpAddressVersion", names: ["--private-ip-address-version"], kind: "value" },
    { key: "publicIpAddress", names: ["--public-ip-address"], kind: "value" },
    { key: "nsg", names: ["--network-security-group"], kind: "value" },
    ASGS,
    { key: "acceleratedNetworking", names: ["--accelerated-networking"], kind: "bool" },
    { key: "ipForwarding", names: ["--ip-forwarding"], kind: "bool" },
    { key: "dnsServers", names: ["--dns-servers"], kind: "list" },
    { key: "internalDnsName", names: ["--internal-dns-name"], kind: "value" },
    { key: "lbName", names: ["--lb-name"], kind: "value" },
    { key: "lbAddressPools", names: ["--lb-address-pools"], kind: "list" },
    { key: "lbInboundNatRules", names: ["--lb-inbound-nat-rules"], kind: "list" },
    { key: "gatewayName", names: ["--gateway-name"], kind: "value" },
    { key: "agAddressPools", names: ["--app-gateway-address-pools", "--ag-address-pools"], kind: "list" },
    { key: "auxiliaryMode", names: ["--auxiliary-mode"], kind: "value" },
    { key: "auxiliarySku", names: ["--auxiliary-sku"], kind: "value" },
    { key: "disableTcpStateTracking", names: ["--disable-tcp-state-tracking"], kind: "bool" },
    { key: "edgeZone", names: ["--edge-zone"], kind: "value" },
    TAGS,
    NO_WAIT,
  ],
  run(ctx) {
    const found = targets(this, ctx, ["name"]);
    if (!found) return;
    const version = first(ctx, "privateIpAddressVersion");
    if (version && version.text.toLowerCase() === "ipv6") {
      ctx.report(
        "unsupported-argument",
        "NSG Lab gives a NIC's first IP configuration an IPv4 address",
        version,
      );
      return;
    }
    if (!ctx.state.mayBuildNetwork("az network nic create", ctx.nameSpan, ctx.report)) return;
    const name = found[0]!.names[0]!;
    const subnetValue = first(ctx, "subnet")!;
    const ref = subnetRef(ctx, subnetValue, first(ctx, "vnetName"));
    if (!ref) return;
    const publicIp = publicIpArg(ctx, "publicIpAddress");
    if (publicIp === false) return;
    const nsg = nsgArg(ctx);
    if (nsg.failed) return;
    buildNic(ctx, {
      name,
      ...ref,
      ...(nsg.name !== undefined ? { nsg: nsg.name } : {}),
      ...(publicIp ? { publicIp } : {}),
    });
  },
};

/** `--public-ip-address`: the name of a public IP the script created (az: "an existing public IP"). */
function publicIpArg(ctx: CommandContext, key: string): ArgValue | undefined | false {
  const value = first(ctx, key);
  if (!value || value.text === "") return undefined;
  if (ctx.state.net.publicIp(nameFromIdOrName(value.text))) return value;
  ctx.report(
    "unknown-public-ip",
    `public IP "${nameFromIdOrName(value.text)}" was not found: create it first with az network public-ip create`,
    value,
  );
  return false;
}

export interface NicPlan {
  name: ArgValue | { text: string; start: number; end: number };
  vnet: string;
  subnet: string;
  nsg?: string;
  /** The public IP resource, by the value that names it (or the command, for one az vm create makes). */
  publicIp?: { text: string; start: number; end: number };
}

/** Records a NIC (from `nic create` or `vm create`) with its static IP and ASGs from the arguments. */
export function buildNic(ctx: CommandContext, plan: NicPlan): void {
  const privateIp = first(ctx, "privateIpAddress");
  const asgs = asgNames(ctx);
  const asgAt = valuesSpan(ctx, "asgs");
  const nsgAt = first(ctx, "nsg");
  const subnetAt = first(ctx, "subnet");
  const publicName = plan.publicIp ? nameFromIdOrName(plan.publicIp.text) : undefined;
  ctx.state.changeNetwork((span) => ({
    kind: "nic",
    name: plan.name.text,
    subnet: `${plan.vnet}/${plan.subnet}`,
    ...(privateIp ? { privateIp: privateIp.text } : {}),
    ...(publicName !== undefined ? { publicIp: { name: publicName } } : {}),
    ...(plan.nsg !== undefined ? { nsg: plan.nsg } : {}),
    asgs,
    span: span(ctx.span),
    spans: {
      name: span(plan.name),
      ...(subnetAt ? { subnet: span(subnetAt) } : {}),
      ...(privateIp ? { privateIp: span(privateIp) } : {}),
      ...(plan.publicIp ? { publicIp: span(plan.publicIp) } : {}),
      ...(nsgAt ? { nsg: span(nsgAt) } : {}),
      ...(asgAt ? { asgs: span(asgAt) } : {}),
    },
  }));
  ctx.state.net.addNic({
    name: plan.name.text,
    vnet: plan.vnet,
    subnet: plan.subnet,
    ...(plan.nsg !== undefined ? { nsg: plan.nsg } : {}),
  });
  if (publicName !== undefined) ctx.state.net.addPublicIp(publicName);
}

/**
 * `az network nic ip-config update --application-security-groups`: the NIC's ASGs replaced
 * (`""` or `null` clears them). NSG Lab models one IP configuration per NIC, so the other
 * address arguments are refused rather than ignored.
 */
export const nicIpConfigUpdate: AzCommand = {
  path: "network nic ip-config update",
  args: [
    { key: "nicName", names: ["--nic-name"], kind: "value", required: true, idPart: true },
    { key: "name", names: ["--name", "-n"], kind: "value", required: true, idPart: true },
    RESOURCE_GROUP,
    IDS,
    ASGS,
    { key: "privateIpAddress", names: ["--private-ip-address"], kind: "value" },
    { key: "privateIpAddressVersion", names: ["--private-ip-address-version"], kind: "value" },
    { key: "publicIpAddress", names: ["--public-ip-address"], kind: "value" },
    { key: "subnet", names: ["--subnet"], kind: "value" },
    { key: "vnetName", names: ["--vnet-name"], kind: "value" },
    { key: "makePrimary", names: ["--make-primary"], kind: "bool" },
    { key: "lbName", names: ["--lb-name"], kind: "value" },
    { key: "lbAddressPools", names: ["--lb-address-pools"], kind: "list" },
    { key: "lbInboundNatRules", names: ["--lb-inbound-nat-rules"], kind: "list" },
    { key: "gatewayName", names: ["--gateway-name"], kind: "value" },
    { key: "gatewayLb", names: ["--gateway-lb"], kind: "value" },
    { key: "agAddressPools", names: ["--app-gateway-address-pools", "--ag-address-pools"], kind: "list" },
    NO_WAIT,
    ...GENERIC_UPDATE,
  ],
  idTypes: ["networkinterfaces", "ipconfigurations"],
  run(ctx) {
    if (rejectGenericUpdate(ctx, "set the ASGs with --application-security-groups")) return;
    for (const key of ["privateIpAddress", "publicIpAddress", "subnet", "vnetName"])
      if (unsupported(ctx, key, "it changes the NIC's addresses; NSG Lab changes only its ASGs here")) return;
    for (const { names } of targets(this, ctx, ["nicName", "name"]) ?? []) {
      const asgs = ctx.args.get("asgs");
      if (!asgs) continue;
      if (!ctx.state.mayBuildNetwork("az network nic ip-config update", ctx.nameSpan, ctx.report)) return;
      const nic = names[0]!;
      const cleared =
        asgs.values.length === 1 && (asgs.values[0]!.text === "" || asgs.values[0]!.text === "null");
      const list = cleared ? [] : asgNames(ctx);
      const at = valuesSpan(ctx, "asgs")!;
      ctx.state.changeNetwork((span) => ({
        kind: "nic-asgs",
        nic: nic.text,
        asgs: list,
        span: span(ctx.span),
        spans: { nic: span(nic), asgs: span(at) },
      }));
    }
  },
};
