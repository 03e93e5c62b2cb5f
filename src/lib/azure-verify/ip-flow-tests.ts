import type { CompiledRule } from "../nsg/compile.ts";
import type { Evaluator } from "../nsg/evaluator.ts";
import { EPHEMERAL_PORT, type FlowInput } from "../nsg/flow-schema.ts";
import type { NsgGate } from "../nsg/flow-path.ts";
import { formatV4, formatV6, type IpAddress } from "../nsg/ip.ts";
import { platformRestriction } from "../nsg/platform.ts";
import type { Access, Direction } from "../nsg/vocabulary.ts";
import { joinMessages } from "../result.ts";

/**
 * The Network Watcher IP flow verify tests that check a scenario's flows on Azure. IP flow verify
 * judges one packet at one VM's NIC in one direction against that NIC's effective security rules
 * (its subnet's NSG and its own), so a flow between two VMs is two tests: outbound at the sender
 * and inbound at the receiver (Learn, "IP flow verify overview"). Each test carries what the
 * simulator says for that NIC and direction, worked out from the same gates the evaluator walks.
 */

export interface IpFlowTest {
  /** Stable within a plan: `<check index>-out` or `<check index>-in`. */
  id: string;
  /** The check (expectation) the test belongs to. */
  check: string;
  vm: string;
  nic: string;
  direction: Direction;
  protocol: "TCP" | "UDP";
  /** The VM's address and port as its NSGs see them: "10.0.3.4:21". */
  local: string;
  /** The other end: "198.51.100.5:49152". */
  remote: string;
  /** The simulator's answer at this NIC and direction. */
  expected: LegVerdict;
}

export interface LegVerdict {
  access: Access;
  /** The deciding rule of a deny; for an allow, every rule that allowed it on this leg. */
  rules: { nsg: string; rule: string; isDefault: boolean }[];
}

/** A check IP flow verify cannot test, and why (shown next to the script, and in the comparison). */
export interface UntestableCheck {
  check: string;
  reason: string;
}

export interface VerificationPlan {
  tests: IpFlowTest[];
  untestable: UntestableCheck[];
}

export interface NamedFlow {
  name: string;
  flow: FlowInput;
}

const endpoint = (ip: IpAddress, port: number) =>
  ip.family === 6 ? `[${formatV6(ip.value)}]:${port}` : `${formatV4(ip.value)}:${port}`;

function legVerdict(
  gates: readonly NsgGate[],
  decide: (gate: NsgGate) => CompiledRule | undefined,
): LegVerdict {
  const rules: LegVerdict["rules"] = [];
  for (const gate of gates) {
    const decided = decide(gate);
    if (!decided || gate.nsg === undefined) continue;
    const entry = { nsg: gate.nsg, rule: decided.rule.name, isDefault: decided.isDefault };
    if (decided.rule.access === "Deny") return { access: "Deny", rules: [entry] };
    rules.push(entry);
  }
  return { access: "Allow", rules };
}

/** The IP flow verify tests for these checks, and the checks it cannot test. */
export function verificationPlan(evaluator: Evaluator, checks: readonly NamedFlow[]): VerificationPlan {
  const tests: IpFlowTest[] = [];
  const untestable: UntestableCheck[] = [];
  checks.forEach(({ name, flow }, index) => {
    const skip = (reason: string) => untestable.push({ check: name, reason });
    if (flow.response) {
      // IP flow verify judges a packet against the rules only; it keeps no connection state.
      skip(
        "it is a reply, which NSGs let through by connection state; IP flow verify tests new packets only",
      );
      return;
    }
    const protocol = typeof flow.protocol === "string" ? flow.protocol.toLowerCase() : "";
    if (protocol !== "tcp" && protocol !== "udp") {
      skip(
        "IP flow verify tests TCP and UDP only; NSG diagnostics (az network watcher run-configuration-diagnostic) also covers ICMP",
      );
      return;
    }
    const path = evaluator.path(flow.from, flow.to);
    if (!path.ok) {
      skip(`the flow cannot be evaluated: ${joinMessages(path.errors)}`);
      return;
    }
    const p = path.value;
    const wire = protocol === "tcp" ? "Tcp" : "Udp";
    const sourcePort = flow.sourcePort ?? EPHEMERAL_PORT;
    const port = flow.port ?? 0;
    const sent = p.packet("sent", wire, sourcePort, port);
    const service = p.hostService(sent);
    if (service) {
      skip(
        `it goes to ${service.name}, which Azure exempts from NSGs outside the rules that IP flow verify evaluates`,
      );
      return;
    }
    const platformGate = p.gates.find((g) => g.kind === "platform");
    if (platformGate && platformRestriction(sent, platformGate.senderTags, evaluator.network.subscription)) {
      skip(
        "the platform blocks outbound TCP 25 outside the NSGs, so IP flow verify would report only the rules",
      );
      return;
    }
    const nsgGates = p.gates.filter((g): g is NsgGate => g.kind === "nsg");
    for (const side of ["sent", "received"] as const) {
      const gates = nsgGates.filter((g) => g.side === side);
      const first = gates[0];
      if (!first) continue;
      const packet = p.packet(side, wire, sourcePort, port);
      const local =
        side === "sent" ? endpoint(packet.source, sourcePort) : endpoint(packet.destination, port);
      const remote =
        side === "sent" ? endpoint(packet.destination, port) : endpoint(packet.source, sourcePort);
      tests.push({
        id: `${index + 1}-${side === "sent" ? "out" : "in"}`,
        check: name,
        vm: first.at.vm,
        nic: first.at.nic.name,
        direction: first.direction,
        protocol: protocol === "tcp" ? "TCP" : "UDP",
        local,
        remote,
        expected: legVerdict(gates, (gate) => p.decide(gate, packet, undefined)),
      });
    }
  });
  return { tests, untestable };
}
