import type { FlowFormValues } from "./flow-form.ts";

/**
 * Everything the playground needs to come back exactly as it was: both editors' texts and
 * the flow in the form. Shared links and the autosave carry this one shape, validated on the
 * way in (a link can be cut, a stored value hand-edited).
 */
export interface PlaygroundState {
  version: 1;
  scenario: string;
  cli: string;
  flow: FlowFormValues | null;
}

export type StateCheck = { ok: true; value: PlaygroundState } | { ok: false; message: string };

const FLOW_TEXT_FIELDS = ["from", "to", "protocol", "sourcePort", "port"] as const;

function checkFlow(value: unknown): FlowFormValues | string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== "object" || Array.isArray(value)) return "its flow is not an object";
  const v = value as Record<string, unknown>;
  for (const field of FLOW_TEXT_FIELDS) {
    if (typeof v[field] !== "string") return `its flow's ${field} is not text`;
    if (v[field].length > 200) return `its flow's ${field} is too long`;
  }
  if (typeof v.response !== "boolean") return "its flow's reply flag is not true or false";
  return {
    from: v.from as string,
    to: v.to as string,
    protocol: v.protocol as string,
    sourcePort: v.sourcePort as string,
    port: v.port as string,
    response: v.response,
  };
}

export function validateState(value: unknown): StateCheck {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return { ok: false, message: "it is not an object" };
  const v = value as Record<string, unknown>;
  if (v.version !== 1) return { ok: false, message: `unknown version ${JSON.stringify(v.version)}` };
  if (typeof v.scenario !== "string") return { ok: false, message: "the scenario text is missing" };
  if (typeof v.cli !== "string") return { ok: false, message: "the az CLI text is missing" };
  const flow = checkFlow(v.flow);
  if (typeof flow === "string") return { ok: false, message: flow };
  return { ok: true, value: { version: 1, scenario: v.scenario, cli: v.cli, flow } };
}

export const makeState = (scenario: string, cli: string, flow: FlowFormValues | null): PlaygroundState => ({
  version: 1,
  scenario,
  cli,
  flow,
});

export const sameState = (a: PlaygroundState, b: PlaygroundState): boolean =>
  JSON.stringify(a) === JSON.stringify(b);
