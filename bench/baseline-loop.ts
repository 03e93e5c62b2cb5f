/**
 * The hand-written baseline the evaluator is measured against: the least work that answers allow
 * or deny for a batch of flows, with the evaluator's own compiled rules and port index. Paths are
 * resolved once per pair of endpoints; each flow then walks its gates with one reused packet and
 * stops at the first deny. No verdict, no trace, no validation: what is left is the matching.
 */
import type { Evaluator, FlowInput, FlowPath, Packet } from "../src/lib/nsg/index.ts";
import { portIndex, startCandidates, nextCandidate } from "../src/lib/nsg/rule-index.ts";
import { ruleMatches, type CompiledRule } from "../src/lib/nsg/index.ts";
import { platformRestriction } from "../src/lib/nsg/platform.ts";

function decides(rules: readonly CompiledRule[], packet: Packet): CompiledRule | undefined {
  if (packet.protocol === "Icmp") {
    for (const rule of rules) if (ruleMatches(rule, packet)) return rule;
    return undefined;
  }
  startCandidates(portIndex(rules), packet.destinationPort);
  for (let r = nextCandidate(); r >= 0; r = nextCandidate())
    if (ruleMatches(rules[r]!, packet)) return rules[r];
  return undefined;
}

/** How many of the flows are allowed, by the baseline loop. */
export function baselineAllowed(evaluator: Evaluator, flows: readonly FlowInput[]): number {
  const paths = new Map<string, FlowPath>();
  let allowed = 0;
  for (const flow of flows) {
    const key = `${flow.from}\u0000${flow.to}`;
    let path = paths.get(key);
    if (!path) {
      const resolved = evaluator.path(flow.from, flow.to);
      if (!resolved.ok) continue;
      path = resolved.value;
      paths.set(key, path);
    }
    const protocol: Packet["protocol"] =
      flow.protocol === "Udp" ? "Udp" : flow.protocol === "Icmp" ? "Icmp" : "Tcp";
    let denied = false;
    for (const gate of path.gates) {
      if (gate.kind === "platform") {
        const sent = {
          protocol,
          ...path.sent,
          sourcePort: flow.sourcePort ?? 0,
          destinationPort: flow.port ?? 0,
        };
        if (platformRestriction(sent, gate.senderTags, path.network.subscription)) {
          denied = true;
          break;
        }
        continue;
      }
      if (!gate.rules) continue;
      const addresses = gate.side === "sent" ? path.sent : path.received;
      const packet: Packet = {
        protocol,
        source: addresses.source,
        destination: addresses.destination,
        sourcePort: flow.sourcePort ?? 0,
        destinationPort: flow.port ?? 0,
      };
      if (decides(gate.rules, packet)?.rule.access === "Deny") {
        denied = true;
        break;
      }
    }
    if (!denied) allowed++;
  }
  return allowed;
}
