import { parseCidrOrIp } from "../nsg/ip.ts";
import { PRIORITY_MAX, PRIORITY_MIN, type SecurityRule } from "../nsg/rule-schema.ts";
import type { Nsg, Topology } from "../nsg/topology-schema.ts";

/**
 * The typical wrong answers, made from a reference solution: each changes one thing the way
 * learners get it wrong (a source widened to `*`, the wrong direction, a broad deny first…).
 * `check:content` grades every mutant and fails an exercise that would pass one: a grader that
 * passes a wrong answer teaches the opposite of the course.
 */
export interface Mutant {
  /** Which kind of mistake, e.g. "source-any". */
  kind: string;
  /** The mistake in words, naming the rule it was made on. */
  description: string;
  topology: Topology;
}

const withRules = (topology: Topology, nsgName: string, rules: SecurityRule[]): Topology => ({
  ...topology,
  nsgs: topology.nsgs.map((n) => (n.name === nsgName ? { ...n, securityRules: rules } : n)),
});

const replaced = (rules: readonly SecurityRule[], index: number, rule: SecurityRule): SecurityRule[] =>
  rules.map((r, i) => (i === index ? rule : r));

/** A priority not used in `direction` of `rules`, closest to `wanted`, or undefined. */
function freePriority(rules: readonly SecurityRule[], direction: string, wanted: number): number | undefined {
  const used = new Set(rules.filter((r) => r.direction === direction).map((r) => r.priority));
  for (let delta = 0; delta <= PRIORITY_MAX - PRIORITY_MIN; delta++) {
    for (const p of [wanted - delta, wanted + delta])
      if (p >= PRIORITY_MIN && p <= PRIORITY_MAX && !used.has(p)) return p;
  }
  return undefined;
}

/** The first address of an IPv4 or IPv6 prefix wider than one address, as text. */
function firstHost(prefix: string): string | undefined {
  if (!prefix.includes("/")) return undefined;
  const set = parseCidrOrIp(prefix);
  if (!set.ok) return undefined;
  const [address, length] = prefix.split("/");
  return Number(length) < (address!.includes(":") ? 128 : 32) ? address : undefined;
}

/** Mutations of one allow rule: each returns the changed rule, or undefined where it does not apply. */
const RULE_MUTATIONS: {
  kind: string;
  what: string;
  mutate: (rule: SecurityRule) => SecurityRule | undefined;
}[] = [
  {
    kind: "source-any",
    what: "source widened to *",
    mutate: (r) =>
      r.sourceAddressPrefixes.join() === "*"
        ? undefined
        : { ...r, sourceAddressPrefixes: ["*"], sourceApplicationSecurityGroups: [] },
  },
  {
    kind: "source-internet",
    what: "source widened to Internet",
    mutate: (r) =>
      r.sourceAddressPrefixes.some((p) => /^(\*|internet)$/i.test(p))
        ? undefined
        : { ...r, sourceAddressPrefixes: ["Internet"], sourceApplicationSecurityGroups: [] },
  },
  {
    kind: "protocol-any",
    what: "protocol widened to Any",
    mutate: (r) => (r.protocol === "*" ? undefined : { ...r, protocol: "*" }),
  },
  {
    kind: "ports-widened",
    what: "destination port range widened by one port on each side",
    mutate: (r) => {
      if (r.destinationPortRanges.includes("*")) return undefined;
      const widened = r.destinationPortRanges.map((spec) => {
        const [lo = 0, hi = lo] = spec.split("-").map(Number);
        return `${Math.max(0, lo - 1)}-${Math.min(65535, hi + 1)}`;
      });
      return { ...r, destinationPortRanges: widened };
    },
  },
  {
    kind: "ports-any",
    what: "destination ports widened to *",
    mutate: (r) =>
      r.destinationPortRanges.includes("*") ? undefined : { ...r, destinationPortRanges: ["*"] },
  },
  {
    kind: "single-host",
    what: "a single host instead of the source range",
    mutate: (r) => {
      const host = r.sourceAddressPrefixes.map(firstHost).find((h) => h !== undefined);
      return host === undefined ? undefined : { ...r, sourceAddressPrefixes: [host] };
    },
  },
];

function ruleMutants(topology: Topology, nsg: Nsg): Mutant[] {
  const mutants: Mutant[] = [];
  nsg.securityRules.forEach((rule, index) => {
    const label = `${nsg.name}/${rule.name}`;
    if (rule.access === "Allow") {
      for (const { kind, what, mutate } of RULE_MUTATIONS) {
        const changed = mutate(rule);
        if (changed)
          mutants.push({
            kind,
            description: `${label}: ${what}`,
            topology: withRules(topology, nsg.name, replaced(nsg.securityRules, index, changed)),
          });
      }
      const publicIp = publicIpFor(topology, rule.destinationAddressPrefixes);
      if (publicIp)
        mutants.push({
          kind: "public-ip-destination",
          description: `${label}: the VM's public IP ${publicIp} as destination (NSGs see the private address)`,
          topology: withRules(
            topology,
            nsg.name,
            replaced(nsg.securityRules, index, { ...rule, destinationAddressPrefixes: [publicIp] }),
          ),
        });
    }
    const other = rule.direction === "Inbound" ? "Outbound" : "Inbound";
    const priority = freePriority(nsg.securityRules, other, rule.priority);
    if (priority !== undefined)
      mutants.push({
        kind: "wrong-direction",
        description: `${label}: written as ${other.toLowerCase()} instead of ${rule.direction.toLowerCase()}`,
        topology: withRules(
          topology,
          nsg.name,
          replaced(nsg.securityRules, index, { ...rule, direction: other, priority }),
        ),
      });
  });
  for (const direction of ["Inbound", "Outbound"] as const) {
    const custom = nsg.securityRules.filter((r) => r.direction === direction);
    if (custom.length === 0 || !custom.some((r) => r.access === "Allow")) continue;
    const first = Math.min(...custom.map((r) => r.priority));
    const priority = freePriority(nsg.securityRules, direction, first - 1);
    if (priority === undefined || priority > first) continue;
    const deny: SecurityRule = {
      name: "mutant-deny-all-first",
      priority,
      direction,
      access: "Deny",
      protocol: "*",
      sourceAddressPrefixes: ["*"],
      sourcePortRanges: ["*"],
      destinationAddressPrefixes: ["*"],
      destinationPortRanges: ["*"],
      sourceApplicationSecurityGroups: [],
      destinationApplicationSecurityGroups: [],
    };
    mutants.push({
      kind: "broad-deny-first",
      description: `${nsg.name}: a ${direction.toLowerCase()} deny-all placed before the allow rules`,
      topology: withRules(topology, nsg.name, [...nsg.securityRules, deny]),
    });
  }
  return mutants;
}

