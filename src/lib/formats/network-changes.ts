import type { SourceSpan } from "../result.ts";

/**
 * The network resources a script creates or changes, in a shape no shell owns: the az CLI reader
 * (`az network vnet create`, `az vm create`…) and the Azure PowerShell reader
 * (`New-AzVirtualNetwork`, `New-AzVM`…) both describe what they built as a list of these, in the
 * order the script ran, and `grader/apply-network.ts` builds them into the scenario's topology.
 *
 * Readers resolve what they can from the text alone (defaults, names of resources a command
 * creates, case-insensitive names to one spelling); the applier checks everything that needs the
 * network itself (a VNet or subnet that does not exist, overlapping prefixes, a free address) and
 * reports it at the change's `span`, or at the `spans` entry of the field that is wrong.
 *
 * NSG rules and NSG associations are not here: an NSG a command creates is an `NsgRules` with
 * `created`, and `--network-security-group` on an update is an `Association`. Only NSGs given
 * *while creating* a subnet or NIC ride on these changes (`nsg`).
 */
export type NetworkChange =
  | VnetChange
  | SubnetChange
  | SubnetPrefixChange
  | AsgChange
  | NicChange
  | NicAsgsChange
  | VmChange
  | PeeringChange;

/** Where each written field of a change is, for errors about that field. */
export type FieldSpans<K extends string> = Partial<Record<K, SourceSpan>>;

export interface SubnetSpec {
  name: string;
  /** One IPv4 or IPv6 CIDR (the topology holds one prefix per subnet). */
  addressPrefix: string;
  /** An NSG associated as the subnet is created. */
  nsg?: string;
}

/**
 * A virtual network with its first subnets (`az network vnet create --subnet-name`,
 * `New-AzVirtualNetwork -Subnet`). Creating a VNet that exists is Azure's create-or-update PUT:
 * its address space and subnets become these, which fails for a subnet that still has NICs.
 */
export interface VnetChange {
  kind: "vnet";
  name: string;
  addressSpace: string[];
  subnets: SubnetSpec[];
  span: SourceSpan;
  spans?: FieldSpans<"name" | "addressSpace" | "subnets">;
}

/** A subnet added to a VNet (`az network vnet subnet create`, `Add-AzVirtualNetworkSubnetConfig`). */
export interface SubnetChange extends SubnetSpec {
  kind: "subnet";
  vnet: string;
  span: SourceSpan;
  spans?: FieldSpans<"vnet" | "name" | "addressPrefix" | "nsg">;
}

/** A subnet's prefix changed in place (`az network vnet subnet update --address-prefixes`). */
export interface SubnetPrefixChange {
  kind: "subnet-prefix";
  vnet: string;
  name: string;
  addressPrefix: string;
  span: SourceSpan;
  spans?: FieldSpans<"vnet" | "name" | "addressPrefix">;
}

/** An application security group (`az network asg create`, `New-AzApplicationSecurityGroup`). */
export interface AsgChange {
  kind: "asg";
  name: string;
  span: SourceSpan;
}

/**
 * A network interface, not yet on a VM (`az network nic create`, `New-AzNetworkInterface`, or the
 * NIC `az vm create` makes). A VM change attaches it; until then no flow can reach it.
 */
export interface NicChange {
  kind: "nic";
  name: string;
  /** "vnet/subnet". */
  subnet: string;
  /** A static private IP; absent for Azure's dynamic allocation (the first free address). */
  privateIp?: string;
  /**
   * The public IP resource the NIC's IP configuration uses, by name. Its address is never in
   * the text (Azure assigns it), so the applier gives it one (see docs/azure-behaviours.md).
   */
  publicIp?: { name: string };
  nsg?: string;
  asgs: string[];
  span: SourceSpan;
  spans?: FieldSpans<"name" | "subnet" | "privateIp" | "publicIp" | "nsg" | "asgs">;
}

/**
 * A NIC's application security groups replaced (`az network nic ip-config update
 * --application-security-groups`, `Set-AzNetworkInterfaceIpConfig -ApplicationSecurityGroup`).
 */
export interface NicAsgsChange {
  kind: "nic-asgs";
  nic: string;
  asgs: string[];
  span: SourceSpan;
  spans?: FieldSpans<"nic" | "asgs">;
}

/** A virtual machine on NICs created before it, the first one primary (`az vm create`, `New-AzVM`). */
export interface VmChange {
  kind: "vm";
  name: string;
  nics: string[];
  span: SourceSpan;
  spans?: FieldSpans<"name" | "nics">;
}

/**
 * One direction of a VNet peering, `vnet` to `remote` (`az network vnet peering create`,
 * `Add-AzVirtualNetworkPeering`). Azure connects two VNets only when each has a peering to the
 * other ("this command must be called twice with the values for --vnet-name and --remote-vnet
 * reversed"); the applier joins a pair and notes a peering left on its own.
 */
export interface PeeringChange {
  kind: "peering";
  name: string;
  vnet: string;
  remote: string;
  span: SourceSpan;
  spans?: FieldSpans<"vnet" | "remote">;
}
