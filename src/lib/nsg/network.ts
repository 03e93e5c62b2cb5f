import type { AddressSet } from "./address-set.ts";
import { cidrSet, parseIp, type IpAddress } from "./ip.ts";
import { AZURE_LOAD_BALANCER, internetSet, virtualNetworkSet } from "./service-tags.ts";
import type { Nic, Nsg, SubscriptionType, Topology, Vnet } from "./topology-schema.ts";

/**
 * Lookup tables over a validated topology: which NIC owns an address, which subnet and VNet a
 * NIC sits in, which NSG is associated at each level, and what the tags mean from each VNet.
 * Built once per scenario; evaluation only reads it.
 */
export interface NicPlacement {
  vm: string;
  nic: Nic;
  vnet: Vnet;
  subnetName: string;
  subnetNsg: string | undefined;
  nicNsg: string | undefined;
  privateIp: IpAddress;
  publicIp: IpAddress | undefined;
}

export interface TagSets {
  virtualNetwork: AddressSet;
  internet: AddressSet;
  azureLoadBalancer: AddressSet;
}

export interface Network {
  topology: Topology;
  subscription: SubscriptionType;
  nsgs: Map<string, Nsg>;
  nicsByName: Map<string, NicPlacement>;
  /** First NIC of each VM is its primary. */
  primaryNicByVm: Map<string, NicPlacement>;
  /** By address value (a number for IPv4, a bigint for IPv6: Map keys compare them by value). */
  nicsByAddress: Map<number | bigint, NicPlacement>;
  asgMembers: Map<string, AddressSet>;
  customTags: Map<string, AddressSet>;
  tagsByVnet: Map<string, TagSets>;
}

/** Finds a subnet by "vnet/subnet" or by a unique bare subnet name. */
export function findSubnet(
  topology: Topology,
  ref: string,
): { vnet: Vnet; subnet: Vnet["subnets"][number] } | undefined {
  const [vnetName, subnetName] = ref.includes("/") ? ref.split("/", 2) : [undefined, ref];
  const matches = topology.vnets.flatMap((vnet) =>
    vnetName !== undefined && vnet.name !== vnetName
      ? []
      : vnet.subnets.filter((s) => s.name === subnetName).map((subnet) => ({ vnet, subnet })),
  );
  return matches.length === 1 ? matches[0] : undefined;
}

export function lookupAddress(network: Network, ip: IpAddress): NicPlacement | undefined {
  return network.nicsByAddress.get(ip.value);
}

function vnetSpace(topology: Topology, vnet: Vnet): AddressSet {
  const peered = vnet.peerings.flatMap((p) => topology.vnets.find((v) => v.name === p)?.addressSpace ?? []);
  return cidrSet([...vnet.addressSpace, ...peered, ...vnet.connectedAddressSpaces]);
}

/** Assumes `validateTopology` passed: references resolve and addresses parse. */
export function buildNetwork(topology: Topology, subscription: SubscriptionType = "pay-as-you-go"): Network {
  const nicsByName = new Map<string, NicPlacement>();
  const primaryNicByVm = new Map<string, NicPlacement>();
  const nicsByAddress = new Map<number | bigint, NicPlacement>();
  const asgAddresses = new Map<string, IpAddress[]>(topology.asgs.map((a) => [a, []]));

  for (const vm of topology.vms) {
    for (const nic of vm.nics) {
      const found = findSubnet(topology, nic.subnet);
      const privateIp = parseIp(nic.privateIp);
      if (!found || !privateIp.ok) continue;
      const publicIp = nic.publicIp !== undefined ? parseIp(nic.publicIp) : undefined;
      const placement: NicPlacement = {
        vm: vm.name,
        nic,
        vnet: found.vnet,
        subnetName: found.subnet.name,
        subnetNsg: found.subnet.nsg,
        nicNsg: nic.nsg,
        privateIp: privateIp.value,
        publicIp: publicIp?.ok ? publicIp.value : undefined,
      };
      nicsByName.set(nic.name, placement);
      if (!primaryNicByVm.has(vm.name)) primaryNicByVm.set(vm.name, placement);
      nicsByAddress.set(placement.privateIp.value, placement);
      if (placement.publicIp) nicsByAddress.set(placement.publicIp.value, placement);
      for (const asg of nic.asgs) asgAddresses.get(asg)?.push(placement.privateIp);
    }
  }

  const asgMembers = new Map<string, AddressSet>();
  for (const [asg, ips] of asgAddresses) asgMembers.set(asg, cidrSet(ips.map((ip) => ip.text)));

  const customTags = new Map<string, AddressSet>();
  for (const [tag, prefixes] of Object.entries(topology.serviceTags))
    customTags.set(tag.toLowerCase(), cidrSet(prefixes));

  const tagsByVnet = new Map<string, TagSets>();
  for (const vnet of topology.vnets) {
    const virtualNetwork = virtualNetworkSet(vnetSpace(topology, vnet));
    tagsByVnet.set(vnet.name, {
      virtualNetwork,
      internet: internetSet(virtualNetwork),
      azureLoadBalancer: AZURE_LOAD_BALANCER,
    });
  }

  return {
    topology,
    subscription,
    nsgs: new Map(topology.nsgs.map((n) => [n.name, n])),
    nicsByName,
    primaryNicByVm,
    nicsByAddress,
    asgMembers,
    customTags,
    tagsByVnet,
  };
}
