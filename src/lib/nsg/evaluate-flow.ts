import type { CompiledNsgCache } from "./compiled-nsg-cache.ts";
import { EPHEMERAL_PORT, type Flow } from "./flow-schema.ts";
import { resolvePath, within, type FlowPath, type NsgGate } from "./flow-path.ts";
import type { CompiledRule } from "./compile.ts";
import { hostServiceStep } from "./host-services.ts";
import type { Packet } from "./match.ts";
import type { Network } from "./network.ts";
import { platformRestriction } from "./platform.ts";
import { hasPorts } from "./vocabulary.ts";
import type { Step } from "./verdict.ts";
import { fail, issue, ok, type Result } from "../result.ts";
import type { Verdict } from "./verdict.ts";

export type VerdictResult = Result<Verdict>;

function nsgStep(gate: NsgGate, decided: CompiledRule | undefined, packet: Packet): Step {
  const where = {
    level: gate.level,
    direction: gate.direction,
    vm: gate.at.vm,
    nic: gate.at.nic.name,
    subnet: `${gate.at.vnet.name}/${gate.at.subnetName}`,
    packet,
  };
  if (!decided || gate.nsg === undefined) return { kind: "no-nsg", access: "Allow", ...where };
  const { rule } = decided;
  return {
    kind: "nsg",
    nsg: gate.nsg,
    rule: { name: rule.name, priority: rule.priority, access: rule.access, isDefault: decided.isDefault },
    access: rule.access,
    ...where,
  };
}

/** Walks a path gate by gate, recording each step; a deny anywhere ends it. */
function walk(path: FlowPath, flow: Flow): Verdict {
  const sourcePort = flow.sourcePort ?? EPHEMERAL_PORT;
  const destinationPort = flow.port ?? 0;
  const sent = path.packet("sent", flow.protocol, sourcePort, destinationPort);
  const received = path.packet("received", flow.protocol, sourcePort, destinationPort);
  const steps: Step[] = [];
  const verdict = (decidingStep: Step): Verdict => ({
    access: decidingStep.access,
    flow,
    source: path.source,
    destination: path.destination,
    steps,
    decidingStep,
  });
  const service = path.hostService(sent);
  const bypassed: string[] = [];
  for (const gate of path.gates) {
    let step: Step | undefined;
    if (gate.kind === "platform") {
      step = service
        ? hostServiceStep(service, bypassed)
        : platformRestriction(sent, gate.senderTags, path.network.subscription);
    } else {
      const packet = gate.side === "sent" ? sent : received;
      // The default DenyAll rules match everything, so some rule always decides, except for a
      // host service's traffic, which only rules naming its tag filter.
      const decided = path.decide(gate, packet, service);
      if (service && gate.side === "sent" && gate.nsg !== undefined && !decided) {
        bypassed.push(gate.nsg);
        continue;
      }
      step = nsgStep(gate, decided, packet);
    }
    if (!step) continue;
    steps.push(step);
    if (step.access === "Deny") return verdict(step);
  }
  return verdict(steps[steps.length - 1]!);
}

function evaluateInitiated(network: Network, cache: CompiledNsgCache, flow: Flow): VerdictResult {
  const path = resolvePath(network, cache, flow.from, flow.to);
  if (!path.ok) return path;
  if (hasPorts(flow.protocol) && flow.port === undefined) {
    return fail([issue("missing-port", `a ${flow.protocol} flow needs a destination port`)]);
  }
  return ok(walk(path.value, flow));
}

/**
 * Evaluates one flow along its whole path (see flow-path.ts for the order of its gates). A
 * `response` flow is judged by the connection it answers (NSGs are stateful).
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
