import { containsV4, containsV6, type AddressSet } from "./address-set.ts";
import type { CompiledRule } from "./compile.ts";
import type { IpAddress } from "./ip.ts";
import { portInList } from "./ports.ts";
import { nextCandidate, portIndexOnceWorthIt, startCandidates } from "./rule-index.ts";
import type { PlatformServiceTag } from "./service-tags.ts";
import { hasPorts, type FlowProtocol } from "./vocabulary.ts";

/** What one NSG sees of a flow on one leg: addresses after NAT, ports, protocol. */
export interface Packet {
  protocol: FlowProtocol;
  source: IpAddress;
  destination: IpAddress;
  sourcePort: number;
  destinationPort: number;
}

const containsIp = (set: AddressSet, ip: IpAddress): boolean =>
  ip.family === 4 ? containsV4(set, ip.value) : containsV6(set, ip.value);

export function ruleMatches(compiled: CompiledRule, packet: Packet): boolean {
  const protocol = compiled.rule.protocol;
  if (protocol !== "*" && protocol !== packet.protocol) return false;
  if (!containsIp(compiled.sourceAddresses, packet.source)) return false;
  if (!containsIp(compiled.destinationAddresses, packet.destination)) return false;
  // Ports only exist for TCP and UDP; ICMP, ESP and AH packets ignore port fields.
  if (hasPorts(packet.protocol)) {
    if (!portInList(packet.sourcePort, compiled.sourcePorts)) return false;
    if (!portInList(packet.destinationPort, compiled.destinationPorts)) return false;
  }
  return true;
}

/** Each of a rule's conditions, and whether the packet met it: the raw material of explanations. */
export interface MatchDetail {
  protocol: boolean;
  sourceAddress: boolean;
  sourcePort: boolean;
  destinationAddress: boolean;
  destinationPort: boolean;
}

export function matchDetail(compiled: CompiledRule, packet: Packet): MatchDetail {
  const portsApply = hasPorts(packet.protocol);
  return {
    protocol: compiled.rule.protocol === "*" || compiled.rule.protocol === packet.protocol,
    sourceAddress: containsIp(compiled.sourceAddresses, packet.source),
    sourcePort: !portsApply || portInList(packet.sourcePort, compiled.sourcePorts),
    destinationAddress: containsIp(compiled.destinationAddresses, packet.destination),
    destinationPort: !portsApply || portInList(packet.destinationPort, compiled.destinationPorts),
  };
}

const INDEX_FROM = 8;

/**
 * The rule that decides: the first, in priority order, that matches. TCP and UDP packets only try
 * the rules whose destination ports cover theirs (see rule-index.ts); the result is the same.
 */
export function firstMatch(rules: readonly CompiledRule[], packet: Packet): CompiledRule | undefined {
  // A handful of rules (every NSG has its 3 defaults per direction) is quicker to scan than to
  // index, and so is a large list asked only a few times.
  const index =
    hasPorts(packet.protocol) && rules.length >= INDEX_FROM ? portIndexOnceWorthIt(rules) : undefined;
  if (!index) {
    for (const rule of rules) if (ruleMatches(rule, packet)) return rule;
    return undefined;
  }
  startCandidates(index, packet.destinationPort);
  for (let r = nextCandidate(); r >= 0; r = nextCandidate()) {
    const rule = rules[r]!;
    const protocol = rule.rule.protocol;
    if (protocol !== "*" && protocol !== packet.protocol) continue;
    if (!portInList(packet.sourcePort, rule.sourcePorts)) continue;
    if (!containsIp(rule.sourceAddresses, packet.source)) continue;
    if (containsIp(rule.destinationAddresses, packet.destination)) return rule;
  }
  return undefined;
}

/**
 * For a host platform service's traffic, which Azure exempts from NSGs: the first rule, in
 * priority order, that names the service's tag and matches (host-services.ts). None for a service
 * no tag can target (the VM agent's WireServer, DHCP).
 */
export function firstTargeting(
  rules: readonly CompiledRule[],
  packet: Packet,
  tag: PlatformServiceTag | undefined,
): CompiledRule | undefined {
  if (tag === undefined) return undefined;
  for (const rule of rules) {
    if (!rule.targetsPlatform.includes(tag)) continue;
    // The destination is the tag, which is the service: every other field must still match.
    const met = matchDetail(rule, packet);
    if (met.protocol && met.sourceAddress && met.sourcePort && met.destinationPort) return rule;
  }
  return undefined;
}
