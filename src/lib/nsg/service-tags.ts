import { ALL_ADDRESSES, subtract, union, type AddressSet } from "./address-set.ts";
import { cidrSet } from "./ip.ts";

/**
 * The service tags every NSG understands. Tags are matched case-insensitively, and the
 * legacy upper-case names (VIRTUAL_NETWORK, AZURE_LOADBALANCER, INTERNET) still work in Azure.
 */
export const BUILT_IN_TAGS = [
  "VirtualNetwork",
  "AzureLoadBalancer",
  "Internet",
  // The host's platform services; see host-services.ts for what naming them changes.
  "AzurePlatformDNS",
  "AzurePlatformIMDS",
  "AzurePlatformLKM",
] as const;
export type BuiltInTag = (typeof BUILT_IN_TAGS)[number];
export type PlatformServiceTag = Extract<BuiltInTag, `AzurePlatform${string}`>;

const LEGACY_NAMES: Record<string, BuiltInTag> = {
  virtual_network: "VirtualNetwork",
  azure_loadbalancer: "AzureLoadBalancer",
  internet: "Internet",
};

/** Every spelling by its lower case: asked for each address of each rule, several times over. */
const BY_LOWER_CASE = new Map<string, BuiltInTag>([
  ...BUILT_IN_TAGS.map((t): [string, BuiltInTag] => [t.toLowerCase(), t]),
  ...Object.entries(LEGACY_NAMES),
]);

export function builtInTag(text: string): BuiltInTag | undefined {
  // Every tag starts with a letter: an address (most prefixes) needs no lower-case copy.
  const first = text.charCodeAt(0);
  if (first >= 48 && first <= 57) return undefined;
  return BY_LOWER_CASE.get(text.toLowerCase());
}

/** Azure's platform address: load balancer health probes, DHCP, DNS, the VM agent's WireServer. */
export const AZURE_PLATFORM_IP = "168.63.129.16";
export const AZURE_LOAD_BALANCER: AddressSet = cidrSet([`${AZURE_PLATFORM_IP}/32`]);

/** Instance Metadata Service (Learn, "Azure Instance Metadata Service"): HTTP on a link-local address. */
export const IMDS_IP = "169.254.169.254";

/**
 * Azure's KMS hosts for Windows activation on TCP 1688 (Learn, "Troubleshoot Azure Windows virtual
 * machine activation problems": azkms.core.windows.net is 20.118.99.224 and 40.83.235.53, the
 * older kms.core.windows.net 23.102.135.246). AzurePlatformLKM is the tag that targets them.
 */
export const KMS_IPS = ["20.118.99.224", "40.83.235.53", "23.102.135.246"] as const;

export const isPlatformServiceTag = (tag: BuiltInTag | undefined): tag is PlatformServiceTag =>
  tag !== undefined && tag.startsWith("AzurePlatform");

/**
 * Address space that is never "the internet": private, shared, loopback, link-local,
 * multicast and reserved ranges. The Internet tag is public space outside the VNet. Built on
 * first use: its IPv6 ranges take ip-num a while, which a page would otherwise pay as it loads.
 */
let nonPublic: AddressSet | undefined;
const NON_PUBLIC_PREFIXES = [
  "0.0.0.0/8",
  "10.0.0.0/8",
  "100.64.0.0/10",
  "127.0.0.0/8",
  "169.254.0.0/16",
  "172.16.0.0/12",
  "192.168.0.0/16",
  "224.0.0.0/4",
  "240.0.0.0/4",
  "::/128",
  "::1/128",
  "fc00::/7",
  "fe80::/10",
  "ff00::/8",
];

/**
 * VirtualNetwork covers the VNet's address space, peered and connected spaces, and the host's
 * virtual IP 168.63.129.16 (Azure's service-tag docs list "the virtual IP address of the host").
 */
export function virtualNetworkSet(vnetSpace: AddressSet): AddressSet {
  return union(vnetSpace, AZURE_LOAD_BALANCER);
}

export function internetSet(virtualNetwork: AddressSet): AddressSet {
  return subtract(subtract(ALL_ADDRESSES, (nonPublic ??= cidrSet(NON_PUBLIC_PREFIXES))), virtualNetwork);
}
