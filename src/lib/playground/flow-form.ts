import type { Flow, FlowInput } from "../nsg/flow-schema.ts";
import { parseIp } from "../nsg/ip.ts";
import type { Topology } from "../nsg/topology-schema.ts";
import { FLOW_PROTOCOLS, hasPorts } from "../nsg/vocabulary.ts";
import type { IssueCode } from "../issue-codes.ts";
import { fail, issue, ok, type Issue, type Result } from "../result.ts";

/**
 * The flow form as typed (every field a string) and its check before evaluation: each problem
 * is tied to the field that has it (the issue's path is [field]), so the form can mark that
 * field and focus it.
 */
export interface FlowFormValues {
  from: string;
  to: string;
  protocol: string;
  sourcePort: string;
  port: string;
  response: boolean;
}

export const FLOW_FIELDS = ["from", "to", "protocol", "sourcePort", "port"] as const;
export type FlowField = (typeof FLOW_FIELDS)[number];

export type FlowFormResult = Result<FlowInput>;

/** The form field an issue of `validateFlowForm` belongs to. */
export const fieldOf = (issue: Issue): FlowField | undefined =>
  FLOW_FIELDS.find((field) => field === issue.path[0]);

export const EMPTY_FLOW_FORM: FlowFormValues = {
  from: "",
  to: "",
  protocol: "Tcp",
  sourcePort: "",
  port: "",
  response: false,
};

export interface EndpointOption {
  value: string;
  label: string;
  kind: "vm" | "nic";
}

/** VMs (a flow from a VM leaves through its primary NIC) and then NICs, as the selects list them. */
export function endpointOptions(topology: Topology): EndpointOption[] {
  const vms = topology.vms.map((vm) => {
    const nic = vm.nics[0]!;
    return {
      value: vm.name,
      label: `${vm.name} (VM, ${nic.privateIp}${nic.publicIp ? `, public ${nic.publicIp}` : ""})`,
      kind: "vm" as const,
    };
  });
  const nics = topology.vms.flatMap((vm) =>
    vm.nics.map((nic) => ({
      value: nic.name,
      label: `${nic.name} (NIC of ${vm.name}, ${nic.privateIp}${nic.publicIp ? `, public ${nic.publicIp}` : ""})`,
      kind: "nic" as const,
    })),
  );
  return [...vms, ...nics];
}

const PORT = /^\d{1,5}$/;

type Problem = [code: IssueCode, message: string] | undefined;

function portError(text: string, label: string): Problem {
  if (!PORT.test(text) || Number(text) > 65535)
    return ["invalid-port", `${label} must be a whole number from 0 to 65535 (not "${text}")`];
  return undefined;
}

function endpointError(text: string, side: "from" | "to", names: ReadonlySet<string>): Problem {
  const what = side === "from" ? "where the flow comes from" : "where the flow goes";
  if (text === "") return ["missing-field", `Choose ${what}: a VM, a NIC, or type an IP address`];
  if (names.has(text) || parseIp(text).ok) return undefined;
  return ["unknown-endpoint", `"${text}" is not a VM, a NIC or an IP address of this scenario`];
}

export function validateFlowForm(values: FlowFormValues, topology: Topology): FlowFormResult {
  const names = new Set(endpointOptions(topology).map((o) => o.value));
  const errors: Issue[] = [];
  const from = values.from.trim();
  const to = values.to.trim();
  const add = (field: FlowField, problem: Problem) => {
    if (problem) errors.push(issue(problem[0], problem[1], [field]));
  };
  add("from", endpointError(from, "from", names));
  add("to", endpointError(to, "to", names));
  if (from !== "" && from === to) add("to", ["flow-to-self", "The flow needs two different endpoints"]);
  const protocol = FLOW_PROTOCOLS.find((p) => p.toLowerCase() === values.protocol.trim().toLowerCase());
  if (!protocol) add("protocol", ["invalid-value", `Protocol must be one of ${FLOW_PROTOCOLS.join(", ")}`]);
  const ported = protocol === undefined || hasPorts(protocol);
  const sourcePort = values.sourcePort.trim();
  const port = values.port.trim();
  if (ported) {
    if (sourcePort !== "") add("sourcePort", portError(sourcePort, "The source port"));
    if (port === "")
      add("port", ["missing-port", `A ${protocol ?? "TCP"} flow needs a destination port (0 to 65535)`]);
    else add("port", portError(port, "The destination port"));
  }
  if (errors.length > 0) return fail(errors);
  const flow: FlowInput = { from, to, protocol: protocol };
  if (ported && sourcePort !== "") flow.sourcePort = Number(sourcePort);
  if (ported) flow.port = Number(port);
  if (values.response) flow.response = true;
  return ok(flow);
}

/** A sample flow, as the form shows it. */
export function formFromFlow(flow: Flow | FlowInput): FlowFormValues {
  return {
    from: flow.from,
    to: flow.to,
    protocol: String(flow.protocol),
    sourcePort: flow.sourcePort !== undefined ? String(flow.sourcePort) : "",
    port: flow.port !== undefined ? String(flow.port) : "",
    response: flow.response === true,
  };
}