/** The public IP of the NIC whose private IP is the rule's only destination. */
function publicIpFor(topology: Topology, destinations: readonly string[]): string | undefined {
  if (destinations.length !== 1) return undefined;
  const target = destinations[0]!.replace(/\/(32|128)$/, "");
  for (const vm of topology.vms)
    for (const nic of vm.nics) if (nic.privateIp === target && nic.publicIp) return nic.publicIp;
  return undefined;
}

/** The rules moved to each other editable NSG: the right rules in the wrong NSG or at the wrong level. */
function movedMutants(topology: Topology, editable: readonly string[]): Mutant[] {
  const mutants: Mutant[] = [];
  for (const from of editable) {
    const source = topology.nsgs.find((n) => n.name === from);
    if (!source || source.securityRules.length === 0) continue;
    for (const to of editable) {
      const target = topology.nsgs.find((n) => n.name === to);
      if (!target || to === from) continue;
      const moved = source.securityRules.filter(
        (r) => freePriority(target.securityRules, r.direction, r.priority) === r.priority,
      );
      if (moved.length === 0) continue;
      const emptied = withRules(
        topology,
        from,
        source.securityRules.filter((r) => !moved.includes(r)),
      );
      mutants.push({
        kind: "other-nsg",
        description: `the rules of ${from} written in ${to} instead`,
        topology: withRules(emptied, to, [...target.securityRules, ...moved]),
      });
    }
  }
  return mutants;
}

/** A subnet's "vnet/subnet" reference, as NICs write it. */
const subnetRef = (vnet: string, subnet: string) => `${vnet}/${subnet}`;

/** Does a NIC's `subnet` (a "vnet/subnet" or a bare, unique subnet name) name this subnet? */
const inSubnet = (nicSubnet: string, vnet: string, subnet: string) =>
  nicSubnet === subnetRef(vnet, subnet) || nicSubnet === subnet;

/**
 * Each editable NSG the reference associates, moved to the other level: from a subnet onto each
 * of its NICs instead, or from a NIC onto its subnet instead (the wrong level, the most common
 * mistake of an association task).
 */
function levelMutants(reference: Topology, editable: readonly string[]): Mutant[] {
  const mutants: Mutant[] = [];
  for (const vnet of reference.vnets) {
    for (const subnet of vnet.subnets) {
      if (subnet.nsg === undefined || !editable.includes(subnet.nsg)) continue;
      const nsg = subnet.nsg;
      mutants.push({
        kind: "wrong-level",
        description: `${nsg} associated with the NICs of ${subnet.name} instead of the subnet`,
        topology: {
          ...reference,
          vnets: reference.vnets.map((v) =>
            v !== vnet
              ? v
              : { ...v, subnets: v.subnets.map((s) => (s === subnet ? { ...s, nsg: undefined } : s)) },
          ),
          vms: reference.vms.map((vm) => ({
            ...vm,
            nics: vm.nics.map((n) => (inSubnet(n.subnet, vnet.name, subnet.name) ? { ...n, nsg } : n)),
          })),
        },
      });
    }
  }
  for (const vm of reference.vms) {
    for (const nic of vm.nics) {
      if (nic.nsg === undefined || !editable.includes(nic.nsg)) continue;
      const nsg = nic.nsg;
      const home = reference.vnets.flatMap((v) =>
        v.subnets.filter((s) => inSubnet(nic.subnet, v.name, s.name)).map((s) => ({ v, s })),
      )[0];
      if (!home || home.s.nsg !== undefined) continue;
      mutants.push({
        kind: "wrong-level",
        description: `${nsg} associated with the subnet ${home.s.name} instead of ${nic.name}`,
        topology: {
          ...reference,
          vnets: reference.vnets.map((v) =>
            v !== home.v ? v : { ...v, subnets: v.subnets.map((s) => (s === home.s ? { ...s, nsg } : s)) },
          ),
          vms: reference.vms.map((m) => ({
            ...m,
            nics: m.nics.map((n) => (n === nic ? { ...n, nsg: undefined } : n)),
          })),
        },
      });
    }
  }
  return mutants;
}

export function solutionMutants(reference: Topology, editable: readonly string[]): Mutant[] {
  const nsgs = reference.nsgs.filter((n) => editable.includes(n.name));
  return [
    ...nsgs.flatMap((nsg) => ruleMutants(reference, nsg)),
    ...movedMutants(reference, editable),
    ...levelMutants(reference, editable),
  ];
}
