import type { CompiledRule } from "./compile.ts";
import type { CompiledNsgCache } from "./compiled-nsg-cache.ts";
import { resolveEndpoint, type ResolvedEndpoint } from "./endpoints.ts";
import type { IpAddress } from "./ip.ts";
import { hostServiceOf, isHostServiceAddress, type HostService } from "./host-services.ts";
import { firstMatch, firstTargeting, type Packet } from "./match.ts";
import type { Network, NicPlacement, TagSets } from "./network.ts";
import { platformRestriction } from "./platform.ts";
import type { Access, Direction, FlowProtocol } from "./vocabulary.ts";
import type { Endpoint, Level } from "./verdict.ts";
import { fail, issue, ok, type Issue, type Result } from "../result.ts";

/**
 * The gates an initiating flow between two endpoints passes, in order: the sender's outbound NSGs
 * (NIC, then subnet), the platform's restrictions, then the receiver's inbound NSGs (subnet, then
 * NIC). Worked out once per pair of endpoints; what varies per flow (protocol and ports) is
 * supplied when the path is walked. The one place that order is written down.
 */

/** An NSG level on the path; `rules` is undefined when no NSG is associated there. */
export interface NsgGate {
  kind: "nsg";
  /** Which packet this NSG sees: the sender's as sent, or the receiver's after translation. */
  side: "sent" | "received";
  at: NicPlacement;
  level: Level;
  direction: Direction;
  nsg: string | undefined;
  rules: readonly CompiledRule[] | undefined;
}

export interface PlatformGate {
  kind: "platform";
  senderTags: TagSets;
}

export type Gate = NsgGate | PlatformGate;

/** A packet's addresses as one side of the path sees them. */
export interface PacketAddresses {
  source: IpAddress;
  destination: IpAddress;
}

/** The same issues, each message led by `prefix` ("from: ..."). */
export const within = (prefix: string, errors: readonly Issue[]): Issue[] =>
  errors.map((e) => ({ ...e, message: `${prefix}${e.message}` }));

/** Outbound leaves the NIC before the subnet; inbound crosses the subnet before the NIC. */
const OUTBOUND_ORDER: readonly Level[] = ["nic", "subnet"];
const INBOUND_ORDER: readonly Level[] = ["subnet", "nic"];

function nsgGate(
  cache: CompiledNsgCache,
  at: NicPlacement,
  level: Level,
  direction: Direction,
  side: NsgGate["side"],
): NsgGate {
  const nsg = level === "subnet" ? at.subnetNsg : at.nicNsg;
  const compiled = nsg !== undefined ? cache.get(nsg, at.vnet.name) : undefined;
  const rules = compiled && (direction === "Inbound" ? compiled.inbound : compiled.outbound);
  return { kind: "nsg", side, at, level, direction, nsg: compiled ? nsg : undefined, rules };
}

function sourceSeenByReceiver(source: ResolvedEndpoint, destination: ResolvedEndpoint): Result<IpAddress> {
  if (source.kind === "external") return ok(source.endpoint.address);
  if (destination.kind !== "nic" || !destination.endpoint.viaPublicIp) return ok(source.placement.privateIp);
  // Sending to a public IP leaves the VNet: the receiver sees the sender's public address.
  if (source.placement.publicIp) return ok(source.placement.publicIp);
  return fail([
    issue(
      "no-public-ip",
      `${source.placement.vm} has no public IP, so the address the receiver would see after outbound NAT is unknown; give it a public IP or send to ${destination.endpoint.vm}'s private IP`,
    ),
  ]);
}

export class FlowPath {
  readonly source: Endpoint;
  readonly destination: Endpoint;
  readonly gates: readonly Gate[];
  readonly sent: PacketAddresses;
  readonly received: PacketAddresses;
  readonly network: Network;
  /** A VM sending to a host platform service's address: NSGs may not apply (host-services.ts). */
  readonly towardHostService: boolean;
  /**
   * Reused by `access`, which runs for every cell of a comparison: no allocation per flow. Made
   * on first use: a path walked once by `evaluateFlow` never needs them.
   */
  #packets: { sent: Packet; received: Packet } | undefined;

