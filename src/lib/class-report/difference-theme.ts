import type { DifferenceResult } from "../grader/semantic-check.ts";
import { containsV4, containsV6, type AddressSet } from "../nsg/address-set.ts";
import { parseCidrOrIp, parseIp } from "../nsg/ip.ts";
import { internetSet, virtualNetworkSet } from "../nsg/service-tags.ts";
import { union } from "../nsg/address-set.ts";
import type { Topology } from "../nsg/topology-schema.ts";

/**
 * What a difference from the reference solution is about, in the terms a class shares: who
 * reaches whom on which service ("left SSH (TCP 22) on vm-web open to the internet"), not the
 * exact range one learner happened to open. The example flow (the witness) already picks the
 * most familiar port of the region (compare/witness.ts), so a rule opening every port and one
 * opening 22 alone fall into the same group. Addresses are named by where they are in the
 * exercise's network, so no exercise needs its own wording.
 */

/** IANA service names of the ports the course's exercises and Learn's NSG pages talk about. */
const SERVICES: Record<string, string> = {
  "tcp:20": "FTP data",
  "tcp:21": "FTP",
  "tcp:22": "SSH",
  "tcp:23": "Telnet",
  "tcp:25": "SMTP",
  "tcp:53": "DNS",
  "udp:53": "DNS",
  "tcp:80": "HTTP",
  "tcp:443": "HTTPS",
  "tcp:445": "SMB",
  "tcp:587": "SMTP submission",
  "tcp:1433": "SQL Server",
  "tcp:3306": "MySQL",
  "tcp:3389": "RDP",
  "tcp:5432": "PostgreSQL",
  "tcp:8080": "HTTP alternate",
};

/** "SSH (TCP 22)", "TCP 8443", "ICMP". */
export function serviceText(protocol: string, port: number | undefined): string {
  const p = protocol.toUpperCase();
  if (port === undefined) return p;
  const name = SERVICES[`${protocol.toLowerCase()}:${port}`];
  return name ? `${name} (${p} ${port})` : `${p} ${port}`;
}

/** Where addresses are in an exercise's network: its subnets, its VNets and the internet beyond. */
export interface AddressPlan {
  subnets: { name: string; set: AddressSet }[];
  vnets: { name: string; set: AddressSet }[];
  internet: AddressSet;
}

const setOf = (prefixes: readonly string[]): AddressSet =>
  union(
    ...prefixes.flatMap((p) => {
      const parsed = parseCidrOrIp(p);
      return parsed.ok ? [parsed.value] : [];
    }),
  );

export function addressPlan(topology: Topology): AddressPlan {
  const vnets = topology.vnets.map((v) => ({ name: v.name, set: setOf(v.addressSpace) }));
  return {
    subnets: topology.vnets.flatMap((v) =>
      v.subnets.map((s) => ({ name: s.name, set: setOf([s.addressPrefix]) })),
    ),
    vnets,
    // Azure's Internet tag: the public address space outside the virtual network.
    internet: internetSet(virtualNetworkSet(union(...vnets.map((v) => v.set)))),
  };
}

/** A flow's end in words: a VM by name, else where its address lies. */
function endText(endpoint: string, plan: AddressPlan): string {
  const ip = parseIp(endpoint);
  if (!ip.ok) return endpoint;
  const has = (set: AddressSet) =>
    ip.value.family === 4 ? containsV4(set, ip.value.value) : containsV6(set, ip.value.value);
  const subnet = plan.subnets.find((s) => has(s.set));
  if (subnet) return `addresses in ${subnet.name}`;
  const vnet = plan.vnets.find((v) => has(v.set));
  if (vnet) return `addresses in ${vnet.name}`;
  return has(plan.internet) ? "the internet" : "private addresses outside the virtual network";
}

/** How familiar a difference's example is: a port learners know first, then any port, then the rest. */
const familiarity = (d: DifferenceResult) =>
  d.witness.port === undefined
    ? 2
    : SERVICES[`${String(d.witness.protocol).toLowerCase()}:${d.witness.port}`]
      ? 0
      : 1;

/**
 * A submission's differences as the groups a class shares: one per direction of travel (kind,
 * from, to), worded by its most familiar example. A rule for any protocol, or an NSG missing
 * from a path, differs for TCP, UDP, ICMP, ESP and AH alike; that is one mistake, not five.
 */
export function headlineDifferences(
  differences: readonly DifferenceResult[],
  plan: AddressPlan,
): { key: string; what: string; kind: DifferenceResult["kind"]; example: string }[] {
  const groups = new Map<string, DifferenceResult[]>();
  for (const d of differences) {
    const route = `${d.kind}|${endText(d.witness.from, plan)}|${endText(d.witness.to, plan)}`;
    const list = groups.get(route);
    if (list) list.push(d);
    else groups.set(route, [d]);
  }
  return [...groups.values()].map((list) => {
    const head = [...list].sort((a, b) => familiarity(a) - familiarity(b))[0]!;
    const { key, what } = differenceTheme(head, plan);
    const more = list.length - 1;
    const also =
      more > 0
        ? ` (and ${more} more ${more === 1 ? "protocol or port range" : "protocols or port ranges"} the same way)`
        : "";
    return { key, what, kind: head.kind, example: `${head.summary} ${head.cause}`.trim() + also };
  });
}

/** The group a difference belongs to, and its words completing "N of M …". */
export function differenceTheme(d: DifferenceResult, plan: AddressPlan): { key: string; what: string } {
  const w = d.witness;
  const from = endText(w.from, plan);
  const to = endText(w.to, plan);
  const service = serviceText(String(w.protocol), w.port);
  const key = `${d.kind}|${from}|${to}|${service}`;
  if (d.kind === "too-closed")
    return { key, what: `blocked ${service} from ${from} to ${to}, which the task needs` };
  return {
    key,
    what:
      from === "the internet"
        ? `left ${service} on ${to} open to the internet, which the reference solution denies`
        : `let ${from} reach ${to} on ${service}, which the reference solution denies`,
  };
}
