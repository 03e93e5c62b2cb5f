import type { Flow } from "./flow-schema.ts";
import type { IpAddress } from "./ip.ts";
import type { Packet } from "./match.ts";
import type { PlatformServiceTag } from "./service-tags.ts";
import type { SubscriptionType } from "./topology-schema.ts";
import type { Access, Direction } from "./vocabulary.ts";

/**
 * What a flow evaluation returns: like Network Watcher's IP flow verify, but for the whole path.
 * Every NSG passed is a step, with the rule that decided there.
 */
export type Level = "subnet" | "nic";

export interface RuleRef {
  name: string;
  priority: number;
  access: Access;
  isDefault: boolean;
}

interface LegStep {
  level: Level;
  direction: Direction;
  vm: string;
  nic: string;
  subnet: string;
  /** The packet as this NSG saw it (destination already translated from a public IP). */
  packet: Packet;
}

/** An NSG was evaluated and one of its rules decided. */
export interface NsgStep extends LegStep {
  kind: "nsg";
  nsg: string;
  rule: RuleRef;
  access: Access;
}

/** No NSG is associated at this level: Azure lets the traffic through. */
export interface OpenStep extends LegStep {
  kind: "no-nsg";
  access: "Allow";
}

/** Azure's platform blocked the flow whatever the NSGs say (outbound TCP 25). */
export interface SmtpBlockStep {
  kind: "platform";
  restriction: "outbound-smtp";
  subscription: SubscriptionType;
  access: "Deny";
  reason: string;
}

/**
 * Traffic to one of the host's platform services (DNS, DHCP, IMDS, WireServer, KMS), which the
 * NSGs on the sender's path did not filter because none of their rules targets it by tag.
 */
export interface HostServiceStep {
  kind: "platform";
  restriction: "host-service";
  /** "Azure DNS (168.63.129.16, UDP 53)". */
  service: string;
  /** The tag a rule must name to filter it; undefined when no rule can (WireServer, DHCP). */
  tag: PlatformServiceTag | undefined;
  /** The NSGs the traffic passed without their rules applying. */
  bypassed: string[];
  access: "Allow";
  reason: string;
}

export type PlatformStep = SmtpBlockStep | HostServiceStep;

/** A reply packet: allowed because NSGs are stateful and the connection it answers was allowed. */
export interface StatefulStep {
  kind: "stateful";
  access: Access;
  initiator: Verdict;
}

export type Step = NsgStep | OpenStep | PlatformStep | StatefulStep;

export type Endpoint =
  | { kind: "nic"; vm: string; nic: string; address: IpAddress; viaPublicIp: boolean }
  | { kind: "external"; address: IpAddress };

export interface Verdict {
  access: Access;
  flow: Flow;
  source: Endpoint;
  destination: Endpoint;
  steps: Step[];
  /** The step that settled it: the one that denied, or for an allowed flow the last gate passed. */
  decidingStep: Step;
}
