import type { Offsets } from "../azcli/arg-parser.ts";
import type { SubnetSpec } from "../network-changes.ts";
import { ignored, SUBNET_CONFIG_PARAMS, subnetNsg } from "./cmdlet-args.ts";
import type { Cmdlet, CmdletContext } from "./cmdlets.ts";
import { namesInId } from "./ids.ts";
import { nsgNameOf, subnetOfId } from "./members.ts";
import { textOf, textsOf, type ParamSpec } from "./params.ts";
import {
  describe,
  itemsOf,
  type NicObject,
  type PsValue,
  type SubnetConfig,
  type VnetObject,
} from "./values.ts";

/**
 * The Az.Network cmdlets that create network resources, as Learn's "Filter network traffic with a
 * network security group using PowerShell" runs them: New-AzVirtualNetworkSubnetConfig (a subnet
 * in memory), New-AzVirtualNetwork, New-AzPublicIpAddress and New-AzNetworkInterface. Each New-
 * cmdlet is a PUT that creates the resource at once. Where the network may be built (the
 * playground) each becomes a NetworkChange; in an exercise it is noted and not run, and the
 * object it returns still serves the rest of the script, so a pasted tutorial keeps going.
 */

const RG: ParamSpec = { name: "ResourceGroupName", kind: "value", mandatory: true };
const LOCATION: ParamSpec = { name: "Location", kind: "value", mandatory: true };
const common = (...names: string[]) => names.map((n) => ignored(n));

/** New-AzVirtualNetworkSubnetConfig: a subnet object for New-AzVirtualNetwork -Subnet; nothing in Azure yet. */
const newSubnetConfig: Cmdlet = {
  name: "New-AzVirtualNetworkSubnetConfig",
  params: SUBNET_CONFIG_PARAMS.filter((p) => p.name !== "VirtualNetwork"),
  run(ctx) {
    const name = textOf(this.name, "Name", ctx.bound.get("Name"), ctx.report);
    const prefixBound = ctx.bound.get("AddressPrefix");
    const prefixes = prefixBound && textsOf(this.name, "AddressPrefix", prefixBound, ctx.report);
    const nsg = subnetNsg(this.name, ctx);
    if (!name || !nsg || (prefixBound && !prefixes)) return undefined;
    const subnet: SubnetConfig = {
      name: name.text,
      addressPrefixes: prefixes?.texts ?? [],
      nsg: nsg.nsg,
      ...(nsg.at ? { nsgAt: nsg.at } : {}),
      ...(prefixBound ? { prefixAt: prefixBound.value.at } : {}),
    };
    return { kind: "subnet", subnet, at: ctx.command };
  },
};

/** The subnets -Subnet gives, as a VNet change holds them; undefined after an error. */
function subnetSpecs(cmdlet: string, ctx: CmdletContext): SubnetSpec[] | undefined {
  const bound = ctx.bound.get("Subnet");
  if (!bound) return [];
  const specs: SubnetSpec[] = [];
  for (const item of itemsOf(bound.value)) {
    if (item.kind !== "subnet") {
      ctx.report(
        "invalid-argument-value",
        `${cmdlet}: -Subnet takes subnet objects (New-AzVirtualNetworkSubnetConfig), not ${describe(item)}`,
        item.at,
      );
      return undefined;
    }
    const { subnet } = item;
    if (subnet.addressPrefixes.length !== 1) {
      ctx.report(
        subnet.addressPrefixes.length === 0 ? "missing-argument" : "unmodelled-network-change",
        subnet.addressPrefixes.length === 0
          ? `${cmdlet}: subnet "${subnet.name}" has no address prefix (New-AzVirtualNetworkSubnetConfig -AddressPrefix)`
          : `${cmdlet}: NSG Lab models one address prefix per subnet, and subnet "${subnet.name}" has ${subnet.addressPrefixes.length}`,
        subnet.prefixAt ?? item.at,
      );
      return undefined;
    }
    let nsg: string | undefined;
    if (subnet.nsg !== null) {
      nsg = ctx.state.nsgForAssociation(subnet.nsg, subnet.nsgAt ?? item.at, ctx.report);
      if (nsg === undefined) return undefined;
    }
    specs.push({ name: subnet.name, addressPrefix: subnet.addressPrefixes[0]!, ...(nsg ? { nsg } : {}) });
  }
  return specs;
}

