import type { Evaluator } from "../nsg/evaluator.ts";
import type { Flow } from "../nsg/flow-schema.ts";
import type { NsgStep, Step, Verdict } from "../nsg/verdict.ts";
import type { FlowProtocol } from "../nsg/vocabulary.ts";
import { fail, ok, type Result } from "../result.ts";
import { guidOf, hash32, macOf } from "./generated-ids.ts";

/**
 * The VNet flow log records Network Watcher would write for a scenario's traffic, generated from
 * the evaluator's verdicts, so a log can never contradict the simulator. The format is that of
 * Learn's "Virtual network flow logs" page (flowLogVersion 4): one record per NIC and minute,
 * `flowRecords.flows[]` per ACL (here: each NSG, `aclID`), `flowGroups[]` per rule, and each
 * flow as a tuple string "time,src,dst,srcPort,dstPort,protocol,direction,state,encryption,
 * packetsSent,bytesSent,packetsReceived,bytesReceived".
 *
 * What Learn leaves open is decided here, and docs/azure-behaviours.md lists it:
 * - each NSG that evaluates a flow at a NIC writes its tuples under the rule that decided there
 *   (`UserRule_<name>` or `DefaultRule_<name>`, as NSG flow logs name rules): `B` then `E` with
 *   the counters when it allowed, one `D` with zero counters when it denied;
 * - a flow allowed at the sender but denied further on ends with packets sent and none received;
 * - a NIC with no NSG, and traffic to the host's platform services, which no NSG evaluates,
 *   write no tuple;
 * - encryption is `NX` (virtual network encryption is not modelled); counters and times are
 *   made up, deterministically, from the flow.
 */

export const FLOW_LOG_VERSION = 4;
export const FLOW_LOG_CATEGORY = "FlowLogFlowEvent";
/** The resource group Azure creates for Network Watcher, and a placeholder subscription, as Learn's samples write them. */
const SUBSCRIPTION = "00000000-0000-0000-0000-000000000000";
const RESOURCE_GROUP = "rg-nsg-lab";

/** IANA protocol numbers, as flow tuples write the protocol. */
export const PROTOCOL_NUMBER: Record<FlowProtocol, number> = { Tcp: 6, Udp: 17, Icmp: 1, Esp: 50, Ah: 51 };

export type FlowDirection = "I" | "O";
/** B: begin, C: continuing, E: end, D: denied. */
export type FlowState = "B" | "C" | "E" | "D";

/** One flow tuple, with where it was logged (what the raw JSON says only through IDs). */
export interface LoggedTuple {
  /** Unix epoch, milliseconds. */
  time: number;
  source: string;
  destination: string;
  sourcePort: number;
  destinationPort: number;
  protocol: number;
  direction: FlowDirection;
  state: FlowState;
  encryption: "NX";
  packetsSent: number;
  bytesSent: number;
  packetsReceived: number;
  bytesReceived: number;
  vnet: string;
  vm: string;
  nic: string;
  mac: string;
  nsg: string;
  aclId: string;
  /** As the log writes it: "UserRule_Allow-HTTPS", "DefaultRule_DenyAllInBound". */
  logRule: string;
  /** The rule's own name and priority. */
  rule: string;
  priority: number;
  /** Which of the flows given this tuple records (its index). */
  flow: number;
}

/** A record exactly as it is stored (JSON). */
export interface FlowLogRecord {
  time: string;
  flowLogVersion: number;
  flowLogGUID: string;
  macAddress: string;
  category: string;
  flowLogResourceID: string;
  targetResourceID: string;
  operationName: string;
  flowRecords: { flows: { aclID: string; flowGroups: { rule: string; flowTuples: string[] }[] }[] };
}

export interface VnetFlowLog {
  /** The file Network Watcher writes: `{ "records": [...] }`. */
  json: { records: FlowLogRecord[] };
  /** Every tuple, in time order, with the names behind its IDs. */
  tuples: LoggedTuple[];
}

