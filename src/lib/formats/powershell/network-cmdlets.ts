import type { Offsets } from "../azcli/arg-parser.ts";
import type { Cmdlet, CmdletContext } from "./cmdlets.ts";
import {
  ignored,
  NIC_PARAM,
  only,
  pend,
  SUBNET_CONFIG_PARAMS,
  subnetNsg,
  VNET_PARAM,
} from "./cmdlet-args.ts";
import { namesInId } from "./ids.ts";
import { textOf, textsOf } from "./params.ts";
import { collect, type NicObject, type PsValue, type SubnetConfig, type VnetObject } from "./values.ts";

/**
 * The Az.Network cmdlets that associate NSGs: VNet objects (Get-AzVirtualNetwork, the subnet
 * configs Get-, Set- and Add-AzVirtualNetworkSubnetConfig change in memory, saved with
 * Set-AzVirtualNetwork) and NIC objects (Get-AzNetworkInterface, `$nic.NetworkSecurityGroup = …`,
 * saved with Set-AzNetworkInterface). As for NSGs, nothing changes in Azure until the object is
 * saved, and a save is a PUT of the whole object: every subnet and the NIC get what it holds.
 */

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

/** Whether a save may build network resources: asked once per save, so an exercise notes it once. */
function builder(cmdlet: string, ctx: CmdletContext): (at: Offsets) => boolean {
  let answer: boolean | undefined;
  return (at) => (answer ??= ctx.state.mayBuildNetwork(cmdlet, at, ctx.report));
}

/** A subnet as the network changes hold it: one prefix (the topology's shape), or an error. */
function onePrefix(
  cmdlet: string,
  subnet: SubnetConfig,
  at: Offsets,
  ctx: CmdletContext,
): string | undefined {
  if (subnet.addressPrefixes.length === 1) return subnet.addressPrefixes[0];
  ctx.report(
    subnet.addressPrefixes.length === 0 ? "missing-argument" : "unmodelled-network-change",
    subnet.addressPrefixes.length === 0
      ? `${cmdlet}: subnet "${subnet.name}" has no address prefix (-AddressPrefix)`
      : `${cmdlet}: NSG Lab models one address prefix per subnet, and subnet "${subnet.name}" has ${subnet.addressPrefixes.length}`,
    subnet.prefixAt ?? at,
  );
  return undefined;
}

/**
 * Set-AzVirtualNetwork: a PUT of the whole VNet. Each subnet gets the NSG its object holds (an
 * association), and subnets added or re-addressed in memory are built, where the network may
 * be built (the playground); in an exercise that part is noted and not run.
 */
