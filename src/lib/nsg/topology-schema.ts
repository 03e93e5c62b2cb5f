import { lazySchema, z } from "../zod.ts";
import { securityRuleSchema } from "./rule-schema.ts";

/**
 * The network a scenario describes: VNets with subnets, VMs with NICs, ASGs and NSGs, and where
 * each NSG is associated (subnet and/or NIC). Names are how everything refers to everything.
 */

const name = (what: string) =>
  z.string({ error: `${what} name must be a string` }).min(1, { error: `${what} name must not be empty` });

export const nsgSchema = lazySchema(() =>
  z.strictObject({
    name: name("NSG"),
    securityRules: z.array(securityRuleSchema).default([]),
  }),
);

export const subnetSchema = lazySchema(() =>
  z.strictObject({
    name: name("subnet"),
    addressPrefix: z.string({ error: "addressPrefix is required (a CIDR such as 10.0.1.0/24)" }),
    nsg: z.string().optional(),
  }),
);

export const vnetSchema = lazySchema(() =>
  z.strictObject({
    name: name("VNet"),
    addressSpace: z.array(z.string()).min(1, { error: "a VNet needs at least one address space" }),
    subnets: z.array(subnetSchema).default([]),
    /** Peered VNets (by name): their spaces join this VNet's VirtualNetwork tag. */
    peerings: z.array(z.string()).default([]),
    /** On-premises or gateway-connected ranges, also part of the VirtualNetwork tag. */
    connectedAddressSpaces: z.array(z.string()).default([]),
  }),
);

export const nicSchema = lazySchema(() =>
  z.strictObject({
    name: name("NIC"),
    /** "vnet/subnet", or just "subnet" when the name is unique. */
    subnet: z.string({ error: 'subnet is required, as "vnet-name/subnet-name"' }),
    privateIp: z.string({ error: "privateIp is required" }),
    publicIp: z.string().optional(),
    nsg: z.string().optional(),
    asgs: z.array(z.string()).default([]),
  }),
);

export const vmSchema = lazySchema(() =>
  z.strictObject({
    name: name("VM"),
    nics: z.array(nicSchema).min(1, { error: "a VM needs at least one NIC" }),
  }),
);

const asgEntry = lazySchema(() =>
  z
    .union([z.string(), z.strictObject({ name: z.string() })])
    .transform((a) => (typeof a === "string" ? a : a.name)),
);

export const topologySchema = lazySchema(() =>
  z.strictObject({
    vnets: z.array(vnetSchema).default([]),
    vms: z.array(vmSchema).default([]),
    asgs: z.array(asgEntry).default([]),
    nsgs: z.array(nsgSchema).default([]),
    /** Extra service tags a scenario defines (e.g. Storage.WestEurope), name → prefixes. */
    serviceTags: z.record(z.string(), z.array(z.string())).default({}),
  }),
);

/** Subscription offers, which decide whether Azure blocks outbound TCP 25. */
export const SUBSCRIPTION_TYPES = [
  "pay-as-you-go",
  "enterprise-agreement",
  "mca-e",
  "free-trial",
  "msdn",
  "csp",
  "azure-pass",
] as const;
export const subscriptionSchema = lazySchema(() => z.enum(SUBSCRIPTION_TYPES));

export type Nsg = z.output<typeof nsgSchema>;
export type Subnet = z.output<typeof subnetSchema>;
export type Vnet = z.output<typeof vnetSchema>;
export type Nic = z.output<typeof nicSchema>;
export type Vm = z.output<typeof vmSchema>;
export type Topology = z.output<typeof topologySchema>;
export type TopologyInput = z.input<typeof topologySchema>;
export type SubscriptionType = z.output<typeof subscriptionSchema>;
