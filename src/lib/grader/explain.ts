import type { CompiledRule } from "../nsg/compile.ts";
import type { Evaluator } from "../nsg/evaluator.ts";
import { matchDetail, type MatchDetail, type Packet } from "../nsg/match.ts";
import type { NsgStep, Step, Verdict } from "../nsg/verdict.ts";
import { PRIORITY_MAX, PRIORITY_MIN } from "../nsg/rule-schema.ts";
import { rulesOfStep } from "../nsg/step-rules.ts";
import { hasPorts } from "../nsg/vocabulary.ts";
import { describeRule } from "./describe-rule.ts";
import type { Expectation } from "./exercise-schema.ts";
import { deciderLabel, decisiveSteps } from "./trace.ts";

/**
 * Turns a failed expectation into advice a learner can act on: which NSG and rule decided,
 * and why their own rules did not (wrong port, shadowed by a lower number, the subnet NSG
 * denied first, the platform blocks SMTP, public vs private address…).
 */
export function explainMiss(
  expectation: Expectation,
  verdict: Verdict,
  evaluator: Evaluator,
  editable: readonly string[],
  options: { associationOnly?: boolean } = {},
): string {
  const actual = verdict.access === "Allow" ? "allow" : "deny";
  if (actual === expectation.expect) {
    const who = deciderLabel(verdict);
    return `The verdict is right (${actual}), but it was decided by ${who}; this check wants ${expectation.decidedBy === "platform" ? "the platform" : `"${expectation.decidedBy}"`} to decide it.`;
  }
  if (options.associationOnly) return explainAssociation(verdict, actual);
  return actual === "deny"
    ? explainUnexpectedDeny(verdict, evaluator, editable)
    : explainUnexpectedAllow(verdict, editable);
}

const packetText = (p: Packet) =>
  `${p.protocol}${hasPorts(p.protocol) ? ` ${p.source.text}:${p.sourcePort} → ${p.destination.text}:${p.destinationPort}` : ` ${p.source.text} → ${p.destination.text}`}`;

function explainUnexpectedDeny(verdict: Verdict, evaluator: Evaluator, editable: readonly string[]): string {
  const stateful = verdict.steps[0]?.kind === "stateful" ? verdict.steps[0] : undefined;
  if (stateful) {
    return `This is a reply packet; it would pass only if the connection it answers were allowed, and that connection was denied. ${explainUnexpectedDeny(stateful.initiator, evaluator, editable)}`;
  }
  const steps = decisiveSteps(verdict);
  const last = steps[steps.length - 1];
  if (!last) return "The flow was denied.";
  if (last.kind === "platform") {
    return `${last.reason}. The NSGs allowed it, but no NSG rule can lift this platform block.`;
  }
  if (last.kind !== "nsg") return "The flow was denied.";
  const where = `Denied by ${last.nsg} (${last.level} NSG, ${last.direction.toLowerCase()}) rule ${last.rule.name} (priority ${last.rule.priority}); the NSG saw ${packetText(last.packet)}.`;
  const advice: string[] = [where];
  if (!editable.includes(last.nsg)) {
    const order =
      last.direction === "Inbound"
        ? "inbound traffic meets the subnet's NSG before the NIC's"
        : "outbound traffic leaves through the NIC's NSG before the subnet's";
    advice.push(
      `${last.nsg} is not yours to edit, and ${order}: the flow stops there whatever later NSGs allow.`,
    );
    return advice.join(" ");
  }
  advice.push(nearMissAdvice(last, evaluator));
  return advice.join(" ");
}

const FAILED_CONDITIONS: (keyof MatchDetail)[] = [
  "protocol",
  "sourceAddress",
  "sourcePort",
  "destinationAddress",
  "destinationPort",
];

