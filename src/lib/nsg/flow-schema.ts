import { lazySchema, z } from "../zod.ts";
import { FLOW_PROTOCOLS, canonical } from "./vocabulary.ts";

/** First port of the IANA dynamic range: what a client picks when a flow names no source port. */
export const EPHEMERAL_PORT = 49152;

const port = (field: string) =>
  z
    .number({ error: `${field} must be a number` })
    .int({ error: `${field} must be a whole number` })
    .min(0, { error: `${field} must be 0 to 65535` })
    .max(65535, { error: `${field} must be 0 to 65535` });

/**
 * A packet flow to test: endpoints are a VM or NIC name of the topology, or an IP address.
 * `response: true` asks about the reply packet of a connection `to` opened to `from`
 * (NSGs are stateful: it passes when that connection was allowed).
 */
export const flowSchema = lazySchema(() =>
  z.strictObject({
    from: z.string({ error: "from is required (a VM, a NIC or an IP address)" }),
    to: z.string({ error: "to is required (a VM, a NIC or an IP address)" }),
    protocol: z.preprocess(
      (v) => canonical(FLOW_PROTOCOLS, v),
      z.enum(FLOW_PROTOCOLS, { error: `protocol must be one of ${FLOW_PROTOCOLS.join(", ")}` }),
    ),
    sourcePort: port("sourcePort").optional(),
    port: port("port").optional(),
    response: z.boolean().optional(),
  }),
);

export type Flow = z.output<typeof flowSchema>;
export type FlowInput = z.input<typeof flowSchema>;

let flowKeys: ReadonlySet<string> | undefined;
const isPort = (v: unknown) =>
  v === undefined || (typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= 65535);

/**
 * The flow as `flowSchema` would return it, when the input is already in canonical form (the
 * common case: flows built by the grader). Anything else — other spellings, wrong types, unknown
 * keys — returns undefined, and the schema decides and explains. Saves a schema pass per flow.
 */
export function canonicalFlow(input: unknown): Flow | undefined {
  if (typeof input !== "object" || input === null) return undefined;
  const prototype: unknown = Object.getPrototypeOf(input);
  if (prototype !== Object.prototype && prototype !== null) return undefined;
  flowKeys ??= new Set(Object.keys(flowSchema.unwrap().shape));
  for (const key of Object.keys(input)) if (!flowKeys.has(key)) return undefined;
  const { from, to, protocol, port, sourcePort, response } = input as Record<string, unknown>;
  if (typeof from !== "string" || typeof to !== "string") return undefined;
  if (!(FLOW_PROTOCOLS as readonly unknown[]).includes(protocol)) return undefined;
  if (!isPort(port) || !isPort(sourcePort)) return undefined;
  if (response !== undefined && typeof response !== "boolean") return undefined;
  return { ...(input as Flow) };
}
