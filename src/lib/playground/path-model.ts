import type { CompiledRule } from "../nsg/compile.ts";
import type { Evaluator } from "../nsg/evaluator.ts";
import { EPHEMERAL_PORT } from "../nsg/flow-schema.ts";
import { CONDITION_LABEL, failedConditions, type MatchCondition } from "../analysis/rules-tried.ts";
import type { Packet } from "../nsg/match.ts";
import type { SecurityRule } from "../nsg/rule-schema.ts";
import type { Level, NsgStep, OpenStep, RuleRef, Step, Verdict } from "../nsg/verdict.ts";
import { hasPorts, type Access, type Direction } from "../nsg/vocabulary.ts";

/**
 * A verdict laid out as the path the packet took, for drawing: the sender's NIC and subnet
 * NSGs, the platform, the receiver's subnet and NIC NSGs. Each NSG step lists that NSG's rules
 * for its direction in evaluation order: the ones tried that did not match (and why), the
 * deciding one, and the ones never reached. Legs after a deny are kept as "not reached".
 */

export type RuleStatus = "no-match" | "deciding" | "not-evaluated";
export { CONDITION_LABEL, type MatchCondition };

export interface RuleRow {
  name: string;
  priority: number;
  access: Access;
  protocol: string;
  source: string;
  sourcePorts: string;
  destination: string;
  destinationPorts: string;
  isDefault: boolean;
  status: RuleStatus;
  /** For a rule tried without matching: the conditions the packet failed. */
  failed: MatchCondition[];
}

export interface PacketView {
  protocol: string;
  source: string;
  sourcePort: number | null;
  destination: string;
  destinationPort: number | null;
  /** Address translation and defaults worth saying out loud. */
  notes: string[];
}

export type Role = "sender" | "receiver";

interface Leg {
  role: Role;
  level: Level;
  direction: Direction;
  vm: string;
  nic: string;
  subnet: string;
  /** "Sender NIC NSG", "Receiver subnet NSG". */
  title: string;
}

export type PathStep =
  | (Leg & { kind: "nsg"; nsg: string; access: Access; rule: RuleRef; packet: PacketView; rules: RuleRow[] })
  | (Leg & { kind: "no-nsg"; access: "Allow"; packet: PacketView })
  | (Leg & { kind: "not-reached"; nsg: string | null })
  | { kind: "platform"; access: Access; title: string; reason: string };

export interface PathModel {
  access: Access;
  /** One sentence: who decided, and how. */
  summary: string;
  steps: PathStep[];
  /** A reply packet: the connection it answers, whose verdict it inherits (NSGs are stateful). */
  answers?: PathModel;
}

const side = (rule: SecurityRule, which: "source" | "destination"): string => {
  const asgs = rule[`${which}ApplicationSecurityGroups`];
  return asgs.length > 0 ? `ASG ${asgs.join(", ")}` : rule[`${which}AddressPrefixes`].join(", ");
};

export function ruleRow(compiled: CompiledRule, status: RuleStatus, failed: MatchCondition[] = []): RuleRow {
  const r = compiled.rule;
  return {
    name: r.name,
    priority: r.priority,
    access: r.access,
    protocol: r.protocol === "*" ? "Any" : r.protocol,
    source: side(r, "source"),
    sourcePorts: r.sourcePortRanges.join(", "),
    destination: side(r, "destination"),
    destinationPorts: r.destinationPortRanges.join(", "),
    isDefault: compiled.isDefault,
    status,
    failed,
  };
}

/** The rules one NSG tried for this packet, in priority order, marked by what happened to each. */
export function ruleRows(rules: readonly CompiledRule[], packet: Packet, decided: RuleRef): RuleRow[] {
  const at = rules.findIndex((r) => r.rule.name === decided.name && r.rule.priority === decided.priority);
  return rules.map((r, i) => {
    if (at < 0 || i > at) return ruleRow(r, "not-evaluated");
    if (i === at) return ruleRow(r, "deciding");
    return ruleRow(r, "no-match", failedConditions(r, packet));
  });
}

const ROLE_LABEL: Record<Role, string> = { sender: "Sender", receiver: "Receiver" };
const legTitle = (role: Role, level: Level) =>
  `${ROLE_LABEL[role]} ${level === "nic" ? "NIC" : "subnet"} NSG`;

/** Every NSG leg the flow would cross if nothing denied it, in order. */
function plannedLegs(verdict: Verdict, evaluator: Evaluator): Leg[] {
  const legs: Leg[] = [];
  const add = (role: Role, nicName: string, levels: readonly Level[], direction: Direction) => {
    const p = evaluator.network.nicsByName.get(nicName);
    if (!p) return;
    for (const level of levels) {
      legs.push({
        role,
        level,
        direction,
        vm: p.vm,
        nic: p.nic.name,
        subnet: `${p.vnet.name}/${p.subnetName}`,
        title: legTitle(role, level),
      });
    }
  };
  if (verdict.source.kind === "nic") add("sender", verdict.source.nic, ["nic", "subnet"], "Outbound");
  if (verdict.destination.kind === "nic")
    add("receiver", verdict.destination.nic, ["subnet", "nic"], "Inbound");
  return legs;
}

