/**
 * Test support: build a scenario from plain data, evaluate flows, and read verdicts as the compact
 * trace the grader prints (`{ nsg, level, direction, rule, priority, access }` per NSG passed).
 */
import {
  createEvaluator,
  parseTopology,
  type Evaluator,
  type FlowInput,
  type SecurityRuleInput,
  type Step,
  type SubscriptionType,
  type TopologyInput,
  type Verdict,
} from "../../../src/lib/nsg/index.ts";
import { joinMessages } from "../../../src/lib/result.ts";

export function evaluatorFor(input: TopologyInput, subscription?: SubscriptionType): Evaluator {
  const topology = parseTopology(input);
  if (!topology.ok) throw new Error(`invalid test topology: ${JSON.stringify(topology.errors)}`);
  const evaluator = createEvaluator(topology.value, subscription);
  if (!evaluator.ok) throw new Error(`invalid test topology: ${JSON.stringify(evaluator.errors)}`);
  return evaluator.value;
}

export function verdictOf(evaluator: Evaluator, flow: FlowInput): Verdict {
  const result = evaluator.evaluate(flow);
  if (!result.ok)
    throw new Error(`flow ${JSON.stringify(flow)} was not evaluated: ${joinMessages(result.errors)}`);
  return result.value;
}

export type TraceEntry =
  | { nsg: string; level: string; direction: string; rule: string; priority: number; access: string }
  | { nsg: null; level: string; direction: string; access: "Allow" }
  | { platform: string; access: "Allow" | "Deny" }
  | { stateful: true; access: string };

export function traceEntry(step: Step): TraceEntry {
  switch (step.kind) {
    case "nsg":
      return {
        nsg: step.nsg,
        level: step.level,
        direction: step.direction,
        rule: step.rule.name,
        priority: step.rule.priority,
        access: step.access,
      };
    case "no-nsg":
      return { nsg: null, level: step.level, direction: step.direction, access: step.access };
    case "platform":
      return { platform: step.restriction, access: step.access };
    case "stateful":
      return { stateful: true, access: step.access };
  }
}

export const traceOf = (verdict: Verdict): TraceEntry[] => verdict.steps.map(traceEntry);

/** Only the NSGs that were processed, in order: "NSG1/subnet/Inbound". */
export const nsgsProcessed = (verdict: Verdict): string[] =>
  verdict.steps.flatMap((s) => (s.kind === "nsg" ? [`${s.nsg}/${s.level}/${s.direction}`] : []));

/** The name of whatever decided: a rule name, "platform", "no-nsg" or "stateful". */
export function decidedBy(verdict: Verdict): string {
  const step = verdict.decidingStep;
  if (step.kind === "nsg") return step.rule.name;
  if (step.kind === "platform") return "platform";
  return step.kind;
}

/** A custom rule with "any" everywhere, to be narrowed by `overrides`. */
export function rule(
  name: string,
  priority: number,
  direction: "Inbound" | "Outbound",
  access: "Allow" | "Deny",
  overrides: Partial<SecurityRuleInput> = {},
): SecurityRuleInput {
  return {
    name,
    priority,
    direction,
    access,
    protocol: "*",
    sourceAddressPrefix: "*",
    sourcePortRange: "*",
    destinationAddressPrefix: "*",
    destinationPortRange: "*",
    ...overrides,
  };
}

/**
 * One VNet (10.0.0.0/16) with two subnets: `front` 10.0.1.0/24 and `back` 10.0.2.0/24. VM `web`
 * (10.0.1.4, public 20.50.1.10) in front, `db` (10.0.2.4) in back. NSG associations are the caller's.
 */
export function twoTierTopology(options: {
  frontNsg?: string;
  backNsg?: string;
  webNicNsg?: string;
  dbNicNsg?: string;
  nsgs?: { name: string; securityRules: SecurityRuleInput[] }[];
}): TopologyInput {
  return {
    vnets: [
      {
        name: "vnet",
        addressSpace: ["10.0.0.0/16"],
        subnets: [
          {
            name: "front",
            addressPrefix: "10.0.1.0/24",
            ...(options.frontNsg ? { nsg: options.frontNsg } : {}),
          },
          {
            name: "back",
            addressPrefix: "10.0.2.0/24",
            ...(options.backNsg ? { nsg: options.backNsg } : {}),
          },
        ],
      },
    ],
    vms: [
      {
        name: "web",
        nics: [
          {
            name: "web-nic",
            subnet: "vnet/front",
            privateIp: "10.0.1.4",
            publicIp: "20.50.1.10",
            ...(options.webNicNsg ? { nsg: options.webNicNsg } : {}),
          },
        ],
      },
      {
        name: "db",
        nics: [
          {
            name: "db-nic",
            subnet: "vnet/back",
            privateIp: "10.0.2.4",
            ...(options.dbNicNsg ? { nsg: options.dbNicNsg } : {}),
          },
        ],
      },
    ],
    nsgs: options.nsgs ?? [],
  };
}

/** A client on the public internet (the address the exercise-format example uses). */
export const INTERNET_CLIENT = "203.0.113.7";
