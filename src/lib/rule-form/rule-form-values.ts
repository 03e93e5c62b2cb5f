import type { Access, Direction, RuleProtocol } from "../nsg/vocabulary.ts";
import { CUSTOM_SERVICE } from "./service-presets.ts";

/**
 * The portal's "Add inbound/outbound security rule" pane as typed: every setting the Learn page
 * "Create, change, or delete a network security group" lists (security rule settings), each a
 * string (or a list of checked ASGs) exactly as the learner left it, so nothing is lost before it
 * validates. `armRuleFromForm` turns it into the flat ARM rule the grader reads.
 */

/** Source: Any, IP Addresses, My IP address, Service Tag or Application security group. */
export const SOURCE_KINDS = ["any", "ip-addresses", "my-ip", "service-tag", "asg"] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];
/** Destination: the same without My IP address, as the portal offers. */
export const DESTINATION_KINDS = ["any", "ip-addresses", "service-tag", "asg"] as const;
export type DestinationKind = (typeof DESTINATION_KINDS)[number];

export const SOURCE_KIND_LABEL: Record<SourceKind, string> = {
  any: "Any",
  "ip-addresses": "IP addresses",
  "my-ip": "My IP address",
  "service-tag": "Service Tag",
  asg: "Application security group",
};

/** The protocols the portal offers; ESP and AH "aren't currently available via the Azure portal" (NSG overview). */
export const FORM_PROTOCOLS = ["*", "Tcp", "Udp", "Icmp"] as const satisfies readonly RuleProtocol[];

export const PROTOCOL_LABEL: Record<RuleProtocol, string> = {
  "*": "Any",
  Tcp: "TCP",
  Udp: "UDP",
  Icmp: "ICMP",
  Esp: "ESP",
  Ah: "AH",
};

export interface RuleFormValues {
  direction: Direction;
  source: SourceKind;
  /** "Source IP addresses/CIDR ranges": comma-separated. */
  sourceAddresses: string;
  /** "My IP address": the learner's public address, typed (see MY_IP_EXPLANATION). */
  myIp: string;
  sourceTag: string;
  sourceAsgs: string[];
  sourcePorts: string;
  destination: DestinationKind;
  destinationAddresses: string;
  destinationTag: string;
  destinationAsgs: string[];
  /** A preset's label (service-presets.ts) or "Custom". */
  service: string;
  destinationPorts: string;
  /** ARM spelling; "*" is Any. Esp and Ah only when an existing rule has them. */
  protocol: RuleProtocol;
  access: Access;
  priority: string;
  name: string;
  description: string;
}

/** The fields an issue can be tied to; `direction` is fixed by the button that opened the pane. */
export const RULE_FORM_FIELDS = [
  "source",
  "sourceAddresses",
  "myIp",
  "sourceTag",
  "sourceAsgs",
  "sourcePorts",
  "destination",
  "destinationAddresses",
  "destinationTag",
  "destinationAsgs",
  "service",
  "destinationPorts",
  "protocol",
  "access",
  "priority",
  "name",
  "description",
] as const;
export type RuleFormField = (typeof RULE_FORM_FIELDS)[number];

export const isRuleFormField = (value: unknown): value is RuleFormField =>
  (RULE_FORM_FIELDS as readonly unknown[]).includes(value);

/**
 * The pane as the portal opens it: Any to Any, source ports *, Custom service on port 8080,
 * protocol Any, Allow. Priority and name are suggested by the caller (suggestions.ts).
 */
export function blankRuleForm(direction: Direction): RuleFormValues {
  return {
    direction,
    source: "any",
    sourceAddresses: "",
    myIp: "",
    sourceTag: "",
    sourceAsgs: [],
    sourcePorts: "*",
    destination: "any",
    destinationAddresses: "",
    destinationTag: "",
    destinationAsgs: [],
    service: CUSTOM_SERVICE,
    destinationPorts: "8080",
    protocol: "*",
    access: "Allow",
    priority: "",
    name: "",
    description: "",
  };
}

/**
 * Why "My IP address" asks: the portal fills in the public address it sees the browser connect
 * from, but this site is static and talks to no server, so it never learns the address.
 */
export const MY_IP_EXPLANATION =
  "The portal fills this in with the public address it sees your browser connect from. NSG Lab runs only in your browser and contacts no server, so it cannot see that address: type it yourself (an exercise that gives you an address means that one). The rule stores the address itself, as the portal's does.";

/** Each control's label, as the pane shows it (and the error summary names it). */
export const FIELD_LABEL: Record<RuleFormField, string> = {
  source: "Source",
  sourceAddresses: "Source IP addresses/CIDR ranges",
  myIp: "Your IP address",
  sourceTag: "Source service tag",
  sourceAsgs: "Source application security groups",
  sourcePorts: "Source port ranges",
  destination: "Destination",
  destinationAddresses: "Destination IP addresses/CIDR ranges",
  destinationTag: "Destination service tag",
  destinationAsgs: "Destination application security groups",
  service: "Service",
  destinationPorts: "Destination port ranges",
  protocol: "Protocol",
  access: "Action",
  priority: "Priority",
  name: "Name",
  description: "Description",
};
