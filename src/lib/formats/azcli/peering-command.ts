import type { ArgValue } from "./arg-parser.ts";
import { NO_WAIT, RESOURCE_GROUP, targets, type AzCommand } from "./command.ts";
import { nameFromIdOrName } from "./resource-ids.ts";

/**
 * `az network vnet peering create`: one direction of a peering, from `--vnet-name` to
 * `--remote-vnet` (a name or an ID). az's help: "To successfully peer two virtual networks this
 * command must be called twice with the values for --vnet-name and --remote-vnet reversed"; the
 * applier (`grader/apply-peerings.ts`) joins the two. NSG Lab models whole-VNet peerings that
 * allow VNet access, which is what the VirtualNetwork tag follows; the arguments that peer only
 * some subnets or turn access off are refused, the gateway and forwarding ones accepted.
 */

const BOOLEAN_FALSE = new Set(["false", "no", "n", "f", "0", "off"]);
const isFalse = (v: ArgValue | undefined) => v !== undefined && BOOLEAN_FALSE.has(v.text.toLowerCase());

export const vnetPeeringCreate: AzCommand = {
  path: "network vnet peering create",
  args: [
    { key: "name", names: ["--name", "-n"], kind: "value", required: true },
    RESOURCE_GROUP,
    { key: "vnetName", names: ["--vnet-name"], kind: "value", required: true },
    { key: "remoteVnet", names: ["--remote-vnet"], kind: "value", required: true },
    { key: "allowVnetAccess", names: ["--allow-vnet-access"], kind: "bool" },
    { key: "allowForwardedTraffic", names: ["--allow-forwarded-traffic"], kind: "bool" },
    { key: "allowGatewayTransit", names: ["--allow-gateway-transit"], kind: "bool" },
    { key: "useRemoteGateways", names: ["--use-remote-gateways"], kind: "bool" },
    { key: "peerCompleteVnets", names: ["--peer-complete-vnets"], kind: "bool" },
    { key: "localSubnets", names: ["--local-subnet-names"], kind: "list" },
    { key: "remoteSubnets", names: ["--remote-subnet-names"], kind: "list" },
    { key: "onlyIpv6", names: ["--enable-only-ipv6"], kind: "bool" },
    NO_WAIT,
  ],
  run(ctx) {
    if (!targets(this, ctx, ["name"])) return;
    const access = ctx.args.get("allowVnetAccess");
    if (access && isFalse(access.values[0])) {
      ctx.report(
        "unsupported-argument",
        "--allow-vnet-access false is not supported in NSG Lab: it models peerings whose VNets reach each other",
        access.flag,
      );
      return;
    }
    // Peering some subnets only (or only the IPv6 space) leaves the VirtualNetwork tag's reach to them.
    const partial = [
      ctx.args.get("localSubnets"),
      ctx.args.get("remoteSubnets"),
      ...[ctx.args.get("peerCompleteVnets")].filter((o) => isFalse(o?.values[0])),
      ...[ctx.args.get("onlyIpv6")].filter((o) => o && !isFalse(o.values[0])),
    ].find((o) => o !== undefined);
    if (partial) {
      ctx.report(
        "unsupported-argument",
        `${partial.spec.names[0]} is not supported in NSG Lab: it models peerings of whole VNets`,
        partial.flag,
      );
      return;
    }
    if (!ctx.state.mayBuildNetwork("az network vnet peering create", ctx.nameSpan, ctx.report)) return;
    const name = ctx.args.get("name")!.values[0]!;
    const vnet = ctx.args.get("vnetName")!.values[0]!;
    const remote = ctx.args.get("remoteVnet")!.values[0]!;
    ctx.state.changeNetwork((span) => ({
      kind: "peering",
      name: name.text,
      vnet: vnet.text,
      remote: nameFromIdOrName(remote.text),
      span: span(ctx.span),
      spans: { vnet: span(vnet), remote: span(remote) },
    }));
  },
};
