import { exerciseFlowLog } from "../grader/exercise-log.ts";
import type { Exercise } from "../grader/exercise-schema.ts";
import type { FlowState, LoggedTuple } from "../network-watcher/vnet-flow-log.ts";
import { DEFAULT_RULES } from "../nsg/default-rules.ts";
import type { SecurityRule } from "../nsg/rule-schema.ts";
import { ok, type Result } from "../result.ts";

/**
 * A read-logs exercise's flow log as the page shows it (at build time, as text): the JSON
 * exactly as Network Watcher writes it, and the same tuples as table rows with what their IDs
 * stand for (which VM a MAC address is, which NSG an aclID is). And the NSGs' rules, defaults
 * included, to answer "why not" with. No answers: a row never says which question it belongs to.
 */

const PROTOCOL_NAME: Record<number, string> = { 6: "TCP", 17: "UDP", 1: "ICMP", 50: "ESP", 51: "AH" };

export const STATE_LABEL: Record<FlowState, string> = {
  B: "B (begin)",
  C: "C (continuing)",
  E: "E (end)",
  D: "D (denied)",
};

export interface FlowLogRow {
  /** "09:14:00.851" (UTC). */
  time: string;
  /** Unix epoch milliseconds, as in the tuple. */
  epoch: number;
  vm: string;
  mac: string;
  nsg: string;
  rule: string;
  direction: "Inbound" | "Outbound";
  source: string;
  destination: string;
  protocol: string;
  state: FlowState;
  stateLabel: string;
  encryption: string;
  sent: string;
  received: string;
}

export interface FlowLogView {
  /** `{ "records": [...] }`, indented. */
  json: string;
  rows: FlowLogRow[];
  /** What the IDs in the JSON stand for. */
  nics: { mac: string; nic: string; vm: string }[];
  acls: { aclId: string; nsg: string }[];
  /** "2026-03-02 09:14 to 09:17 UTC". */
  span: string;
}

const endpoint = (ip: string, port: number, protocol: number) =>
  protocol === 6 || protocol === 17 ? `${ip}:${port}` : ip;

function row(t: LoggedTuple): FlowLogRow {
  return {
    time: new Date(t.time).toISOString().slice(11, 23),
    epoch: t.time,
    vm: t.vm,
    mac: t.mac,
    nsg: t.nsg,
    rule: t.logRule,
    direction: t.direction === "I" ? "Inbound" : "Outbound",
    source: endpoint(t.source, t.sourcePort, t.protocol),
    destination: endpoint(t.destination, t.destinationPort, t.protocol),
    protocol: `${t.protocol} (${PROTOCOL_NAME[t.protocol] ?? "?"})`,
    state: t.state,
    stateLabel: STATE_LABEL[t.state],
    encryption: t.encryption,
    sent: `${t.packetsSent} / ${t.bytesSent}`,
    received: `${t.packetsReceived} / ${t.bytesReceived}`,
  };
}

const unique = <T>(items: readonly T[], key: (t: T) => string): T[] => [
  ...new Map(items.map((i) => [key(i), i])).values(),
];

export function flowLogView(exercise: Exercise): Result<FlowLogView> {
  const log = exerciseFlowLog(exercise);
  if (!log.ok) return log;
  const { tuples } = log.value;
  const first = tuples[0];
  const last = tuples[tuples.length - 1];
  const minute = (ms: number) => new Date(ms).toISOString().slice(11, 16);
  return ok({
    json: JSON.stringify(log.value.json, null, 2),
    rows: tuples.map(row),
    nics: unique(tuples, (t) => t.mac).map((t) => ({ mac: t.mac, nic: t.nic, vm: t.vm })),
    acls: unique(tuples, (t) => t.aclId).map((t) => ({ aclId: t.aclId, nsg: t.nsg })),
    span:
      first && last
        ? `${new Date(first.time).toISOString().slice(0, 10)}, ${minute(first.time)} to ${minute(last.time)} UTC`
        : "",
  });
}

// ── The rules in place ──────────────────────────────────────────────────────────────────────

export interface RuleRowView {
  priority: number;
  name: string;
  isDefault: boolean;
  source: string;
  sourcePorts: string;
  destination: string;
  destinationPorts: string;
  protocol: string;
  access: "Allow" | "Deny";
}

export interface NsgRulesView {
  nsg: string;
  /** "subnet snet-web", "NIC vm-db1-nic"; empty when associated nowhere. */
  attachedTo: string[];
  inbound: RuleRowView[];
  outbound: RuleRowView[];
}

const side = (rule: SecurityRule, s: "source" | "destination") =>
  [...rule[`${s}AddressPrefixes`], ...rule[`${s}ApplicationSecurityGroups`].map((a) => `ASG ${a}`)].join(
    ", ",
  );

function ruleRow(rule: SecurityRule, isDefault: boolean): RuleRowView {
  return {
    priority: rule.priority,
    name: rule.name,
    isDefault,
    source: side(rule, "source"),
    sourcePorts: rule.sourcePortRanges.join(", "),
    destination: side(rule, "destination"),
    destinationPorts: rule.destinationPortRanges.join(", "),
    protocol: rule.protocol === "*" ? "Any" : rule.protocol.toUpperCase(),
    access: rule.access,
  };
}

/** Every NSG of the scenario, where it is associated, and its rules in evaluation order per direction. */
export function nsgRulesView(exercise: Exercise): NsgRulesView[] {
  const { topology } = exercise;
  return topology.nsgs.map((nsg) => {
    const attachedTo = [
      ...topology.vnets.flatMap((v) =>
        v.subnets.filter((s) => s.nsg === nsg.name).map((s) => `subnet ${s.name}`),
      ),
      ...topology.vms.flatMap((vm) => vm.nics.filter((n) => n.nsg === nsg.name).map((n) => `NIC ${n.name}`)),
    ];
    const rows = (direction: "Inbound" | "Outbound") => [
      ...nsg.securityRules
        .filter((r) => r.direction === direction)
        .sort((a, b) => a.priority - b.priority)
        .map((r) => ruleRow(r, false)),
      ...DEFAULT_RULES.filter((r) => r.direction === direction).map((r) => ruleRow(r, true)),
    ];
    return { nsg: nsg.name, attachedTo, inbound: rows("Inbound"), outbound: rows("Outbound") };
  });
}
