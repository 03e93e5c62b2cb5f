import type { Offsets } from "../azcli/arg-parser.ts";
import type { Cmdlet, CmdletContext } from "./cmdlets.ts";
import { namesInId } from "./ids.ts";
import { nsgNameOf } from "./members.ts";
import { textOf, textsOf, type ParamSpec } from "./params.ts";
import {
  collect,
  describe,
  itemsOf,
  type NicObject,
  type PsValue,
  type SubnetConfig,
  type VnetObject,
} from "./values.ts";

/**
 * The Az.Network cmdlets that associate NSGs: VNet objects (Get-AzVirtualNetwork, the subnet
 * configs Get-, Set- and Add-AzVirtualNetworkSubnetConfig change in memory, saved with
 * Set-AzVirtualNetwork) and NIC objects (Get-AzNetworkInterface, `$nic.NetworkSecurityGroup = …`,
 * saved with Set-AzNetworkInterface). As for NSGs, nothing changes in Azure until the object is
 * saved, and a save is a PUT of the whole object: every subnet and the NIC get what it holds.
 */

const ignored = (name: string, kind: "value" | "switch" = "value", aliases?: string[]): ParamSpec => ({
  name,
  kind,
  ignored: true,
  ...(aliases ? { aliases } : {}),
});
const VNET_PARAM: ParamSpec = { name: "VirtualNetwork", kind: "value", mandatory: true, fromPipeline: true };
const NIC_PARAM: ParamSpec = { name: "NetworkInterface", kind: "value", mandatory: true, fromPipeline: true };

function only<K extends PsValue["kind"]>(
  cmdlet: string,
  param: string,
  kind: K,
  what: string,
  ctx: CmdletContext,
): Extract<PsValue, { kind: K }> | undefined {
  const b = ctx.bound.get(param);
  if (!b) return undefined;
  const items = itemsOf(b.value);
  if (items.length === 1 && items[0]!.kind === kind) return items[0] as Extract<PsValue, { kind: K }>;
  ctx.report(
    "invalid-argument-value",
    `${cmdlet}: -${param} takes one ${what}${items.length === 1 ? `, not ${describe(items[0]!)}` : ""}`,
    b.value.at,
  );
  return undefined;
}

const pend = (object: { pending: Offsets[]; changed: boolean }, at: Offsets) => {
  object.pending.push(at);
  object.changed = true;
};

// --- virtual networks --------------------------------------------------------------------

const getVnet: Cmdlet = {
  name: "Get-AzVirtualNetwork",
  params: [
    { name: "Name", kind: "value" },
    { name: "ResourceGroupName", kind: "value" },
    ignored("ExpandResource"),
  ],
  run(ctx) {
    const name = textOf(this.name, "Name", ctx.bound.get("Name"), ctx.report);
    const rg = textOf(this.name, "ResourceGroupName", ctx.bound.get("ResourceGroupName"), ctx.report);
    if (ctx.bound.has("Name") && !name) return undefined;
    const network = ctx.world.network;
    const names = name ? [name.text] : network.vnetNames;
    const out: PsValue[] = [];
    for (const n of names) {
      const vnet = network.readVnet(n, name?.at ?? ctx.command, ctx.command, rg?.text);
      if (!vnet) {
        ctx.report(
          "unknown-vnet",
          `${this.name}: virtual network "${n}" was not found; the scenario has ${network.vnetNames.map((v) => `"${v}"`).join(", ") || "none"}`,
          name!.at,
        );
        return undefined;
      }
      ctx.world.vnets.push(vnet);
      out.push({ kind: "vnet", vnet, at: ctx.command });
    }
    return collect(out, ctx.command);
  },
};

/** The NSG that -NetworkSecurityGroup or -NetworkSecurityGroupId names: a name, null for none, undefined on error. */
function subnetNsg(cmdlet: string, ctx: CmdletContext): { nsg: string | null; at?: Offsets } | undefined {
  const byObject = ctx.bound.get("NetworkSecurityGroup");
  const byId = ctx.bound.get("NetworkSecurityGroupId");
  if (byObject && byId) {
    ctx.report(
      "conflicting-arguments",
      `${cmdlet}: give -NetworkSecurityGroup or -NetworkSecurityGroupId, not both`,
      byId.at,
    );
    return undefined;
  }
  const given = byObject ?? byId;
  if (!given) return { nsg: null };
  const nsg = byObject
    ? byObject.value.kind === "nsg" || byObject.value.kind === "ref" || byObject.value.kind === "null"
      ? nsgNameOf(byObject.value)
      : undefined
    : byId!.value.kind === "string"
      ? (namesInId(byId!.value.text, "networkSecurityGroups")?.[0] ?? undefined)
      : undefined;
  if (nsg === undefined) {
    ctx.report(
      "invalid-argument-value",
      byObject
        ? `${cmdlet}: -NetworkSecurityGroup takes an NSG object (Get-AzNetworkSecurityGroup or New-AzNetworkSecurityGroup)`
        : `${cmdlet}: -NetworkSecurityGroupId takes an NSG's resource ID ($nsg.Id)`,
      given.value.at,
    );
    return undefined;
  }
  return { nsg, at: given.value.at };
}