/** "UserRule_Allow-HTTPS" or "DefaultRule_DenyAllInBound". */
export const logRuleName = (step: Pick<NsgStep, "rule">): string =>
  `${step.rule.isDefault ? "DefaultRule" : "UserRule"}_${step.rule.name}`;

export const tupleText = (t: LoggedTuple): string =>
  [
    t.time,
    t.source,
    t.destination,
    t.sourcePort,
    t.destinationPort,
    t.protocol,
    t.direction,
    t.state,
    t.encryption,
    t.packetsSent,
    t.bytesSent,
    t.packetsReceived,
    t.bytesReceived,
  ].join(",");

const flowKey = (flow: Flow) =>
  `${flow.from}>${flow.to}/${flow.protocol}/${flow.sourcePort ?? ""}/${flow.port ?? ""}`;

/** Packets and bytes for a flow, from its own hash: plausible, and the same on every build. */
function counters(flow: Flow, answered: boolean) {
  const h = (salt: string) => hash32(`${salt}:${flowKey(flow)}`);
  if (!answered) {
    // Nothing came back: a TCP client gives up after its SYN and two retransmissions.
    const packets = flow.protocol === "Tcp" ? 3 : 1 + (h("p") % 2);
    return {
      packetsSent: packets,
      bytesSent: packets * (60 + (h("b") % 20)),
      packetsReceived: 0,
      bytesReceived: 0,
    };
  }
  const packetsSent = 4 + (h("ps") % 24);
  const packetsReceived = 3 + (h("pr") % 30);
  return {
    packetsSent,
    bytesSent: packetsSent * (66 + (h("bs") % 700)),
    packetsReceived,
    bytesReceived: packetsReceived * (66 + (h("br") % 1300)),
  };
}

const isNsgStep = (s: Step): s is NsgStep => s.kind === "nsg";

/** The tuples one flow leaves: per NSG that evaluated it, at each NIC it reached. */
function tuplesOf(evaluator: Evaluator, verdict: Verdict, index: number, startsAt: number): LoggedTuple[] {
  const { flow } = verdict;
  const allowed = verdict.access === "Allow";
  const h = hash32(`t:${flowKey(flow)}`);
  const duration = allowed ? 1_500 + (h % 58_000) : 21_000 + (h % 900);
  const out: LoggedTuple[] = [];
  verdict.steps.filter(isNsgStep).forEach((step, i) => {
    const placement = evaluator.network.nicsByName.get(step.nic);
    const { packet } = step;
    const at = startsAt + i; // a millisecond per hop keeps the order of the path
    const base: Omit<LoggedTuple, "time" | "state" | keyof ReturnType<typeof counters>> = {
      source: packet.source.text,
      destination: packet.destination.text,
      sourcePort: packet.sourcePort,
      destinationPort: packet.destinationPort,
      protocol: PROTOCOL_NUMBER[packet.protocol],
      direction: step.direction === "Inbound" ? "I" : "O",
      encryption: "NX" as const,
      vnet: placement?.vnet.name ?? "",
      vm: step.vm,
      nic: step.nic,
      mac: macOf(step.nic),
      nsg: step.nsg,
      aclId: guidOf(`nsg:${step.nsg}`),
      logRule: logRuleName(step),
      rule: step.rule.name,
      priority: step.rule.priority,
      flow: index,
    };
    const none = { packetsSent: 0, bytesSent: 0, packetsReceived: 0, bytesReceived: 0 };
    if (step.access === "Deny") out.push({ ...base, ...none, time: at, state: "D" });
    else
      out.push(
        { ...base, ...none, time: at, state: "B" },
        { ...base, ...counters(flow, allowed), time: at + duration, state: "E" },
      );
  });
  return out;
}