function packetView(step: NsgStep | OpenStep, verdict: Verdict, evaluator: Evaluator): PacketView {
  const p = step.packet;
  const ported = hasPorts(p.protocol);
  const notes: string[] = [];
  const dest = verdict.destination;
  if (step.direction === "Inbound" && dest.kind === "nic" && dest.viaPublicIp) {
    notes.push(
      `Sent to the public IP ${dest.address.text}; Azure translates it to the private ${p.destination.text} before any NSG sees the packet.`,
    );
  }
  if (step.direction === "Inbound" && verdict.source.kind === "nic") {
    const sender = evaluator.network.nicsByName.get(verdict.source.nic);
    if (sender && sender.privateIp.text !== p.source.text) {
      notes.push(
        `The source is ${sender.vm}'s public IP ${p.source.text}: traffic to a public IP leaves the VNet through outbound NAT.`,
      );
    }
  }
  if (ported && verdict.flow.sourcePort === undefined) {
    notes.push(`No source port given: the client picks an ephemeral one (${EPHEMERAL_PORT} here).`);
  }
  return {
    protocol: p.protocol,
    source: p.source.text,
    sourcePort: ported ? p.sourcePort : null,
    destination: p.destination.text,
    destinationPort: ported ? p.destinationPort : null,
    notes,
  };
}

function compiledRules(step: NsgStep, evaluator: Evaluator): readonly CompiledRule[] {
  const vnet = evaluator.network.nicsByName.get(step.nic)?.vnet.name;
  const compiled = vnet !== undefined ? evaluator.cache.get(step.nsg, vnet) : undefined;
  if (!compiled) return [];
  return step.direction === "Inbound" ? compiled.inbound : compiled.outbound;
}

function legOf(step: NsgStep | OpenStep, planned: Leg | undefined): Leg {
  const role: Role = planned?.role ?? (step.direction === "Outbound" ? "sender" : "receiver");
  return {
    role,
    level: step.level,
    direction: step.direction,
    vm: step.vm,
    nic: step.nic,
    subnet: step.subnet,
    title: legTitle(role, step.level),
  };
}

function nsgAt(leg: Leg, evaluator: Evaluator): string | null {
  const p = evaluator.network.nicsByName.get(leg.nic);
  return (leg.level === "nic" ? p?.nicNsg : p?.subnetNsg) ?? null;
}

function steps(verdict: Verdict, evaluator: Evaluator): PathStep[] {
  const planned = plannedLegs(verdict, evaluator);
  let next = 0;
  const out: PathStep[] = [];
  for (const step of verdict.steps) {
    if (step.kind === "platform") {
      out.push({
        kind: "platform",
        access: step.access,
        title:
          step.restriction === "outbound-smtp"
            ? "Azure platform: outbound SMTP block"
            : `Azure platform: ${step.service}, not filtered by NSGs`,
        reason: step.reason,
      });
      continue;
    }
    if (step.kind === "stateful") continue;
    const leg = legOf(step, planned[next]);
    next += 1;
    if (step.kind === "no-nsg")
      out.push({ ...leg, kind: "no-nsg", access: "Allow", packet: packetView(step, verdict, evaluator) });
    else {
      const rules = ruleRows(compiledRules(step, evaluator), step.packet, step.rule);
      out.push({
        ...leg,
        kind: "nsg",
        nsg: step.nsg,
        access: step.access,
        rule: step.rule,
        packet: packetView(step, verdict, evaluator),
        rules,
      });
    }
  }
  if (verdict.access === "Deny")
    for (const leg of planned.slice(next))
      out.push({ ...leg, kind: "not-reached", nsg: nsgAt(leg, evaluator) });
  return out;
}

const ruleText = (rule: RuleRef) =>
  `${rule.name} (${rule.priority}${rule.isDefault ? ", default rule" : ""})`;

function summary(verdict: Verdict, path: PathStep[]): string {
  const decisive = verdict.decidingStep;
  if (verdict.access === "Deny") {
    if (decisive.kind === "platform") return `Denied by the Azure platform: ${decisive.reason}.`;
    const step = path.find(
      (s): s is Extract<PathStep, { kind: "nsg" }> => s.kind === "nsg" && s.access === "Deny",
    );
    if (step)
      return `Denied by ${step.nsg}, the ${step.role}'s ${step.level === "nic" ? "NIC" : "subnet"} NSG (${step.direction.toLowerCase()}), rule ${ruleText(step.rule)}.`;
    return "Denied.";
  }
  if (decisive.kind === "platform") return `Allowed by the Azure platform: ${decisive.reason}`;
  const allowed = path.filter((s): s is Extract<PathStep, { kind: "nsg" }> => s.kind === "nsg");
  if (allowed.length === 0)
    return "Allowed: no NSG is associated anywhere on this path, so nothing filters the traffic.";
  const list = allowed.map((s) => `${s.nsg} rule ${ruleText(s.rule)}`).join(", then ");
  return `Allowed by ${list}.`;
}

export function buildPathModel(verdict: Verdict, evaluator: Evaluator): PathModel {
  const first: Step | undefined = verdict.steps[0];
  if (first?.kind === "stateful") {
    const answers = buildPathModel(first.initiator, evaluator);
    return {
      access: verdict.access,
      summary:
        verdict.access === "Allow"
          ? "Allowed: NSGs are stateful, and this reply belongs to a connection that was allowed (connection tracking lets it through)."
          : "Denied: NSGs are stateful, but the connection this reply would answer is itself denied, so there is nothing to reply to.",
      steps: [],
      answers,
    };
  }
  const path = steps(verdict, evaluator);
  return { access: verdict.access, summary: summary(verdict, path), steps: path };
}