/** The parameters of Set- and Add-AzVirtualNetworkSubnetConfig (Az.Network's AzureVirtualNetworkSubnetConfigBase). */
const SUBNET_CONFIG_PARAMS: readonly ParamSpec[] = [
  { name: "Name", kind: "value", mandatory: true },
  VNET_PARAM,
  { name: "AddressPrefix", kind: "value" },
  { name: "NetworkSecurityGroup", kind: "value" },
  { name: "NetworkSecurityGroupId", kind: "value" },
  ignored("IpamPoolPrefixAllocation"),
  ignored("RouteTable"),
  ignored("RouteTableId"),
  ignored("InputObject", "value", ["NatGateway"]),
  ignored("ResourceId", "value", ["NatGatewayId"]),
  ignored("ServiceEndpoint"),
  ignored("NetworkIdentifier"),
  ignored("ServiceEndpointConfig"),
  ignored("ServiceEndpointPolicy"),
  ignored("Delegation"),
  ignored("PrivateEndpointNetworkPoliciesFlag"),
  ignored("PrivateLinkServiceNetworkPoliciesFlag"),
  ignored("IpAllocation"),
  ignored("DefaultOutboundAccess"),
];

function subnetConfigArgs(cmdlet: string, ctx: CmdletContext) {
  const vnet = only(cmdlet, "VirtualNetwork", "vnet", "VNet object (Get-AzVirtualNetwork)", ctx);
  const name = textOf(cmdlet, "Name", ctx.bound.get("Name"), ctx.report);
  const prefixBound = ctx.bound.get("AddressPrefix");
  const prefixes = prefixBound && textsOf(cmdlet, "AddressPrefix", prefixBound, ctx.report);
  const nsg = subnetNsg(cmdlet, ctx);
  if (!vnet || !name || !nsg || (prefixBound && !prefixes)) return undefined;
  return { vnet: vnet.vnet, name, prefixes, prefixAt: prefixBound?.value.at, nsg };
}

const findSubnet = (vnet: VnetObject, name: string): SubnetConfig | undefined =>
  vnet.subnets.find((s) => s.name.toLowerCase() === name.toLowerCase());

/**
 * Set-AzVirtualNetworkSubnetConfig replaces the subnet's configuration with what it is given,
 * as Az.Network's SetAzureVirtualNetworkSubnetConfigCommand does: without -NetworkSecurityGroup
 * (or -NetworkSecurityGroupId) the subnet's NSG becomes null, so the save dissociates it.
 */
const setSubnetConfig: Cmdlet = {
  name: "Set-AzVirtualNetworkSubnetConfig",
  params: SUBNET_CONFIG_PARAMS,
  run(ctx) {
    const args = subnetConfigArgs(this.name, ctx);
    if (!args) return undefined;
    const subnet = findSubnet(args.vnet, args.name.text);
    if (!subnet) {
      ctx.report(
        "unknown-subnet",
        `${this.name}: subnet with the specified name does not exist: VNet "${args.vnet.name}" has ${args.vnet.subnets.map((s) => `"${s.name}"`).join(", ") || "no subnets"}; add one with Add-AzVirtualNetworkSubnetConfig`,
        args.name.at,
      );
      return undefined;
    }
    if (args.nsg.nsg === null && subnet.nsg !== null)
      ctx.report(
        "implicit-dissociation",
        `${this.name} replaces the subnet's configuration: without -NetworkSecurityGroup it removes NSG "${subnet.nsg}" from subnet "${subnet.name}" when the VNet is saved`,
        ctx.command,
        "warning",
      );
    if (args.prefixes) {
      subnet.addressPrefixes = args.prefixes.texts;
      subnet.prefixAt = args.prefixAt;
    } else {
      ctx.report(
        "unmodelled-network-change",
        `${this.name} without -AddressPrefix clears the subnet's address prefix in memory (it replaces the whole configuration); NSG Lab keeps the scenario's range`,
        ctx.command,
        "warning",
      );
    }
    subnet.nsg = args.nsg.nsg;
    subnet.nsgAt = args.nsg.at ?? ctx.command;
    pend(args.vnet, ctx.command);
    return { kind: "vnet", vnet: args.vnet, at: ctx.command };
  },
};