const saveVnet: Cmdlet = {
  name: "Set-AzVirtualNetwork",
  params: [VNET_PARAM, ignored("AsJob", "switch")],
  run(ctx) {
    const value = only(this.name, "VirtualNetwork", "vnet", "VNet object (Get-AzVirtualNetwork)", ctx);
    if (!value) return undefined;
    const vnet = value.vnet;
    const azure = ctx.world.network.vnet(vnet.name);
    if (!azure) {
      ctx.report("unknown-vnet", `${this.name}: virtual network "${vnet.name}" does not exist`, ctx.command);
      return undefined;
    }
    const mayBuild = builder(this.name, ctx);
    if (vnet.phantom || azure.phantom) {
      // Made by a cmdlet that was not run: saving it is not run either, but what the script
      // reads back later is what it saved, so the rest of a pasted tutorial still reads.
      mayBuild(ctx.command);
      if (azure.phantom)
        ctx.world.network.putVnet({
          ...azure,
          subnets: vnet.subnets.map((s) => ({
            name: s.name,
            addressPrefix: s.addressPrefixes[0] ?? "",
            nsg: s.nsg,
          })),
        });
      return settled(vnet, ctx);
    }
    let ok = true;
    for (const subnet of vnet.subnets) {
      const saved = azure.subnets.find((s) => s.name.toLowerCase() === subnet.name.toLowerCase());
      const at = subnet.nsgAt ?? ctx.command;
      const nsg = subnet.nsg === null ? null : ctx.state.nsgForAssociation(subnet.nsg, at, ctx.report);
      if (nsg === undefined) {
        ok = false;
        continue;
      }
      if (!saved) {
        // Added with Add-AzVirtualNetworkSubnetConfig: the save creates it.
        const addedAt = subnet.addedAt ?? ctx.command;
        if (!mayBuild(addedAt)) continue;
        const prefix = onePrefix(this.name, subnet, addedAt, ctx);
        if (!prefix) {
          ok = false;
          continue;
        }
        const { prefixAt, nsgAt } = subnet;
        ctx.state.changeNetwork((span) => ({
          kind: "subnet",
          vnet: azure.name,
          name: subnet.name,
          addressPrefix: prefix,
          ...(nsg !== null ? { nsg } : {}),
          span: span(addedAt),
          spans: {
            ...(prefixAt ? { addressPrefix: span(prefixAt) } : {}),
            ...(nsgAt ? { nsg: span(nsgAt) } : {}),
          },
        }));
        azure.subnets.push({ name: subnet.name, addressPrefix: prefix, nsg });
        continue;
      }
      if ((nsg ?? "").toLowerCase() !== (saved.nsg ?? "").toLowerCase()) {
        ctx.state.associate({ level: "subnet", target: `${azure.name}/${saved.name}`, nsg }, at);
        saved.nsg = nsg;
      }
      const prefixAt = subnet.prefixAt ?? ctx.command;
      if (subnet.addressPrefixes.length > 0 && subnet.addressPrefixes.join(",") !== saved.addressPrefix) {
        if (!mayBuild(prefixAt)) continue;
        const prefix = onePrefix(this.name, subnet, prefixAt, ctx);
        if (!prefix) {
          ok = false;
          continue;
        }
        ctx.state.changeNetwork((span) => ({
          kind: "subnet-prefix",
          vnet: azure.name,
          name: saved.name,
          addressPrefix: prefix,
          span: span(prefixAt),
        }));
        saved.addressPrefix = prefix;
      }
    }
    return ok ? settled(vnet, ctx) : undefined;
  },
};

/** A saved object: its changes are in Azure now. */
function settled(vnet: VnetObject, ctx: CmdletContext): PsValue {
  vnet.pending = [];
  vnet.changed = true;
  for (const subnet of vnet.subnets) {
    delete subnet.nsgAt;
    delete subnet.addedAt;
  }
  return { kind: "vnet", vnet, at: ctx.command };
}

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

/**
 * Set-AzNetworkInterface: a PUT of the whole NIC, so its NSG becomes what the object holds (an
 * association), and its ASGs too where the network may be changed (the playground).
 */
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
      ctx.report("unknown-nic", `${this.name}: network interface "${nic.name}" does not exist`, ctx.command);
      return undefined;
    }
    const mayBuild = builder(this.name, ctx);
    const done = (): PsValue => {
      nic.pending = [];
      nic.changed = true;
      delete nic.nsgAt;
      return { kind: "nic", nic, at: ctx.command };
    };
    if (nic.phantom || azure.phantom) {
      mayBuild(ctx.command);
      return done();
    }
    const at = nic.nsgAt ?? ctx.command;
    if ((nic.nsg ?? "").toLowerCase() !== (azure.nsg ?? "").toLowerCase()) {
      const nsg = nic.nsg === null ? null : ctx.state.nsgForAssociation(nic.nsg, at, ctx.report);
      if (nsg === undefined) return undefined;
      ctx.state.associate({ level: "nic", target: azure.name, nsg }, at);
      azure.nsg = nsg;
    }
    const primary = nic.ipConfigurations[0];
    const asgsAt = primary?.asgsAt ?? ctx.command;
    const asgs = primary?.asgs ?? [];
    const key = (names: readonly string[]) => names.map((a) => a.toLowerCase()).join(",");
    if (key(asgs) !== key(azure.asgs) && mayBuild(asgsAt)) {
      ctx.state.changeNetwork((span) => ({
        kind: "nic-asgs",
        nic: azure.name,
        asgs: [...asgs],
        span: span(asgsAt),
        spans: { asgs: span(asgsAt) },
      }));
      azure.asgs = [...asgs];
    }
    if (primary?.privateIp && azure.privateIp && primary.privateIp !== azure.privateIp)
      ctx.report(
        "unmodelled-network-change",
        `NSG Lab keeps NIC "${azure.name}" at ${azure.privateIp}: it does not model changing a NIC's private IP`,
        primary.privateIpAt ?? ctx.command,
        "warning",
      );
    return done();
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
