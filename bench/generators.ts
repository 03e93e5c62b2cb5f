/**
 * Benchmark inputs: a scenario whose every NSG holds Azure's maximum of 1,000 custom rules
 * ("NSG rules per NSG: 1,000", Azure subscription limits), a small exercise the size graders use,
 * and batches of flows over them. Deterministic for a given seed.
 */
import type { FlowInput, SecurityRuleInput, TopologyInput } from "../src/lib/nsg/index.ts";
import type { Random } from "./random.ts";

export const RULES_PER_NSG = 1000;
const PORTS = [22, 25, 53, 80, 123, 443, 445, 1433, 3306, 3389, 5432, 5985, 6379, 8080, 8443, 9200, 27017];

const publicIp = (rng: Random) =>
  `${rng.pick([13, 20, 23, 40, 52, 104, 137, 157, 191])}.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`;
const cidr = (rng: Random) => {
  const bits = rng.pick([16, 20, 24, 26, 28, 32]);
  const address = publicIp(rng).split(".").map(Number);
  const value =
    (((address[0]! << 24) | (address[1]! << 16) | (address[2]! << 8) | address[3]!) >>> 0) &
    (bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0);
  const text = [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join(".");
  return bits === 32 ? text : `${text}/${bits}`;
};
const portSpec = (rng: Random) => {
  if (rng.chance(0.15)) return "*";
  if (rng.chance(0.25)) {
    const lo = rng.int(1024, 60000);
    return `${lo}-${lo + rng.int(1, 500)}`;
  }
  return String(rng.chance(0.6) ? rng.pick(PORTS) : rng.int(1, 65535));
};

/** One realistic custom rule: narrow addresses and ports, mostly allows, some augmented lists. */
function customRule(
  rng: Random,
  name: string,
  priority: number,
  direction: "Inbound" | "Outbound",
  asgs: readonly string[],
): SecurityRuleInput {
  const rule: Record<string, unknown> = {
    name,
    priority,
    direction,
    access: rng.chance(0.8) ? "Allow" : "Deny",
    protocol: rng.pick(["Tcp", "Tcp", "Tcp", "Udp", "*", "Icmp"]),
  };
  for (const side of ["source", "destination"] as const) {
    // The side facing the outside world is varied; the VM side is often an ASG, a subnet or *.
    const outside = (direction === "Inbound") === (side === "source");
    const roll = rng.next();
    if (!outside && roll < 0.25 && asgs.length > 0)
      rule[`${side}ApplicationSecurityGroups`] = [rng.pick(asgs)];
    else if (!outside && roll < 0.6)
      rule[`${side}AddressPrefix`] = rng.pick(["*", "VirtualNetwork", "10.0.1.0/24", "10.0.2.0/24"]);
    else if (roll < 0.7) rule[`${side}AddressPrefix`] = rng.pick(["Internet", "VirtualNetwork", "*"]);
    else if (roll < 0.85) rule[`${side}AddressPrefix`] = cidr(rng);
    else
      rule[`${side}AddressPrefixes`] = Array.from({ length: rng.int(2, 24) }, () => cidr(rng)).filter(
        (v, i, all) => all.indexOf(v) === i,
      );
  }
  rule.sourcePortRange = rng.chance(0.9) ? "*" : portSpec(rng);
  if (rng.chance(0.3))
    rule.destinationPortRanges = Array.from({ length: rng.int(2, 8) }, () => portSpec(rng)).filter(
      (p) => p !== "*",
    );
  else rule.destinationPortRange = portSpec(rng);
  if ((rule.destinationPortRanges as string[] | undefined)?.length === 0) {
    delete rule.destinationPortRanges;
    rule.destinationPortRange = "*";
  }
  return rule as unknown as SecurityRuleInput;
}

/** `count` rules split between directions, priorities unique per direction, in shuffled array order. */
export function generateRules(rng: Random, count: number, asgs: readonly string[] = []): SecurityRuleInput[] {
  const rules: SecurityRuleInput[] = [];
  for (const direction of ["Inbound", "Outbound"] as const) {
    const n = direction === "Inbound" ? Math.ceil(count / 2) : Math.floor(count / 2);
    const priorities = new Set<number>();
    while (priorities.size < n) priorities.add(rng.int(100, 4096));
    [...priorities].forEach((p, i) =>
      rules.push(customRule(rng, `${direction === "Inbound" ? "in" : "out"}-${i}`, p, direction, asgs)),
    );
  }
  return rules;
}

/**
 * Two subnets with an NSG each, four VMs each with a NIC NSG: every flow crosses up to four NSGs
 * of 1,000 rules (VM to VM: sender NIC and subnet outbound, receiver subnet and NIC inbound).
 */
export function largeScenario(rng: Random): { topology: TopologyInput; endpoints: string[] } {
  const asgs = ["asg-web", "asg-app", "asg-db"];
  const vms = Array.from({ length: 4 }, (_, i) => ({
    name: `vm${i}`,
    nics: [
      {
        name: `vm${i}-nic`,
        subnet: `vnet/s${(i % 2) + 1}`,
        privateIp: `10.0.${(i % 2) + 1}.${4 + i}`,
        publicIp: `20.60.0.${10 + i}`,
        nsg: `nic-nsg-${i}`,
        asgs: [asgs[i % 3]!],
      },
    ],
  }));
  const topology: TopologyInput = {
    vnets: [
      {
        name: "vnet",
        addressSpace: ["10.0.0.0/16"],
        subnets: [
          { name: "s1", addressPrefix: "10.0.1.0/24", nsg: "subnet-nsg-1" },
          { name: "s2", addressPrefix: "10.0.2.0/24", nsg: "subnet-nsg-2" },
        ],
      },
    ],
    vms,
    asgs,
    nsgs: ["subnet-nsg-1", "subnet-nsg-2", ...vms.map((_, i) => `nic-nsg-${i}`)].map((name) => ({
      name,
      securityRules: generateRules(rng, RULES_PER_NSG, asgs),
    })),
  };
  return { topology, endpoints: vms.map((vm) => vm.name) };
}

/** Flows in the proportions a course sees them: from the internet, to the internet, VM to VM. */
export function generateFlows(rng: Random, count: number, vms: readonly string[]): FlowInput[] {
  return Array.from({ length: count }, () => {
    const kind = rng.next();
    const protocol = rng.pick(["Tcp", "Tcp", "Tcp", "Udp", "Icmp"] as const);
    const port = rng.chance(0.7) ? rng.pick(PORTS) : rng.int(0, 65535);
    const [from, to] =
      kind < 0.4
        ? [publicIp(rng), rng.pick(vms)]
        : kind < 0.7
          ? [rng.pick(vms), publicIp(rng)]
          : (() => {
              const a = rng.pick(vms);
              let b = rng.pick(vms);
              while (b === a) b = rng.pick(vms);
              return [a, b];
            })();
    return {
      from,
      to,
      protocol,
      ...(protocol === "Icmp" ? {} : { port, sourcePort: rng.int(1024, 65535) }),
    };
  });
}

/** A typical exercise (the exercise-format example): one VNet, two VMs, an NSG per NIC and one on the subnet. */
export function smallExercise(): { topology: TopologyInput; flows: FlowInput[] } {
  const topology: TopologyInput = {
    vnets: [
      {
        name: "media-vnet",
        addressSpace: ["10.0.0.0/16"],
        subnets: [{ name: "default", addressPrefix: "10.0.0.0/24", nsg: "subnet-nsg" }],
      },
    ],
    vms: [
      {
        name: "ingest-vm",
        nics: [
          {
            name: "ingest-nic",
            subnet: "media-vnet/default",
            privateIp: "10.0.0.4",
            publicIp: "20.50.1.10",
            nsg: "ingest-nsg",
          },
        ],
      },
      {
        name: "render-vm",
        nics: [
          {
            name: "render-nic",
            subnet: "media-vnet/default",
            privateIp: "10.0.0.5",
            publicIp: "20.50.1.11",
            nsg: "render-nsg",
          },
        ],
      },
    ],
    nsgs: [
      {
        name: "ingest-nsg",
        securityRules: [
          {
            name: "allow-ftp",
            priority: 100,
            direction: "Inbound",
            access: "Allow",
            protocol: "Tcp",
            sourceAddressPrefix: "Internet",
            sourcePortRange: "*",
            destinationAddressPrefix: "10.0.0.4",
            destinationPortRanges: ["20", "21"],
          },
          {
            name: "allow-ftp-passive",
            priority: 110,
            direction: "Inbound",
            access: "Allow",
            protocol: "Tcp",
            sourceAddressPrefixes: ["203.0.113.0/24", "198.51.100.0/24"],
            sourcePortRange: "*",
            destinationAddressPrefix: "*",
            destinationPortRange: "50000-50100",
          },
          {
            name: "deny-ssh",
            priority: 200,
            direction: "Inbound",
            access: "Deny",
            protocol: "Tcp",
            sourceAddressPrefix: "*",
            sourcePortRange: "*",
            destinationAddressPrefix: "*",
            destinationPortRange: "22",
          },
          {
            name: "no-smtp",
            priority: 300,
            direction: "Outbound",
            access: "Deny",
            protocol: "Tcp",
            sourceAddressPrefix: "*",
            sourcePortRange: "*",
            destinationAddressPrefix: "Internet",
            destinationPortRange: "25",
          },
        ],
      },
      {
        name: "render-nsg",
        securityRules: [
          {
            name: "from-ingest",
            priority: 100,
            direction: "Inbound",
            access: "Allow",
            protocol: "Tcp",
            sourceAddressPrefix: "10.0.0.4",
            sourcePortRange: "*",
            destinationAddressPrefix: "*",
            destinationPortRange: "445",
          },
          {
            name: "deny-vnet",
            priority: 4000,
            direction: "Inbound",
            access: "Deny",
            protocol: "*",
            sourceAddressPrefix: "VirtualNetwork",
            sourcePortRange: "*",
            destinationAddressPrefix: "*",
            destinationPortRange: "*",
          },
        ],
      },
      {
        name: "subnet-nsg",
        securityRules: [
          {
            name: "allow-web",
            priority: 100,
            direction: "Inbound",
            access: "Allow",
            protocol: "Tcp",
            sourceAddressPrefix: "*",
            sourcePortRange: "*",
            destinationAddressPrefix: "*",
            destinationPortRanges: ["20", "21", "80", "443", "50000-50100"],
          },
        ],
      },
    ],
  };
  const rng = { i: 0 };
  const endpoints = [
    "203.0.113.7",
    "198.51.100.20",
    "8.8.8.8",
    "ingest-vm",
    "render-vm",
    "20.50.1.10",
    "10.0.0.5",
  ];
  const ports = [20, 21, 22, 25, 80, 443, 445, 587, 3389, 50050];
  const flows: FlowInput[] = [];
  while (flows.length < 50) {
    const k = rng.i++;
    const from = endpoints[k % endpoints.length]!;
    const to = endpoints[(k * 3 + 1) % endpoints.length]!;
    if (
      from === to ||
      (!from.includes("vm") && !to.includes("vm") && to !== "20.50.1.10" && to !== "10.0.0.5")
    )
      continue;
    if ((from === "ingest-vm" && to === "20.50.1.10") || (from === "render-vm" && to === "10.0.0.5"))
      continue;
    flows.push({
      from,
      to,
      protocol: k % 7 === 0 ? "Udp" : "Tcp",
      port: ports[k % ports.length]!,
      ...(k % 5 === 0 ? { response: true, sourcePort: 80 } : {}),
    });
  }
  return { topology, flows };
}
