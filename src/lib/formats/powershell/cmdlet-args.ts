import type { Offsets } from "../azcli/arg-parser.ts";
import type { CmdletContext } from "./cmdlets.ts";
import { namesInId } from "./ids.ts";
import { nsgNameOf } from "./members.ts";
import type { ParamSpec } from "./params.ts";
import { describe, itemsOf, type PsValue } from "./values.ts";

/** What the network cmdlets (network-cmdlets.ts, build-cmdlets.ts, vm-cmdlets.ts) share: parameters and how they read them. */

export const ignored = (name: string, kind: "value" | "switch" = "value", aliases?: string[]): ParamSpec => ({
  name,
  kind,
  ignored: true,
  ...(aliases ? { aliases } : {}),
});
export const VNET_PARAM: ParamSpec = {
  name: "VirtualNetwork",
  kind: "value",
  mandatory: true,
  fromPipeline: true,
};
export const NIC_PARAM: ParamSpec = {
  name: "NetworkInterface",
  kind: "value",
  mandatory: true,
  fromPipeline: true,
};

export function only<K extends PsValue["kind"]>(
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

export const pend = (object: { pending: Offsets[]; changed: boolean }, at: Offsets) => {
  object.pending.push(at);
  object.changed = true;
};

/** The NSG that -NetworkSecurityGroup or -NetworkSecurityGroupId names: a name, null for none, undefined on error. */
export function subnetNsg(
  cmdlet: string,
  ctx: CmdletContext,
): { nsg: string | null; at?: Offsets } | undefined {
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
export const SUBNET_CONFIG_PARAMS: readonly ParamSpec[] = [
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
