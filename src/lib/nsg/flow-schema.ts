import { z } from "../zod.ts";
import { FLOW_PROTOCOLS, canonical } from "./vocabulary.ts";

/** First port of the IANA dynamic range: what a client picks when a flow names no source port. */
export const EPHEMERAL_PORT = 49152;

const port = (field: string) =>
  z.number({ error: `${field} must be a number` }).int({ error: `${field} must be a whole number` })
    .min(0, { error: `${field} must be 0 to 65535` }).max(65535, { error: `${field} must be 0 to 65535` });

/**
 * A packet flow to test: endpoints are a VM or NIC name of the topology, or an IP address.
 * `response: true` asks about the reply packet of a connection `to` opened to `from`
 * (NSGs are stateful: it passes when that connection was allowed).
 */
export const flowSchema = z.strictObject({
  from: z.string({ error: "from is required (a VM, a NIC or an IP address)" }),
  to: z.string({ error: "to is required (a VM, a NIC or an IP address)" }),
  protocol: z.preprocess((v) => canonical(FLOW_PROTOCOLS, v), z.enum(FLOW_PROTOCOLS, { error: `protocol must be one of ${FLOW_PROTOCOLS.join(", ")}` })),
  sourcePort: port("sourcePort").optional(),
  port: port("port").optional(),
  response: z.boolean().optional(),
});

export type Flow = z.output<typeof flowSchema>;
export type FlowInput = z.input<typeof flowSchema>;