  constructor(
    network: Network,
    source: Endpoint,
    destination: Endpoint,
    gates: readonly Gate[],
    sent: PacketAddresses,
    received: PacketAddresses,
  ) {
    this.network = network;
    this.source = source;
    this.destination = destination;
    this.gates = gates;
    this.sent = sent;
    this.received = received;
    this.towardHostService =
      source.kind === "nic" && destination.kind === "external" && isHostServiceAddress(sent);
  }

  /** The packet `side` sees for these protocol and ports (a new object: steps keep it). */
  packet(side: NsgGate["side"], protocol: FlowProtocol, sourcePort: number, destinationPort: number): Packet {
    return { protocol, ...this[side], sourcePort, destinationPort };
  }

  /** The host platform service a packet the sender sends is for, if any. */
  hostService(packet: Packet): HostService | undefined {
    return this.towardHostService ? hostServiceOf(packet) : undefined;
  }

  /**
   * The rule of an NSG gate that decides `packet`: the first match, or for a host service's
   * traffic the first matching rule that targets the service's tag (undefined: the NSG is passed).
   */
  decide(gate: NsgGate, packet: Packet, service: HostService | undefined): CompiledRule | undefined {
    if (!gate.rules) return undefined;
    return service && gate.side === "sent"
      ? firstTargeting(gate.rules, packet, service.tag)
      : firstMatch(gate.rules, packet);
  }

  /** Whether an initiating flow gets through: the verdict's access, without its trace. */
  access(protocol: FlowProtocol, sourcePort: number, destinationPort: number): Access {
    const blank = { protocol: "Tcp", sourcePort: 0, destinationPort: 0 } as const;
    const { sent, received } = (this.#packets ??= {
      sent: { ...blank, ...this.sent },
      received: { ...blank, ...this.received },
    });
    sent.protocol = received.protocol = protocol;
    sent.sourcePort = received.sourcePort = sourcePort;
    sent.destinationPort = received.destinationPort = destinationPort;
    const service = this.hostService(sent);
    for (const gate of this.gates) {
      if (gate.kind === "platform") {
        if (service) return "Allow";
        if (platformRestriction(sent, gate.senderTags, this.network.subscription)) return "Deny";
      } else if (this.decide(gate, gate.side === "sent" ? sent : received, service)?.rule.access === "Deny") {
        return "Deny";
      }
    }
    return "Allow";
  }
}

/** The path between two endpoints (a VM or NIC name, or an IP address), or why there is none. */
export function resolvePath(
  network: Network,
  cache: CompiledNsgCache,
  fromText: string,
  toText: string,
): Result<FlowPath> {
  const from = resolveEndpoint(network, fromText);
  if (!from.ok) return fail(within("from: ", from.errors));
  const to = resolveEndpoint(network, toText);
  if (!to.ok) return fail(within("to: ", to.errors));
  if (from.value.kind === "external" && to.value.kind === "external") {
    return fail([
      issue("flow-outside-scenario", "a flow needs a VM or NIC of the scenario at one end at least"),
    ]);
  }
  if (from.value.kind === "nic" && to.value.kind === "nic" && from.value.placement === to.value.placement) {
    return fail([issue("flow-to-self", "a flow from a NIC to itself never crosses an NSG")]);
  }
  const seen = sourceSeenByReceiver(from.value, to.value);
  if (!seen.ok) return seen;
  const sentTo = to.value.endpoint.address;
  if (from.value.endpoint.address.family !== sentTo.family) {
    return fail([issue("address-family-mismatch", "source and destination must both be IPv4 or both IPv6")]);
  }
  const gates: Gate[] = [];
  const sent: PacketAddresses = { source: from.value.endpoint.address, destination: sentTo };
  if (from.value.kind === "nic") {
    const sender = from.value.placement;
    sent.source = sender.privateIp;
    for (const level of OUTBOUND_ORDER) gates.push(nsgGate(cache, sender, level, "Outbound", "sent"));
    gates.push({ kind: "platform", senderTags: network.tagsByVnet.get(sender.vnet.name)! });
  }
  let received: PacketAddresses = sent;
  if (to.value.kind === "nic") {
    const receiver = to.value.placement;
    // NSGs see the NIC's private address: a public IP is translated before filtering.
    received = { source: seen.value, destination: receiver.privateIp };
    for (const level of INBOUND_ORDER) gates.push(nsgGate(cache, receiver, level, "Inbound", "received"));
  }
  return ok(new FlowPath(network, from.value.endpoint, to.value.endpoint, gates, sent, received));
}
