import { compileNsg, type CompiledNsg } from "./compile.ts";
import type { ResolvedEndpoint } from "./endpoints.ts";
import { resolveEndpoint } from "./endpoints.ts";
import { EPHEMERAL_PORT, type Flow } from "./flow-schema.ts";
import type { IpAddress } from "./ip.ts";
import { firstMatch, type Packet } from "./match.ts";
import type { Network, NicPlacement } from "./network.ts";
import { platformRestriction } from "./platform.ts";
import { hasPorts, type Direction } from "./vocabulary.ts";
import type { Level, Step, Verdict } from "./verdict.ts";
import { fail, issue, ok, type Issue, type Result } from "../result.ts";

export type VerdictResult = Result<Verdict>;

/** The same issues, each message led by `prefix` ("from: ..."). */
const within = (prefix: string, errors: readonly Issue[]): Issue[] =>
  errors.map((e) => ({ ...e, message: `${prefix}${e.message}` }));

/** Compiles each NSG once per VNet it is seen from, on first use. */
export class CompiledNsgCache {
  readonly #network: Network;
  /** NSG name → VNet name → compiled (nested maps: no key string to build per lookup). */
  readonly #cache = new Map<string, Map<string, CompiledNsg>>();
  constructor(network: Network) {
    this.#network = network;
  }
  get(nsgName: string, vnetName: string): CompiledNsg | undefined {
    let byVnet = this.#cache.get(nsgName);
    let compiled = byVnet?.get(vnetName);
    if (!compiled) {
      const nsg = this.#network.nsgs.get(nsgName);
      const tags = this.#network.tagsByVnet.get(vnetName);
      if (!nsg || !tags) return undefined;
      compiled = compileNsg(nsg.name, nsg.securityRules, tags, this.#network);
      if (!byVnet) this.#cache.set(nsgName, (byVnet = new Map<string, CompiledNsg>()));
      byVnet.set(vnetName, compiled);
    }
    return compiled;
  }
}

function evaluateLeg(
  cache: CompiledNsgCache,
  at: NicPlacement,
  level: Level,
  direction: Direction,
  packet: Packet,
): Step {
  const nsgName = level === "subnet" ? at.subnetNsg : at.nicNsg;
  const where = {
    level,
    direction,
    vm: at.vm,
    nic: at.nic.name,
    subnet: `${at.vnet.name}/${at.subnetName}`,
    packet,
  };
  const compiled = nsgName !== undefined ? cache.get(nsgName, at.vnet.name) : undefined;
  if (!compiled || nsgName === undefined) return { kind: "no-nsg", access: "Allow", ...where };
  const rules = direction === "Inbound" ? compiled.inbound : compiled.outbound;
  // The default DenyAll rules match everything, so some rule always decides.
  const decided = firstMatch(rules, packet)!;
  const { rule } = decided;
  return {
    kind: "nsg",
    nsg: nsgName,
    rule: { name: rule.name, priority: rule.priority, access: rule.access, isDefault: decided.isDefault },
    access: rule.access,
    ...where,
  };
}

/** Outbound leaves the NIC before the subnet; inbound crosses the subnet before the NIC. */
const OUTBOUND_ORDER: readonly Level[] = ["nic", "subnet"];
const INBOUND_ORDER: readonly Level[] = ["subnet", "nic"];

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

function sameFamily(a: IpAddress, b: IpAddress): boolean {
  return a.family === b.family;
}

function evaluateInitiated(network: Network, cache: CompiledNsgCache, flow: Flow): VerdictResult {
  const from = resolveEndpoint(network, flow.from);
  if (!from.ok) return fail(within("from: ", from.errors));
  const to = resolveEndpoint(network, flow.to);
  if (!to.ok) return fail(within("to: ", to.errors));
  if (from.value.kind === "external" && to.value.kind === "external") {
    return fail([
      issue("flow-outside-scenario", "a flow needs a VM or NIC of the scenario at one end at least"),
    ]);
  }
  if (from.value.kind === "nic" && to.value.kind === "nic" && from.value.placement === to.value.placement) {
    return fail([issue("flow-to-self", "a flow from a NIC to itself never crosses an NSG")]);
  }
  if (hasPorts(flow.protocol) && flow.port === undefined) {
    return fail([issue("missing-port", `a ${flow.protocol} flow needs a destination port`)]);
  }
  const seen = sourceSeenByReceiver(from.value, to.value);
  if (!seen.ok) return seen;
  const receiverSource = seen.value;
  const sentTo = to.value.endpoint.address;
  if (!sameFamily(from.value.endpoint.address, sentTo)) {
    return fail([issue("address-family-mismatch", "source and destination must both be IPv4 or both IPv6")]);
  }

  const basePacket = {
    protocol: flow.protocol,
    sourcePort: flow.sourcePort ?? EPHEMERAL_PORT,
    destinationPort: flow.port ?? 0,
  };
  const steps: Step[] = [];
  const verdict = (decidingStep: Step): VerdictResult =>
    ok({
      access: decidingStep.access,
      flow,
      source: from.value.endpoint,
      destination: to.value.endpoint,
      steps,
      decidingStep,
    });

  if (from.value.kind === "nic") {
    const sender = from.value.placement;
    const packet: Packet = { ...basePacket, source: sender.privateIp, destination: sentTo };
    for (const level of OUTBOUND_ORDER) {
      const step = evaluateLeg(cache, sender, level, "Outbound", packet);
      steps.push(step);
      if (step.access === "Deny") return verdict(step);
    }
    const blocked = platformRestriction(
      packet,
      network.tagsByVnet.get(sender.vnet.name)!,
      network.subscription,
    );
    if (blocked) {
      steps.push(blocked);
      return verdict(blocked);
    }
  }
  if (to.value.kind === "nic") {
    const receiver = to.value.placement;
    // NSGs see the NIC's private address: a public IP is translated before filtering.
    const packet: Packet = { ...basePacket, source: receiverSource, destination: receiver.privateIp };
    for (const level of INBOUND_ORDER) {
      const step = evaluateLeg(cache, receiver, level, "Inbound", packet);
      steps.push(step);
      if (step.access === "Deny") return verdict(step);
    }
  }
  return verdict(steps[steps.length - 1]!);
}

/**
 * Evaluates one flow along its whole path: the sender's outbound NSGs (NIC, then subnet),
 * platform restrictions, then the receiver's inbound NSGs (subnet, then NIC). A deny anywhere
 * ends it. A `response` flow is judged by the connection it answers (NSGs are stateful).
 */
export function evaluateFlow(network: Network, cache: CompiledNsgCache, flow: Flow): VerdictResult {
  if (!flow.response) return evaluateInitiated(network, cache, flow);
  const initiating: Flow = {
    from: flow.to,
    to: flow.from,
    protocol: flow.protocol,
    ...(flow.port !== undefined ? { sourcePort: flow.port } : {}),
    ...(flow.sourcePort !== undefined ? { port: flow.sourcePort } : {}),
  };
  const initiator = evaluateInitiated(network, cache, initiating);
  if (!initiator.ok) return fail(within("the connection this reply answers: ", initiator.errors));
  const step: Step = { kind: "stateful", access: initiator.value.access, initiator: initiator.value };
  return ok({
    access: step.access,
    flow,
    source: initiator.value.destination,
    destination: initiator.value.source,
    steps: [step],
    decidingStep: step,
  });
}
