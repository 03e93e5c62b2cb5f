import type { TraceEntry } from "../grader/trace.ts";
import type { Flow } from "../nsg/flow-schema.ts";

/**
 * Words for flows and verdict paths, shared by the server-rendered check list and the live
 * results (so both say the same thing). Plain strings: callers render them as text.
 */

const PROTOCOL_LABEL: Record<Flow["protocol"], string> = {
  Tcp: "TCP",
  Udp: "UDP",
  Icmp: "ICMP",
  Esp: "ESP",
  Ah: "AH",
};

export const flowRoute = (flow: Pick<Flow, "from" | "to">): string => `${flow.from} → ${flow.to}`;

/** "TCP port 21 (from source port 50123)", "ICMP", "reply: TCP port 20". */
export function flowService(flow: Flow): string {
  const protocol = PROTOCOL_LABEL[flow.protocol];
  const ported = flow.protocol === "Tcp" || flow.protocol === "Udp";
  const port = ported && flow.port !== undefined ? ` port ${flow.port}` : ported ? " (any port)" : "";
  const source = ported && flow.sourcePort !== undefined ? ` from source port ${flow.sourcePort}` : "";
  return `${flow.response ? "reply packet, " : ""}${protocol}${port}${source}`;
}

/** One line per flow: "198.51.100.5 → vm-ingest · TCP port 21". */
export const flowText = (flow: Flow): string => `${flowRoute(flow)} · ${flowService(flow)}`;

const LEVEL_LABEL: Record<TraceEntry["level"], string> = {
  subnet: "subnet NSG",
  nic: "NIC NSG",
  platform: "Azure platform",
  stateful: "connection tracking",
};

/** Where a step happened: "nsg-snet-ingest (subnet NSG, inbound at vm-ingest)". */
export function traceWhere(entry: TraceEntry): string {
  const direction = entry.direction ? entry.direction.toLowerCase() : "";
  const at = [direction, entry.vm ? `at ${entry.vm}` : ""].filter(Boolean).join(" ");
  if (entry.level === "platform")
    return entry.access === "Deny"
      ? "Azure platform (outbound TCP 25 is blocked for this subscription)"
      : `Azure platform (${entry.service ?? "a host service"} is not filtered by NSGs)`;
  if (entry.level === "stateful") return "connection tracking (NSGs are stateful)";
  if (entry.nsg === null) return `no ${LEVEL_LABEL[entry.level]}${at ? ` (${at})` : ""}`;
  return `${entry.nsg} (${LEVEL_LABEL[entry.level]}${at ? `, ${at}` : ""})`;
}

/** The deciding rule of a step: "allow-ftp (300)". */
export const traceRule = (entry: TraceEntry): string =>
  entry.priority === null ? entry.rule : `${entry.rule} (${entry.priority})`;

/** A whole step for screen readers and copy: "nsg-snet-ingest (subnet NSG, inbound at vm-ingest): Allow-FTP-Control-Studio (200) → Allow". */
export const traceText = (entry: TraceEntry): string =>
  `${traceWhere(entry)}: ${traceRule(entry)} → ${entry.access}`;
