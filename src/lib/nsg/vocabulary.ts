/** Azure's enumerations for security rules, with the exact spellings ARM uses. */
export const DIRECTIONS = ["Inbound", "Outbound"] as const;
export const ACCESSES = ["Allow", "Deny"] as const;
/** `*` is "Any" in the portal. */
export const RULE_PROTOCOLS = ["Tcp", "Udp", "Icmp", "Esp", "Ah", "*"] as const;
/** A concrete flow has one protocol. */
export const FLOW_PROTOCOLS = ["Tcp", "Udp", "Icmp", "Esp", "Ah"] as const;

export type Direction = (typeof DIRECTIONS)[number];
export type Access = (typeof ACCESSES)[number];
export type RuleProtocol = (typeof RULE_PROTOCOLS)[number];
export type FlowProtocol = (typeof FLOW_PROTOCOLS)[number];

/** Only TCP and UDP carry ports; rules and flows of other protocols ignore them. */
export const PORT_PROTOCOLS = ["Tcp", "Udp"] as const;
export type PortProtocol = (typeof PORT_PROTOCOLS)[number];
export const hasPorts = (protocol: FlowProtocol): protocol is PortProtocol =>
  protocol === "Tcp" || protocol === "Udp";

/** ARM accepts enum values case-insensitively; we store the canonical spelling. */
export function canonical<T extends string>(values: readonly T[], input: unknown): unknown {
  if (typeof input !== "string") return input;
  // Nearly every value is written canonically already: no lower-case copies to make for it.
  if ((values as readonly string[]).includes(input)) return input;
  const lower = input.trim().toLowerCase();
  return values.find((v) => v.toLowerCase() === lower) ?? input;
}
