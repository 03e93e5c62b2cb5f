import { fail, issue, ok, type Result } from "../result.ts";
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

/** The issue's message is the reason the value is not a state ("the scenario text is missing"). */
export type StateCheck = Result<PlaygroundState>;

const FLOW_TEXT_FIELDS = ["from", "to", "protocol", "sourcePort", "port"] as const;

function checkFlow(value: unknown): Result<FlowFormValues | null> {
  if (value === null || value === undefined) return ok(null);
  if (typeof value !== "object" || Array.isArray(value))
    return fail([issue("invalid-type", "its flow is not an object", ["flow"])]);
  const v = value as Record<string, unknown>;
  for (const field of FLOW_TEXT_FIELDS) {
    if (typeof v[field] !== "string")
      return fail([issue("invalid-type", `its flow's ${field} is not text`, ["flow", field])]);
    if (v[field].length > 200)
      return fail([issue("value-too-long", `its flow's ${field} is too long`, ["flow", field])]);
  }
  if (typeof v.response !== "boolean")
    return fail([issue("invalid-type", "its flow's reply flag is not true or false", ["flow", "response"])]);
  return ok({
    from: v.from as string,
    to: v.to as string,
    protocol: v.protocol as string,
    sourcePort: v.sourcePort as string,
    port: v.port as string,
    response: v.response,
  });
}

export function validateState(value: unknown): StateCheck {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return fail([issue("invalid-type", "it is not an object")]);
  const v = value as Record<string, unknown>;
  if (v.version !== 1)
    return fail([issue("unsupported-version", `unknown version ${JSON.stringify(v.version)}`, ["version"])]);
  if (typeof v.scenario !== "string")
    return fail([issue("missing-field", "the scenario text is missing", ["scenario"])]);
  if (typeof v.cli !== "string") return fail([issue("missing-field", "the az CLI text is missing", ["cli"])]);
  const flow = checkFlow(v.flow);
  if (!flow.ok) return flow;
  return ok({ version: 1, scenario: v.scenario, cli: v.cli, flow: flow.value });
}

export const makeState = (scenario: string, cli: string, flow: FlowFormValues | null): PlaygroundState => ({
  version: 1,
  scenario,
  cli,
  flow,
});

export const sameState = (a: PlaygroundState, b: PlaygroundState): boolean =>
  JSON.stringify(a) === JSON.stringify(b);