function nearMissAdvice(step: NsgStep, evaluator: Evaluator): string {
  const rules = rulesOfStep(evaluator, step);
  const packet = step.packet;
  const allows = rules.filter((r) => !r.isDefault && r.rule.access === "Allow");
  const shadowed = allows.find(
    (r) => r.rule.priority > step.rule.priority && FAILED_CONDITIONS.every((k) => matchDetail(r, packet)[k]),
  );
  if (shadowed) {
    const first = `Your rule ${shadowed.rule.name} (priority ${shadowed.rule.priority}) would allow it, but ${step.rule.name} (priority ${step.rule.priority}) is checked first because lower numbers win`;
    // Priorities run from 100 to 4096: nothing can go below 100, so then the deny must move instead.
    return step.rule.priority > PRIORITY_MIN
      ? `${first}: give ${shadowed.rule.name} a number from ${PRIORITY_MIN} to ${step.rule.priority - 1}, or narrow ${step.rule.name}.`
      : `${first}, and no rule can go below ${PRIORITY_MIN}: give ${step.rule.name} a number above ${shadowed.rule.priority}, or narrow it.`;
  }
  const opposite = oppositeDirectionMatch(step, evaluator);
  if (opposite)
    return `Rule ${opposite} would match this flow, but it is an ${step.direction === "Inbound" ? "Outbound" : "Inbound"} rule; this flow is ${step.direction.toLowerCase()} here.`;
  const candidates = allows
    .map((r) => ({ rule: r, failed: FAILED_CONDITIONS.filter((k) => !matchDetail(r, packet)[k]) }))
    .filter((c) => c.failed.length <= 2)
    .sort((a, b) => a.failed.length - b.failed.length || a.rule.rule.priority - b.rule.rule.priority);
  const best = candidates[0];
  if (!best) {
    const deny = step.rule.isDefault
      ? `so it falls through to the default rule ${step.rule.name} (${step.rule.priority})`
      : `and ${step.rule.name} denies it`;
    return `No allow rule in ${step.nsg} matches ${step.direction.toLowerCase()} ${packet.protocol}${hasPorts(packet.protocol) ? ` port ${packet.destinationPort}` : ""} from ${packet.source.text}, ${deny}.`;
  }
  const reasons = best.failed.map((k) => conditionReason(k, best.rule, step, evaluator));
  return `Your rule ${best.rule.rule.name} (${describeRule(best.rule.rule)}) does not match: ${reasons.join("; ")}.`;
}

function oppositeDirectionMatch(step: NsgStep, evaluator: Evaluator): string | undefined {
  const vnet = evaluator.network.nicsByName.get(step.nic)?.vnet.name;
  const compiled = vnet ? evaluator.cache.get(step.nsg, vnet) : undefined;
  if (!compiled) return undefined;
  const other = step.direction === "Inbound" ? compiled.outbound : compiled.inbound;
  return other.find(
    (r) =>
      !r.isDefault &&
      r.rule.access === "Allow" &&
      FAILED_CONDITIONS.every((k) => matchDetail(r, step.packet)[k]),
  )?.rule.name;
}

function conditionReason(
  condition: keyof MatchDetail,
  compiled: CompiledRule,
  step: NsgStep,
  evaluator: Evaluator,
): string {
  const { rule } = compiled;
  const p = step.packet;
  switch (condition) {
    case "protocol":
      return `its protocol is ${rule.protocol}, the flow is ${p.protocol}`;
    case "destinationPort":
      return `it covers destination port ${rule.destinationPortRanges.join(", ")}, the flow goes to port ${p.destinationPort}`;
    case "sourcePort":
      return `it only matches source port ${rule.sourcePortRanges.join(", ")}, and the client used ${p.sourcePort} (clients pick random source ports: use * for the source port)`;
    case "sourceAddress":
      return `its source ${rule.sourceApplicationSecurityGroups.length ? `ASG ${rule.sourceApplicationSecurityGroups.join(", ")}` : rule.sourceAddressPrefixes.join(", ")} does not include ${p.source.text}`;
    case "destinationAddress": {
      const placement = evaluator.network.nicsByName.get(step.nic);
      const publicIp = placement?.publicIp?.text;
      if (
        step.direction === "Inbound" &&
        publicIp &&
        rule.destinationAddressPrefixes.some((d) => d.split("/")[0] === publicIp)
      ) {
        return `its destination is the public IP ${publicIp}, but NSGs see the VM's private address ${p.destination.text} (the public IP is translated first)`;
      }
      return `its destination ${rule.destinationApplicationSecurityGroups.length ? `ASG ${rule.destinationApplicationSecurityGroups.join(", ")}` : rule.destinationAddressPrefixes.join(", ")} does not include ${p.destination.text}`;
    }
  }
}

