/**
 * fast-check generators for valid scenarios: one or two VNets (optionally peered, optionally with an
 * IPv6 space and an on-premises range), subnets, VMs with NICs, ASGs, NSGs associated at random
 * levels, rule sets drawn from a small pool of addresses and ports so that rules and flows often
 * meet, and flows between VMs, NICs and outside addresses. Every generated topology is valid: the
 * generators respect Azure's constraints (unique priorities per direction, ASGs in one VNet, ...).
 */
import fc from "fast-check";
import {
  SUBSCRIPTION_TYPES,
  type FlowInput,
  type SecurityRuleInput,
  type SubscriptionType,
  type TopologyInput,
} from "../../../src/lib/nsg/index.ts";

export const NSG_NAMES = ["nsg-a", "nsg-b", "nsg-c"] as const;
export const ASG_NAMES = ["asg-web", "asg-db"] as const;
const PORTS = ["*", "22", "25", "80", "443", "1433", "3389", "1024-65535", "20-21", "0-1023"];
const V4_PREFIXES = [
  "10.0.0.0/16",
  "10.0.1.0/24",
  "10.0.2.0/24",
  "10.0.1.4",
  "10.0.2.5",
  "10.1.0.0/16",
  "10.1.1.4",
  "192.168.0.0/16",
  "20.0.0.0/8",
  "8.8.8.8",
  "203.0.113.0/24",
  "168.63.129.16",
  "0.0.0.0/0",
];
const V6_PREFIXES = ["fd00:0:0:1::/64", "fd00::/48", "2001:db8::/32", "::/0"];
const SINGLE_ONLY = ["*", "VirtualNetwork", "Internet", "AzureLoadBalancer", "Storage"];

export interface Scenario {
  topology: TopologyInput;
  subscription: SubscriptionType;
  /** For each VM, every name a flow may use for it: VM, NIC, private and public address. */
  vmAliases: string[][];
  /** Addresses outside the scenario. */
  outside: string[];
}

const addressSide = (
  side: "source" | "destination",
  asgsAllowed: boolean,
): fc.Arbitrary<Partial<SecurityRuleInput>> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...SINGLE_ONLY).map((p) => ({ [`${side}AddressPrefix`]: p })) },
    {
      weight: 3,
      arbitrary: fc
        .constantFrom(...V4_PREFIXES, ...V6_PREFIXES)
        .map((p) => ({ [`${side}AddressPrefix`]: p })),
    },
    {
      weight: 1,
      arbitrary: fc
        .uniqueArray(fc.constantFrom(...V4_PREFIXES.filter((p) => p !== "0.0.0.0/0"), ...V6_PREFIXES), {
          minLength: 1,
          maxLength: 4,
        })
        .map((ps) => ({ [`${side}AddressPrefixes`]: ps })),
    },
    ...(asgsAllowed
      ? [
          {
            weight: 1,
            arbitrary: fc
              .uniqueArray(fc.constantFrom(...ASG_NAMES), { minLength: 1, maxLength: 2 })
              .map((a) => ({ [`${side}ApplicationSecurityGroups`]: a })),
          },
        ]
      : []),
  );

const portSide = (side: "source" | "destination"): fc.Arbitrary<Partial<SecurityRuleInput>> =>
  fc.oneof(
    { weight: side === "source" ? 6 : 3, arbitrary: fc.constant({ [`${side}PortRange`]: "*" }) },
    { weight: 3, arbitrary: fc.constantFrom(...PORTS).map((p) => ({ [`${side}PortRange`]: p })) },
    {
      weight: 1,
      arbitrary: fc
        .uniqueArray(fc.constantFrom(...PORTS.filter((p) => p !== "*")), { minLength: 1, maxLength: 3 })
        .map((ps) => ({ [`${side}PortRanges`]: ps })),
    },
  );

/** The body of a rule (everything but name, priority and direction). */
export const ruleBody = (
  asgsAllowed = true,
): fc.Arbitrary<Omit<SecurityRuleInput, "name" | "priority" | "direction">> =>
  fc
    .record({
      access: fc.constantFrom("Allow", "Deny"),
      protocol: fc.constantFrom("Tcp", "Tcp", "Udp", "Icmp", "Esp", "Ah", "*", "*"),
      source: addressSide("source", asgsAllowed),
      destination: addressSide("destination", asgsAllowed),
      sourcePorts: portSide("source"),
      destinationPorts: portSide("destination"),
    })
    .map(({ access, protocol, source, destination, sourcePorts, destinationPorts }) => ({
      access,
      protocol,
      ...source,
      ...destination,
      ...sourcePorts,
      ...destinationPorts,
    }));

const directionRules = (direction: "Inbound" | "Outbound", prefix: string) =>
  fc
    .uniqueArray(fc.integer({ min: 100, max: 4096 }), { maxLength: 12 })
    .chain((priorities) =>
      fc
        .tuple(...priorities.map(() => ruleBody()))
        .map((bodies) =>
          bodies.map((body, i) => ({ name: `${prefix}-${i}`, priority: priorities[i]!, direction, ...body })),
        ),
    );

const nsgRules = fc
  .tuple(directionRules("Inbound", "in"), directionRules("Outbound", "out"))
  .map(([a, b]) => [...a, ...b]);

const maybeNsg = fc.option(fc.constantFrom(...NSG_NAMES), { nil: undefined, freq: 2 });