const newVnet: Cmdlet = {
  name: "New-AzVirtualNetwork",
  params: [
    { name: "Name", kind: "value", mandatory: true },
    RG,
    LOCATION,
    { name: "AddressPrefix", kind: "value", mandatory: true },
    { name: "Subnet", kind: "value" },
    ...common(
      "DnsServer",
      "FlowTimeout",
      "BgpCommunity",
      "EnableEncryption",
      "EncryptionEnforcementPolicy",
      "IpAllocation",
      "EdgeZone",
      "Tag",
      "DdosProtectionPlanId",
      "PrivateEndpointVNetPolicy",
      "IpamPoolPrefixAllocation",
    ),
    ignored("EnableDdosProtection", "switch"),
    ignored("Force", "switch"),
    ignored("AsJob", "switch"),
  ],
  run(ctx) {
    const name = textOf(this.name, "Name", ctx.bound.get("Name"), ctx.report);
    const rg = textOf(this.name, "ResourceGroupName", ctx.bound.get("ResourceGroupName"), ctx.report);
    const spaceBound = ctx.bound.get("AddressPrefix")!;
    const space = textsOf(this.name, "AddressPrefix", spaceBound, ctx.report);
    const subnets = subnetSpecs(this.name, ctx);
    if (!name || !space || !subnets) return undefined;
    const network = ctx.world.network;
    const build = ctx.state.mayBuildNetwork(this.name, ctx.command, ctx.report);
    const azure = {
      name: name.text,
      addressSpace: space.texts,
      subnets: subnets.map((s) => ({ name: s.name, addressPrefix: s.addressPrefix, nsg: s.nsg ?? null })),
    };
    if (build) {
      const subnetAt = ctx.bound.get("Subnet")?.value.at;
      ctx.state.changeNetwork((span) => ({
        kind: "vnet",
        name: name.text,
        addressSpace: space.texts,
        subnets,
        span: span(ctx.command),
        spans: {
          name: span(name.at),
          addressSpace: span(spaceBound.value.at),
          ...(subnetAt ? { subnets: span(subnetAt) } : {}),
        },
      }));
      network.putVnet(azure);
    } else if (!network.vnet(name.text) || network.vnet(name.text)!.phantom)
      network.putVnet({ ...azure, phantom: true });
    const vnet: VnetObject = {
      name: network.vnet(name.text)?.name ?? name.text,
      nameAt: name.at,
      ...(rg ? { resourceGroup: rg.text } : {}),
      ...(build ? {} : { phantom: true }),
      addressSpace: space.texts,
      subnets: azure.subnets.map((s) => ({ name: s.name, addressPrefixes: [s.addressPrefix], nsg: s.nsg })),
      pending: [],
      changed: true,
      used: true,
    };
    ctx.world.vnets.push(vnet);
    return { kind: "vnet", vnet, at: ctx.command };
  },
};

/**
 * New-AzPublicIpAddress: the resource only. Azure gives it an address when it is created (or,
 * for Dynamic, when a VM uses it), so no script says what it is; the NIC that uses it carries it.
 */
const newPublicIp: Cmdlet = {
  name: "New-AzPublicIpAddress",
  params: [
    { name: "Name", kind: "value", mandatory: true },
    RG,
    LOCATION,
    { name: "AllocationMethod", kind: "value" },
    ...common(
      "EdgeZone",
      "Sku",
      "Tier",
      "IpAddressVersion",
      "DomainNameLabel",
      "DomainNameLabelScope",
      "IpTag",
      "PublicIpPrefix",
      "DdosProtectionMode",
      "DdosProtectionPlanId",
      "ReverseFqdn",
      "IdleTimeoutInMinutes",
      "Zone",
      "IpAddress",
      "Tag",
    ),
    ignored("Force", "switch"),
    ignored("AsJob", "switch"),
  ],
  run(ctx) {
    const name = textOf(this.name, "Name", ctx.bound.get("Name"), ctx.report);
    const rg = textOf(this.name, "ResourceGroupName", ctx.bound.get("ResourceGroupName"), ctx.report);
    if (!name) return undefined;
    const build = ctx.state.mayBuildNetwork(this.name, ctx.command, ctx.report);
    ctx.world.network.putPublicIp(name.text, !build);
    return { kind: "publicip", name: name.text, ...(rg ? { resourceGroup: rg.text } : {}), at: ctx.command };
  },
};