/** When the flow at `index` starts: 15 to 40 seconds after the one before it. */
function startTimes(flows: readonly Flow[], start: number): number[] {
  let at = start;
  return flows.map((flow, i) => {
    if (i > 0) at += 15_000 + (hash32(`gap:${flowKey(flow)}`) % 25_000);
    return at + (hash32(`ms:${flowKey(flow)}`) % 1000);
  });
}

const minuteOf = (ms: number) => Math.floor(ms / 60_000) * 60_000;

/** "2026-03-02T09:01:52.6310000Z": the seven decimals Azure writes. */
const recordTime = (ms: number) => new Date(ms).toISOString().replace(/Z$/, "0000Z");

function records(tuples: readonly LoggedTuple[]): FlowLogRecord[] {
  const groups = new Map<string, LoggedTuple[]>();
  for (const t of tuples) {
    const key = `${minuteOf(t.time)}|${t.nic}`;
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  const ordered = [...groups.values()].sort(
    (a, b) => minuteOf(a[0]!.time) - minuteOf(b[0]!.time) || a[0]!.nic.localeCompare(b[0]!.nic),
  );
  return ordered.map((group) => {
    const first = group[0]!;
    const acls = new Map<string, Map<string, string[]>>();
    for (const t of group) {
      const rules = acls.get(t.aclId) ?? new Map<string, string[]>();
      acls.set(t.aclId, rules);
      rules.set(t.logRule, [...(rules.get(t.logRule) ?? []), tupleText(t)]);
    }
    const flowLog = `fl-${first.vnet}`;
    return {
      // Written after the minute it covers, as Azure collects logs once a minute.
      time: recordTime(minuteOf(first.time) + 60_000 + (hash32(`rec:${first.nic}:${first.time}`) % 900)),
      flowLogVersion: FLOW_LOG_VERSION,
      flowLogGUID: guidOf(`flowlog:${first.vnet}`),
      macAddress: first.mac,
      category: FLOW_LOG_CATEGORY,
      flowLogResourceID:
        `/SUBSCRIPTIONS/${SUBSCRIPTION}/RESOURCEGROUPS/NETWORKWATCHERRG/PROVIDERS/MICROSOFT.NETWORK/NETWORKWATCHERS/NETWORKWATCHER_WESTEUROPE/FLOWLOGS/${flowLog}`.toUpperCase(),
      targetResourceID: `/subscriptions/${SUBSCRIPTION}/resourceGroups/${RESOURCE_GROUP}/providers/Microsoft.Network/virtualNetworks/${first.vnet}`,
      operationName: FLOW_LOG_CATEGORY,
      flowRecords: {
        flows: [...acls].map(([aclID, rules]) => ({
          aclID,
          flowGroups: [...rules].map(([rule, flowTuples]) => ({ rule, flowTuples })),
        })),
      },
    };
  });
}

/**
 * The log of `flows`, in order, the first starting at `start` (ISO 8601). A flow that cannot be
 * evaluated is an error (check:content reports it in the exercise file); a reply is refused,
 * because a flow log records connections.
 */
export function vnetFlowLog(
  evaluator: Evaluator,
  flows: readonly Flow[],
  start: string,
): Result<VnetFlowLog> {
  const startMs = Date.parse(start);
  const times = startTimes(flows, Number.isNaN(startMs) ? 0 : startMs);
  const tuples: LoggedTuple[] = [];
  for (const [i, flow] of flows.entries()) {
    if (flow.response)
      return fail([
        {
          code: "invalid-flow",
          message: `flow ${i + 1} is a reply: a flow log records connections`,
          path: [i],
        },
      ]);
    const verdict = evaluator.evaluate(flow);
    if (!verdict.ok) return fail(verdict.errors.map((e) => ({ ...e, path: [i, ...e.path] })));
    tuples.push(...tuplesOf(evaluator, verdict.value, i, times[i]!));
  }
  tuples.sort((a, b) => a.time - b.time);
  return ok({ json: { records: records(tuples) }, tuples });
}
