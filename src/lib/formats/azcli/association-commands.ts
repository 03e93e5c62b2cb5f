import type { ArgSpec } from "./arg-parser.ts";
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
import { subnetPrefixUpdate } from "./network-commands.ts";
import { nameFromIdOrName } from "./resource-ids.ts";

/**
 * `az network nic update` and `az network vnet subnet update`: their NSG association matters to
 * the lab, and a subnet's `--address-prefixes` (network-commands.ts); their other arguments are
 * accepted (they are real) and change nothing the lab models. `nic update` has no ASG argument:
 * a NIC's ASGs change with `az network nic ip-config update --asgs`.
 */

function associateNsg(ctx: CommandContext, level: "nic" | "subnet", target: string): void {
  const nsgArg = ctx.args.get("networkSecurityGroup");
  if (!nsgArg) return;
  const value = nsgArg.values[0]!;
  // `null` (az's value for clearing a nullable argument) or "" detaches the NSG.
  if (value.text === "" || value.text === "null") {
    ctx.state.associate({ level, target, nsg: null }, value.end > value.start ? value : nsgArg.flag);
    return;
  }
  const nsg = ctx.state.nsgForAssociation(nameFromIdOrName(value.text), value, ctx.report);
  if (nsg !== undefined) ctx.state.associate({ level, target, nsg }, value);
}

const UNSUPPORTED_HINT = "set the NSG with --network-security-group";

export const nicUpdate: AzCommand = {
  path: "network nic update",
  args: [
    { key: "name", names: ["--name", "-n"], kind: "value", required: true, idPart: true },
    RESOURCE_GROUP,
    IDS,
    { key: "networkSecurityGroup", names: ["--network-security-group"], kind: "value" },
    { key: "acceleratedNetworking", names: ["--accelerated-networking"], kind: "bool" },
    { key: "ipForwarding", names: ["--ip-forwarding"], kind: "bool" },
    { key: "dnsServers", names: ["--dns-servers"], kind: "list" },
    { key: "internalDnsName", names: ["--internal-dns-name"], kind: "value" },
    { key: "auxiliaryMode", names: ["--auxiliary-mode"], kind: "value" },
    { key: "auxiliarySku", names: ["--auxiliary-sku"], kind: "value" },
    { key: "disableTcpStateTracking", names: ["--disable-tcp-state-tracking"], kind: "bool" },
    NO_WAIT,
    ...GENERIC_UPDATE,
  ],
  idTypes: ["networkinterfaces"],
  run(ctx) {
    if (rejectGenericUpdate(ctx, UNSUPPORTED_HINT)) return;
    for (const { names } of targets(this, ctx, ["name"]) ?? []) associateNsg(ctx, "nic", names[0]!.text);
  },
};

const SUBNET_ARGS: readonly ArgSpec[] = [
  { key: "vnetName", names: ["--vnet-name"], kind: "value", required: true, idPart: true },
  { key: "name", names: ["--name", "-n"], kind: "value", required: true, idPart: true },
  RESOURCE_GROUP,
  IDS,
  { key: "networkSecurityGroup", names: ["--network-security-group", "--nsg"], kind: "value" },
  { key: "addressPrefixes", names: ["--address-prefixes"], kind: "list" },
  { key: "routeTable", names: ["--route-table"], kind: "value" },
  { key: "serviceEndpoints", names: ["--service-endpoints"], kind: "list" },
  { key: "serviceEndpointPolicy", names: ["--service-endpoint-policy"], kind: "list" },
  { key: "delegations", names: ["--delegations"], kind: "list" },
  { key: "natGateway", names: ["--nat-gateway"], kind: "value" },
  { key: "privateEndpointNetworkPolicies", names: ["--private-endpoint-network-policies"], kind: "value" },
  {
    key: "privateLinkServiceNetworkPolicies",
    names: ["--private-link-service-network-policies"],
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
  ...GENERIC_UPDATE,
];

export const subnetUpdate: AzCommand = {
  path: "network vnet subnet update",
  args: SUBNET_ARGS,
  idTypes: ["virtualnetworks", "subnets"],
  run(ctx) {
    if (rejectGenericUpdate(ctx, UNSUPPORTED_HINT)) return;
    for (const { names } of targets(this, ctx, ["vnetName", "name"]) ?? []) {
      if (!subnetPrefixUpdate(ctx, names[0]!, names[1]!)) return;
      associateNsg(ctx, "subnet", `${names[0]!.text}/${names[1]!.text}`);
    }
  },
};