/** -X or -XId, given as an object or its ID; the name, null when neither is given, undefined after an error. */
function byObjectOrId(
  cmdlet: string,
  ctx: CmdletContext,
  param: string,
  read: (value: PsValue) => string | undefined,
  what: string,
): { name: string; at: Offsets } | null | undefined {
  const object = ctx.bound.get(param);
  const id = ctx.bound.get(`${param}Id`);
  if (object && id) {
    ctx.report("conflicting-arguments", `${cmdlet}: give -${param} or -${param}Id, not both`, id.at);
    return undefined;
  }
  const given = object ?? id;
  if (!given) return null;
  const name = read(given.value);
  if (name === undefined) {
    ctx.report(
      "invalid-argument-value",
      `${cmdlet}: -${object ? param : `${param}Id`} takes ${what}`,
      given.value.at,
    );
    return undefined;
  }
  return { name, at: given.value.at };
}

const idOf = (value: PsValue): string | undefined => (value.kind === "string" ? value.text : undefined);

/** The ASG names of -ApplicationSecurityGroup (objects) or -ApplicationSecurityGroupId (IDs). */
function nicAsgs(cmdlet: string, ctx: CmdletContext): { names: string[]; at?: Offsets } | undefined {
  const objects = ctx.bound.get("ApplicationSecurityGroup");
  const ids = ctx.bound.get("ApplicationSecurityGroupId");
  if (objects && ids) {
    ctx.report(
      "conflicting-arguments",
      `${cmdlet}: give -ApplicationSecurityGroup or -ApplicationSecurityGroupId, not both`,
      ids.at,
    );
    return undefined;
  }
  const given = objects ?? ids;
  if (!given) return { names: [] };
  const names: string[] = [];
  for (const item of itemsOf(given.value)) {
    const id = objects ? (item.kind === "asg" ? item.id : undefined) : idOf(item);
    const name = id === undefined ? undefined : namesInId(id, "applicationSecurityGroups")?.[0];
    if (name === undefined) {
      ctx.report(
        "invalid-argument-value",
        objects
          ? `${cmdlet}: -ApplicationSecurityGroup takes ASG objects (New- or Get-AzApplicationSecurityGroup)`
          : `${cmdlet}: -ApplicationSecurityGroupId takes ASG resource IDs ($asg.Id)`,
        item.at,
      );
      return undefined;
    }
    names.push(name);
  }
  return { names, at: given.value.at };
}

