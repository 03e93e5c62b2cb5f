import { ignored, only } from "./cmdlet-args.ts";
import type { Cmdlet } from "./cmdlets.ts";
import { namesInId } from "./ids.ts";
import { textOf } from "./params.ts";

/**
 * Add-AzVirtualNetworkPeering: one direction of a peering, from the -VirtualNetwork object to
 * -RemoteVirtualNetworkId, created in Azure at once (it is a PUT of the peering, not a change of
 * the object in memory). As with `az network vnet peering create`, two VNets are connected only
 * when each has a peering to the other (grader/apply-peerings.ts). NSG Lab models whole-VNet
 * peerings whose VNets reach each other, so -BlockVirtualNetworkAccess and the subnet-only
 * parameters are refused; the gateway and forwarding switches are accepted and change nothing here.
 */
const REFUSED = [
  "BlockVirtualNetworkAccess",
  "PeerCompleteVnets",
  "LocalSubnetNames",
  "RemoteSubnetNames",
  "EnableOnlyIPv6Peering",
];

/** It returns the peering object, which nothing NSG Lab models reads: here it is $null. */
export const addVnetPeering: Cmdlet = {
  name: "Add-AzVirtualNetworkPeering",
  params: [
    { name: "Name", kind: "value", mandatory: true },
    { name: "VirtualNetwork", kind: "value", mandatory: true, fromPipeline: true },
    { name: "RemoteVirtualNetworkId", kind: "value", mandatory: true },
    { name: "BlockVirtualNetworkAccess", kind: "switch" },
    { name: "PeerCompleteVnets", kind: "value" },
    { name: "LocalSubnetNames", kind: "value" },
    { name: "RemoteSubnetNames", kind: "value" },
    { name: "EnableOnlyIPv6Peering", kind: "value" },
    ...["AllowForwardedTraffic", "AllowGatewayTransit", "UseRemoteGateways", "AsJob"].map((n) =>
      ignored(n, "switch"),
    ),
  ],
  run(ctx) {
    const refused = REFUSED.find((p) => ctx.bound.has(p));
    if (refused) {
      ctx.report(
        "unsupported-argument",
        `${this.name}: -${refused} is not supported in NSG Lab: it models peerings of whole VNets that reach each other`,
        ctx.bound.get(refused)!.at,
      );
      return undefined;
    }
    const name = textOf(this.name, "Name", ctx.bound.get("Name"), ctx.report);
    const vnet = only(this.name, "VirtualNetwork", "vnet", "VNet object (Get-AzVirtualNetwork)", ctx);
    const remoteId = textOf(
      this.name,
      "RemoteVirtualNetworkId",
      ctx.bound.get("RemoteVirtualNetworkId"),
      ctx.report,
    );
    if (!name || !vnet || !remoteId) return undefined;
    const remote = namesInId(remoteId.text, "virtualNetworks")?.[0];
    if (remote === undefined) {
      ctx.report(
        "invalid-resource-id",
        `${this.name}: -RemoteVirtualNetworkId takes a VNet's resource ID ($vnet.Id)`,
        remoteId.at,
      );
      return undefined;
    }
    if (!ctx.state.mayBuildNetwork(this.name, ctx.command, ctx.report))
      return { kind: "null", at: ctx.command };
    const vnetAt = ctx.bound.get("VirtualNetwork")!.value.at;
    ctx.state.changeNetwork((span) => ({
      kind: "peering",
      name: name.text,
      vnet: vnet.vnet.name,
      remote,
      span: span(ctx.command),
      spans: { vnet: span(vnetAt), remote: span(remoteId.at) },
    }));
    return { kind: "null", at: ctx.command };
  },
};
