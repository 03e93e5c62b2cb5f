import { addressSet, containsV4, type AddressSet } from "../nsg/address-set.ts";
import type { CompiledRule } from "../nsg/compile.ts";
import type { Evaluator } from "../nsg/evaluator.ts";
import { EPHEMERAL_PORT } from "../nsg/flow-schema.ts";
import { firstMatch, type Packet } from "../nsg/match.ts";
import type { NicPlacement } from "../nsg/network.ts";
import type { FlowProtocol } from "../nsg/vocabulary.ts";
import { toCidrs } from "./cidr-list.ts";

/**
 * Which ports of a NIC the internet can reach: the inbound subnet and NIC NSGs are evaluated
 * for every distinct region of (internet source, destination port) that their rules draw,
 * so the answer is exact for IPv4 sources and clients using an ephemeral source port.
 */
export interface ExposedPorts {
  protocol: "Tcp" | "Udp";
  /** Inclusive port ranges reachable from at least one internet address. */
  ports: [number, number][];
}

export interface InternetExposure {
  nic: string;
  tcpUdp: ExposedPorts[];
  /** Protocols without ports (ICMP, ESP, AH) reachable from the internet. */
  otherProtocols: FlowProtocol[];
  /** Internet sources that reach at least one port, as CIDRs. */
  sources: string[];
  /** True when the rule set was too large to enumerate fully: the answer is a lower bound. */
  truncated: boolean;
}

const MAX_CELLS = 200_000;

function boundaries(sets: readonly AddressSet[], within: AddressSet): number[] {
  const points = new Set<number>();
  for (let i = 0; i < within.v4.length; i += 2) points.add(within.v4[i]!);
  for (const s of sets)
    for (let i = 0; i < s.v4.length; i += 2) {
      points.add(s.v4[i]!);
      if (s.v4[i + 1]! < 0xffffffff) points.add(s.v4[i + 1]! + 1);
    }
  return [...points].filter((p) => containsV4(within, p)).sort((a, b) => a - b);
}

function portBoundaries(rules: readonly CompiledRule[]): number[] {
  const points = new Set<number>([0]);
  for (const r of rules)
    for (const [lo, hi] of r.destinationPorts) {
      points.add(lo);
      if (hi < 65535) points.add(hi + 1);
    }
  return [...points].sort((a, b) => a - b);
}

function allowedThrough(chains: readonly (readonly CompiledRule[])[], packet: Packet): boolean {
  return chains.every((rules) => firstMatch(rules, packet)?.rule.access === "Allow");
}

export function internetExposure(evaluator: Evaluator, nicName: string): InternetExposure | undefined {
  const placement: NicPlacement | undefined = evaluator.network.nicsByName.get(nicName);
  if (!placement || placement.privateIp.family !== 4) return undefined;
  const tags = evaluator.network.tagsByVnet.get(placement.vnet.name)!;
  const chains = [placement.subnetNsg, placement.nicNsg]
    .filter((n): n is string => n !== undefined)
    .map((n) => evaluator.cache.get(n, placement.vnet.name)!.inbound);
  const allRules = chains.flat();
  const sources = boundaries(
    allRules.flatMap((r) => [r.sourceAddresses]),
    tags.internet,
  );
  const ports = portBoundaries(allRules);
  const truncated = sources.length * ports.length * 2 > MAX_CELLS;
  const sourceSample = truncated
    ? sources.slice(0, Math.max(1, Math.floor(MAX_CELLS / (ports.length * 2))))
    : sources;

  const reachedSources: [number, number][] = [];
  const packetFor = (protocol: FlowProtocol, source: number, port: number): Packet => ({
    protocol,
    source: { family: 4, value: source, text: "" },
    destination: placement.privateIp,
    sourcePort: EPHEMERAL_PORT,
    destinationPort: port,
  });
  const tcpUdp: ExposedPorts[] = (["Tcp", "Udp"] as const).map((protocol) => {
    const open: [number, number][] = [];
    ports.forEach((start, i) => {
      const end = (ports[i + 1] ?? 65536) - 1;
      const reachedBy = sourceSample.filter((s) => allowedThrough(chains, packetFor(protocol, s, start)));
      if (reachedBy.length === 0) return;
      for (const s of reachedBy) reachedSources.push([s, s]);
      const last = open[open.length - 1];
      if (last && last[1] + 1 === start) last[1] = end;
      else open.push([start, end]);
    });
    return { protocol, ports: open };
  });
  const otherProtocols = (["Icmp", "Esp", "Ah"] as const).filter((protocol) =>
    sourceSample.some((s) => allowedThrough(chains, packetFor(protocol, s, 0))),
  );

  // Expand each reached representative back to the source region it stands for.
  const regions = reachedSources.map(([s]) => {
    const i = sources.indexOf(s);
    const next = sources[i + 1];
    return [s, next !== undefined ? next - 1 : regionEnd(tags.internet, s)] as [number, number];
  });
  const reached = addressSet(regions);
  return {
    nic: nicName,
    tcpUdp,
    otherProtocols,
    sources: toCidrs(intersectV4(reached, tags.internet)),
    truncated,
  };
}

function regionEnd(set: AddressSet, start: number): number {
  for (let i = 0; i < set.v4.length; i += 2)
    if (start >= set.v4[i]! && start <= set.v4[i + 1]!) return set.v4[i + 1]!;
  return start;
}

function intersectV4(a: AddressSet, b: AddressSet): AddressSet {
  const out: [number, number][] = [];
  for (let i = 0; i < a.v4.length; i += 2)
    for (let j = 0; j < b.v4.length; j += 2) {
      const lo = Math.max(a.v4[i]!, b.v4[j]!);
      const hi = Math.min(a.v4[i + 1]!, b.v4[j + 1]!);
      if (lo <= hi) out.push([lo, hi]);
    }
  return addressSet(out);
}