const addSubnetConfig: Cmdlet = {
  name: "Add-AzVirtualNetworkSubnetConfig",
  params: SUBNET_CONFIG_PARAMS,
  run(ctx) {
    const args = subnetConfigArgs(this.name, ctx);
    if (!args) return undefined;
    if (findSubnet(args.vnet, args.name.text)) {
      ctx.report(
        "duplicate-name",
        `${this.name}: subnet with the specified name already exists in VNet "${args.vnet.name}"; change it with Set-AzVirtualNetworkSubnetConfig`,
        args.name.at,
      );
      return undefined;
    }
    args.vnet.subnets.push({
      name: args.name.text,
      addressPrefixes: args.prefixes?.texts ?? [],
      nsg: args.nsg.nsg,
      ...(args.nsg.at ? { nsgAt: args.nsg.at } : {}),
      addedAt: ctx.command,
    });
    pend(args.vnet, ctx.command);
    return { kind: "vnet", vnet: args.vnet, at: ctx.command };
  },
};

const getSubnetConfig: Cmdlet = {
  name: "Get-AzVirtualNetworkSubnetConfig",
  params: [{ name: "Name", kind: "value" }, VNET_PARAM],
  run(ctx) {
    const vnet = only(this.name, "VirtualNetwork", "vnet", "VNet object (Get-AzVirtualNetwork)", ctx);
    const name = textOf(this.name, "Name", ctx.bound.get("Name"), ctx.report);
    if (!vnet || (ctx.bound.has("Name") && !name)) return undefined;
    const subnets = name ? [findSubnet(vnet.vnet, name.text)] : vnet.vnet.subnets;
    if (subnets[0] === undefined && name) {
      ctx.report(
        "unknown-subnet",
        `${this.name}: VNet "${vnet.vnet.name}" has no subnet "${name.text}"`,
        name.at,
      );
      return undefined;
    }
    return collect(
      subnets.map((subnet): PsValue => ({
        kind: "subnet",
        subnet: subnet!,
        vnet: vnet.vnet,
        at: ctx.command,
      })),
      ctx.command,
    );
  },
};

/** Set-AzVirtualNetwork: a PUT of the whole VNet, so each subnet gets the NSG its object holds. */
const saveVnet: Cmdlet = {
  name: "Set-AzVirtualNetwork",
  params: [VNET_PARAM, ignored("AsJob", "switch")],
  run(ctx) {
    const value = only(this.name, "VirtualNetwork", "vnet", "VNet object (Get-AzVirtualNetwork)", ctx);
    if (!value) return undefined;
    const vnet = value.vnet;
    const azure = ctx.world.network.vnet(vnet.name);
    if (!azure) {
      ctx.report(
        "unknown-vnet",
        `${this.name}: virtual network "${vnet.name}" is not in the scenario`,
        ctx.command,
      );
      return undefined;
    }
    let ok = true;
    for (const subnet of vnet.subnets) {
      if (subnet.addedAt) {
        ctx.report(
          "unmodelled-network-change",
          `NSG Lab does not add subnets to the scenario's VNet "${vnet.name}": its network is fixed, so subnet "${subnet.name}" cannot be saved`,
          subnet.addedAt,
        );
        ok = false;
        continue;
      }
      const saved = azure.subnets.find((s) => s.name.toLowerCase() === subnet.name.toLowerCase());
      if (!saved) continue;
      const at = subnet.nsgAt ?? ctx.command;
      if ((subnet.nsg ?? "").toLowerCase() !== (saved.nsg ?? "").toLowerCase()) {
        const nsg = subnet.nsg === null ? null : ctx.state.nsgForAssociation(subnet.nsg, at, ctx.report);
        if (nsg === undefined) {
          ok = false;
          continue;
        }
        ctx.state.associate({ level: "subnet", target: `${azure.name}/${saved.name}`, nsg }, at);
        saved.nsg = nsg;
      }
      if (subnet.addressPrefixes.length > 0 && subnet.addressPrefixes.join(",") !== saved.addressPrefix)
        ctx.report(
          "unmodelled-network-change",
          `NSG Lab keeps subnet "${saved.name}" at ${saved.addressPrefix}: it does not model changing a subnet's address range`,
          subnet.prefixAt ?? ctx.command,
          "warning",
        );
    }
    if (!ok) return undefined;
    vnet.pending = [];
    vnet.changed = true;
    for (const subnet of vnet.subnets) delete subnet.nsgAt;
    return { kind: "vnet", vnet, at: ctx.command };
  },
};