export const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    secondVnet: fc.boolean(),
    peered: fc.boolean(),
    ipv6: fc.boolean(),
    onPremises: fc.boolean(),
    subnetNsgs: fc.array(maybeNsg, { minLength: 3, maxLength: 3 }),
    vms: fc.array(
      fc.record({
        subnet: fc.nat(2),
        nsg: maybeNsg,
        publicIp: fc.boolean(),
        asgs: fc.subarray([...ASG_NAMES]),
        v6: fc.nat(3).map((n) => n === 0),
      }),
      { minLength: 1, maxLength: 5 },
    ),
    rules: fc.tuple(nsgRules, nsgRules, nsgRules),
    subscription: fc.constantFrom(...SUBSCRIPTION_TYPES),
  })
  .map(({ secondVnet, peered, ipv6, onPremises, subnetNsgs, vms, rules, subscription }) => {
    const main = {
      name: "vnet0",
      addressSpace: ["10.0.0.0/16", ...(ipv6 ? ["fd00::/48"] : [])],
      subnets: [
        { name: "s0", addressPrefix: "10.0.1.0/24", ...(subnetNsgs[0] ? { nsg: subnetNsgs[0] } : {}) },
        { name: "s1", addressPrefix: "10.0.2.0/24", ...(subnetNsgs[1] ? { nsg: subnetNsgs[1] } : {}) },
        ...(ipv6 ? [{ name: "s6", addressPrefix: "fd00:0:0:1::/64" }] : []),
      ],
      peerings: secondVnet && peered ? ["vnet1"] : [],
      connectedAddressSpaces: onPremises ? ["192.168.0.0/16"] : [],
    };
    const other = {
      name: "vnet1",
      addressSpace: ["10.1.0.0/16"],
      subnets: [
        { name: "s0", addressPrefix: "10.1.1.0/24", ...(subnetNsgs[2] ? { nsg: subnetNsgs[2] } : {}) },
      ],
      peerings: peered ? ["vnet0"] : [],
    };
    const outside = [
      "8.8.8.8",
      "203.0.113.7",
      "20.38.100.1",
      "10.9.9.9",
      "168.63.129.16",
      "192.168.5.5",
      "2001:db8::1",
    ];
    const vmAliases: string[][] = [];
    const topologyVms = vms.map((vm, i) => {
      // Subnet 2 is vnet1 when there is one; ASGs stay in vnet0 (an ASG's NICs share one VNet).
      const inOther = secondVnet && vm.subnet === 2;
      const useV6 = ipv6 && vm.v6 && !inOther;
      const subnet = inOther ? "vnet1/s0" : useV6 ? "vnet0/s6" : `vnet0/s${vm.subnet % 2}`;
      const privateIp = inOther
        ? `10.1.1.${4 + i}`
        : useV6
          ? `fd00:0:0:1::${4 + i}`
          : `10.0.${(vm.subnet % 2) + 1}.${4 + i}`;
      const publicIp = vm.publicIp ? (useV6 ? `2603:1030::${10 + i}` : `20.50.0.${10 + i}`) : undefined;
      vmAliases.push([`vm${i}`, `nic${i}`, privateIp, ...(publicIp ? [publicIp] : [])]);
      return {
        name: `vm${i}`,
        nics: [
          {
            name: `nic${i}`,
            subnet,
            privateIp,
            ...(publicIp ? { publicIp } : {}),
            ...(vm.nsg ? { nsg: vm.nsg } : {}),
            asgs: inOther ? [] : vm.asgs,
          },
        ],
      };
    });
    const topology: TopologyInput = {
      vnets: secondVnet ? [main, other] : [{ ...main, peerings: [] }],
      vms: topologyVms,
      asgs: [...ASG_NAMES],
      nsgs: NSG_NAMES.map((name, i) => ({ name, securityRules: rules[i]! })),
      serviceTags: { Storage: ["20.38.96.0/19", "2603:1000::/40"] },
    };
    return { topology, subscription, vmAliases, outside };
  });

/** Flows between two different VMs, from a VM to the outside, or from the outside to a VM. */
export const flowArb = ({
  vmAliases,
  outside,
}: Pick<Scenario, "vmAliases" | "outside">): fc.Arbitrary<FlowInput> => {
  const alias = (vm: number) => fc.constantFrom(...vmAliases[vm]!);
  const vm = fc.nat(vmAliases.length - 1);
  const ends = fc.oneof(
    {
      weight: vmAliases.length > 1 ? 3 : 0,
      arbitrary: fc
        .tuple(vm, vm)
        .filter(([a, b]) => a !== b)
        .chain(([a, b]) => fc.tuple(alias(a), alias(b))),
    },
    { weight: 1, arbitrary: vm.chain((a) => fc.tuple(alias(a), fc.constantFrom(...outside))) },
    { weight: 1, arbitrary: vm.chain((a) => fc.tuple(fc.constantFrom(...outside), alias(a))) },
  );
  return fc
    .record({
      ends,
      protocol: fc.constantFrom("Tcp", "Tcp", "Tcp", "Udp", "Icmp", "Esp", "Ah"),
      port: fc.oneof(
        fc.constantFrom(22, 25, 80, 443, 587, 1433, 3389, 20, 1023, 1024),
        fc.integer({ min: 0, max: 65535 }),
      ),
      sourcePort: fc.option(
        fc.oneof(fc.constantFrom(80, 443, 1000, 49152), fc.integer({ min: 0, max: 65535 })),
        { nil: undefined },
      ),
      response: fc.option(fc.boolean(), { nil: undefined }),
    })
    .map(({ ends: [from, to], sourcePort, response, ...flow }) => ({
      from,
      to,
      ...flow,
      // A reply names the port its connection came from.
      ...(sourcePort !== undefined || response ? { sourcePort: sourcePort ?? 49152 } : {}),
      ...(response !== undefined ? { response } : {}),
    }));
};

/** A scenario with a batch of flows over it. */
export const scenarioWithFlows = scenarioArb.chain((scenario) =>
  fc.array(flowArb(scenario), { minLength: 1, maxLength: 25 }).map((flows) => ({ ...scenario, flows })),
);