const newNic: Cmdlet = {
  name: "New-AzNetworkInterface",
  params: [
    { name: "Name", kind: "value", mandatory: true },
    RG,
    LOCATION,
    { name: "SubnetId", kind: "value" },
    { name: "Subnet", kind: "value" },
    { name: "PublicIpAddressId", kind: "value" },
    { name: "PublicIpAddress", kind: "value" },
    { name: "NetworkSecurityGroupId", kind: "value" },
    { name: "NetworkSecurityGroup", kind: "value" },
    { name: "ApplicationSecurityGroupId", kind: "value" },
    { name: "ApplicationSecurityGroup", kind: "value" },
    { name: "PrivateIpAddress", kind: "value" },
    { name: "IpConfiguration", kind: "value" },
    ...common(
      "IpConfigurationName",
      "LoadBalancerBackendAddressPoolId",
      "LoadBalancerBackendAddressPool",
      "LoadBalancerInboundNatRuleId",
      "LoadBalancerInboundNatRule",
      "DnsServer",
      "InternalDnsNameLabel",
      "AuxiliaryMode",
      "AuxiliarySku",
      "EdgeZone",
      "Tag",
    ),
    ignored("EnableIPForwarding", "switch"),
    ignored("EnableAcceleratedNetworking", "switch"),
    ignored("DisableTcpStateTracking", "switch"),
    ignored("Force", "switch"),
    ignored("AsJob", "switch"),
  ],
  run(ctx) {
    const cmdlet = this.name;
    const name = textOf(cmdlet, "Name", ctx.bound.get("Name"), ctx.report);
    const rg = textOf(cmdlet, "ResourceGroupName", ctx.bound.get("ResourceGroupName"), ctx.report);
    if (!name) return undefined;
    if (ctx.bound.has("IpConfiguration")) {
      ctx.report(
        "unsupported-powershell-syntax",
        `${cmdlet}: NSG Lab does not read -IpConfiguration (New-AzNetworkInterfaceIpConfig); give -SubnetId, -PublicIpAddressId and -PrivateIpAddress`,
        ctx.bound.get("IpConfiguration")!.at,
      );
      return undefined;
    }
    const subnet = byObjectOrId(
      cmdlet,
      ctx,
      "Subnet",
      (v) => {
        if (v.kind === "subnet") return v.vnet ? `${v.vnet.name}/${v.subnet.name}` : undefined;
        const ids = v.kind === "string" ? subnetOfId(v.text) : undefined;
        return ids && `${ids.vnet}/${ids.subnet}`;
      },
      "a subnet of a VNet ($vnet.Subnets[0], or its .Id)",
    );
    const pip = byObjectOrId(
      cmdlet,
      ctx,
      "PublicIpAddress",
      (v) =>
        v.kind === "publicip"
          ? v.name
          : v.kind === "string"
            ? namesInId(v.text, "publicIPAddresses")?.[0]
            : undefined,
      "a public IP (New-AzPublicIpAddress, or its .Id)",
    );
    const nsgRef = byObjectOrId(
      cmdlet,
      ctx,
      "NetworkSecurityGroup",
      (v) => nsgNameOf(v) ?? undefined,
      "an NSG (New- or Get-AzNetworkSecurityGroup, or its .Id)",
    );
    const asgs = nicAsgs(cmdlet, ctx);
    const ipBound = ctx.bound.get("PrivateIpAddress");
    const privateIp = ipBound && textOf(cmdlet, "PrivateIpAddress", ipBound, ctx.report);
    if (subnet === undefined || pip === undefined || nsgRef === undefined || !asgs || (ipBound && !privateIp))
      return undefined;
    if (subnet === null) {
      ctx.report(
        "missing-argument",
        `${cmdlet}: give the NIC a subnet with -SubnetId (as in $vnet.Subnets[0].Id)`,
        ctx.command,
      );
      return undefined;
    }
    let nsg: string | undefined;
    if (nsgRef) {
      nsg = ctx.state.nsgForAssociation(nsgRef.name, nsgRef.at, ctx.report);
      if (nsg === undefined) return undefined;
    }
    const build = ctx.state.mayBuildNetwork(cmdlet, ctx.command, ctx.report);
    if (build)
      ctx.state.changeNetwork((span) => ({
        kind: "nic",
        name: name.text,
        subnet: subnet.name,
        ...(privateIp ? { privateIp: privateIp.text } : {}),
        ...(pip ? { publicIp: { name: pip.name } } : {}),
        ...(nsg ? { nsg } : {}),
        asgs: asgs.names,
        span: span(ctx.command),
        spans: {
          name: span(name.at),
          subnet: span(subnet.at),
          ...(privateIp ? { privateIp: span(privateIp.at) } : {}),
          ...(pip ? { publicIp: span(pip.at) } : {}),
          ...(nsgRef ? { nsg: span(nsgRef.at) } : {}),
          ...(asgs.at ? { asgs: span(asgs.at) } : {}),
        },
      }));
    ctx.world.network.putNic({
      name: name.text,
      subnet: subnet.name,
      ...(privateIp ? { privateIp: privateIp.text } : {}),
      nsg: nsg ?? null,
      asgs: asgs.names,
      ...(build ? {} : { phantom: true }),
    });
    const nic: NicObject = {
      ...ctx.world.network.readNic(name.text, name.at, ctx.command, rg?.text)!,
      changed: true,
      used: true,
    };
    delete nic.readAt;
    ctx.world.nics.push(nic);
    return { kind: "nic", nic, at: ctx.command };
  },
};

export const BUILD_CMDLETS: readonly Cmdlet[] = [newSubnetConfig, newVnet, newPublicIp, newNic];