// --- network interfaces ------------------------------------------------------------------

const getNic: Cmdlet = {
  name: "Get-AzNetworkInterface",
  params: [
    { name: "Name", kind: "value" },
    { name: "ResourceGroupName", kind: "value" },
    { name: "ResourceId", kind: "value" },
    ignored("ExpandResource"),
  ],
  run(ctx) {
    const name = textOf(this.name, "Name", ctx.bound.get("Name"), ctx.report);
    const rg = textOf(this.name, "ResourceGroupName", ctx.bound.get("ResourceGroupName"), ctx.report);
    const id = textOf(this.name, "ResourceId", ctx.bound.get("ResourceId"), ctx.report);
    if ((ctx.bound.has("Name") && !name) || (ctx.bound.has("ResourceId") && !id)) return undefined;
    const fromId = id && namesInId(id.text, "networkInterfaces")?.[0];
    if (id && !fromId) {
      ctx.report(
        "invalid-resource-id",
        `${this.name}: -ResourceId takes a network interface's ID ($nic.Id)`,
        id.at,
      );
      return undefined;
    }
    const network = ctx.world.network;
    const wanted = name?.text ?? fromId;
    const names = wanted !== undefined ? [wanted] : network.nicNames;
    const at = name?.at ?? id?.at ?? ctx.command;
    const out: PsValue[] = [];
    for (const n of names) {
      const nic = network.readNic(n, at, ctx.command, rg?.text);
      if (!nic) {
        ctx.report(
          "unknown-nic",
          `${this.name}: network interface "${n}" was not found; the scenario has ${network.nicNames.map((v) => `"${v}"`).join(", ") || "none"}`,
          at,
        );
        return undefined;
      }
      ctx.world.nics.push(nic);
      out.push({ kind: "nic", nic, at: ctx.command });
    }
    return collect(out, ctx.command);
  },
};

/** Set-AzNetworkInterface: a PUT of the whole NIC, so its NSG becomes what the object holds. */
const saveNic: Cmdlet = {
  name: "Set-AzNetworkInterface",
  params: [NIC_PARAM, ignored("AsJob", "switch")],
  run(ctx) {
    const value = only(
      this.name,
      "NetworkInterface",
      "nic",
      "network interface object (Get-AzNetworkInterface)",
      ctx,
    );
    if (!value) return undefined;
    const nic: NicObject = value.nic;
    const azure = ctx.world.network.nic(nic.name);
    if (!azure) {
      ctx.report(
        "unknown-nic",
        `${this.name}: network interface "${nic.name}" is not in the scenario`,
        ctx.command,
      );
      return undefined;
    }
    let ok = true;
    const at = nic.nsgAt ?? ctx.command;
    if ((nic.nsg ?? "").toLowerCase() !== (azure.nsg ?? "").toLowerCase()) {
      const nsg = nic.nsg === null ? null : ctx.state.nsgForAssociation(nic.nsg, at, ctx.report);
      if (nsg === undefined) ok = false;
      else {
        ctx.state.associate({ level: "nic", target: azure.name, nsg }, at);
        azure.nsg = nsg;
      }
    }
    const primary = nic.ipConfigurations[0];
    if (
      primary &&
      primary.asgs.map((a) => a.toLowerCase()).join(",") !== azure.asgs.map((a) => a.toLowerCase()).join(",")
    ) {
      ctx.report(
        "unmodelled-network-change",
        `NSG Lab does not yet change which application security groups the scenario's NIC "${azure.name}" is in`,
        primary.asgsAt ?? ctx.command,
      );
      ok = false;
    }
    if (primary?.privateIp && primary.privateIp !== azure.privateIp)
      ctx.report(
        "unmodelled-network-change",
        `NSG Lab keeps NIC "${azure.name}" at ${azure.privateIp}: it does not model changing a NIC's private IP`,
        primary.privateIpAt ?? ctx.command,
        "warning",
      );
    if (!ok) return undefined;
    nic.pending = [];
    nic.changed = true;
    delete nic.nsgAt;
    return { kind: "nic", nic, at: ctx.command };
  },
};

export const NETWORK_CMDLETS: readonly Cmdlet[] = [
  getVnet,
  saveVnet,
  getSubnetConfig,
  setSubnetConfig,
  addSubnetConfig,
  getNic,
  saveNic,
];