/**
 * For tasks about associations: the rules are right already, so the advice is where NSGs sit
 * on this flow's path, never a rule to add.
 */
function explainAssociation(verdict: Verdict, actual: "allow" | "deny"): string {
  const steps = decisiveSteps(verdict);
  const path = steps
    .map((s) =>
      s.kind === "nsg"
        ? `${s.nsg} on ${s.level === "subnet" ? `the subnet of ${s.vm}` : `${s.vm}'s NIC`}`
        : s.kind === "no-nsg"
          ? `no NSG on ${s.level === "subnet" ? `the subnet of ${s.vm}` : `${s.vm}'s NIC`}`
          : "the platform",
    )
    .join(", then ");
  const verdictText = actual === "allow" ? "Allowed" : "Denied";
  const advice =
    actual === "allow"
      ? "The NSG whose rules should stop it is not associated where this flow crosses: an NSG on a subnet filters every VM in it, one on a NIC only that VM."
      : "An NSG is associated where this flow should not meet it: an NSG on a subnet filters every VM in it, so move it to the NIC (or back) as the task asks.";
  return `${verdictText} (${deciderLabel(verdict)}). This flow crosses ${path}. The rules are written already; this task is about where NSGs are associated. ${advice}`;
}

function explainUnexpectedAllow(verdict: Verdict, editable: readonly string[]): string {
  const steps: Step[] = decisiveSteps(verdict);
  const last = steps[steps.length - 1];
  if (last?.kind === "platform" && last.restriction === "host-service") {
    return last.tag
      ? `${last.reason} To block it, add an outbound Deny rule whose destination is the ${last.tag} service tag.`
      : `${last.reason} Azure lets the VM reach it whatever the NSG rules say.`;
  }
  if (steps.length > 0 && steps.every((s) => s.kind === "no-nsg")) {
    return "No NSG is associated with the subnet or the NIC on this path, so nothing filters the traffic: Azure allows it.";
  }
  const allowing = steps.filter((s): s is NsgStep => s.kind === "nsg" && s.access === "Allow");
  const parts = allowing.map((s) =>
    s.rule.isDefault
      ? `${s.nsg} allows it with the default rule ${s.rule.name} (${s.rule.priority})`
      : `${s.nsg} allows it with rule ${s.rule.name} (priority ${s.rule.priority})`,
  );
  const mine = allowing.filter((s) => editable.includes(s.nsg));
  const room = (s: NsgStep) => s.rule.priority > PRIORITY_MIN;
  const fix = mine.some((s) => !s.rule.isDefault)
    ? `Narrow that rule (its source, destination, ports or protocol) so this flow no longer matches${mine.some(room) ? ", or add a Deny rule with a lower number" : ""}.`
    : mine.length > 0
      ? mine[0]!.rule.isDefault
        ? `To block it, add a Deny rule to ${mine[0]!.nsg}: any priority from ${PRIORITY_MIN} to ${PRIORITY_MAX} comes before the default rules.`
        : `To block it, add a Deny rule with a lower number than ${mine[0]!.rule.priority} in ${mine[0]!.nsg}.`
      : "";
  return `Allowed: ${parts.join("; ")}. ${fix}`.trim();
}
