import type { Exercise } from "../grader/exercise-schema.ts";
import { PRIORITY_MAX, PRIORITY_MIN } from "../nsg/rule-schema.ts";
import { ACCESSES, DIRECTIONS, RULE_PROTOCOLS } from "../nsg/vocabulary.ts";

/**
 * A JSON Schema (draft-07, what Monaco's JSON service understands) for the rules a learner
 * writes in the editor: `{ "<nsg>": [rule] }` for the exercise's editable NSGs, or a bare
 * array when there is exactly one. It drives completion and hovers only; the grader remains
 * the judge of validity (its messages are located and worded for learners).
 */

type Schema = Record<string, unknown>;

// Spelled out rather than imported from src/lib/nsg, which would pull the evaluator into the editor.
const BUILT_IN_TAGS = [
  "*",
  "Internet",
  "VirtualNetwork",
  "AzureLoadBalancer",
  "AzurePlatformDNS",
  "AzurePlatformIMDS",
  "AzurePlatformLKM",
];

function addressSchema(suggestions: string[], description: string): Schema {
  return {
    description,
    anyOf: [
      {
        enum: suggestions,
        enumDescriptions: suggestions.map((s) =>
          BUILT_IN_TAGS.includes(s)
            ? s === "*"
              ? "Any address"
              : `Service tag ${s}`
            : "From this exercise's network",
        ),
      },
      { type: "string" },
    ],
  };
}

const portSchema = (description: string): Schema => ({
  description,
  anyOf: [
    { enum: ["*", "22", "80", "443", "3389"] },
    { type: "string", pattern: "^(\\*|\\d{1,5}(-\\d{1,5})?)$" },
    { type: "integer", minimum: 0, maximum: 65535 },
  ],
});

/** Addresses worth suggesting: built-in tags, scenario tags, subnet prefixes and NIC addresses. */
export function addressSuggestions(exercise: Exercise): string[] {
  const t = exercise.topology;
  const values = [
    ...BUILT_IN_TAGS,
    ...Object.keys(t.serviceTags),
    ...t.vnets.flatMap((v) => [...v.addressSpace, ...v.subnets.map((s) => s.addressPrefix)]),
    ...t.vms.flatMap((vm) => vm.nics.map((n) => n.privateIp)),
  ];
  return [...new Set(values)];
}

export function ruleSchema(exercise: Exercise): Schema {
  const addresses = addressSuggestions(exercise);
  const asgs = exercise.topology.asgs;
  const asgList = (side: string): Schema => ({
    type: "array",
    description: `Application security groups as the ${side} (instead of ${side}AddressPrefix).`,
    items: asgs.length > 0 ? { enum: asgs } : { type: "string" },
  });
  return {
    type: "object",
    description: "A security rule, in the shape ARM and `az network nsg rule show` use.",
    required: ["name", "priority", "direction", "access", "protocol"],
    additionalProperties: false,
    properties: {
      name: {
        type: "string",
        description: "Rule name: 1–80 letters, digits, '_', '.', '-'. Must be unique in the NSG.",
        pattern: "^[A-Za-z0-9]([A-Za-z0-9_.-]{0,78}[A-Za-z0-9_])?$",
      },
      priority: {
        type: "integer",
        minimum: PRIORITY_MIN,
        maximum: PRIORITY_MAX,
        description: `${PRIORITY_MIN}–${PRIORITY_MAX}; lower numbers are checked first, and the first matching rule decides.`,
      },
      direction: {
        enum: [...DIRECTIONS],
        description: "Inbound: traffic arriving at the subnet or NIC. Outbound: traffic leaving it.",
      },
      access: { enum: [...ACCESSES], description: "What happens to traffic the rule matches." },
      protocol: {
        enum: [...RULE_PROTOCOLS],
        enumDescriptions: RULE_PROTOCOLS.map((p) => (p === "*" ? "Any protocol" : p)),
        description: "Tcp, Udp, Icmp, Esp, Ah, or * for any.",
      },
      description: { type: "string", maxLength: 140, description: "Free text (up to 140 characters)." },
      sourceAddressPrefix: addressSchema(
        addresses,
        "Where traffic comes from: an IP, a CIDR range, a service tag, or * for any.",
      ),
      sourceAddressPrefixes: {
        type: "array",
        items: { type: "string" },
        description: "Several IPs or CIDR ranges (no tags or *: use sourceAddressPrefix for those).",
      },
      sourcePortRange: portSchema("The client's port. Clients pick random ports: this is almost always *."),
      sourcePortRanges: {
        type: "array",
        items: { type: "string" },
        description: "Several source ports or ranges.",
      },
      destinationAddressPrefix: addressSchema(
        addresses,
        "Where traffic goes: an IP, a CIDR range, a service tag, or * for any. NSGs see private addresses, never public IPs.",
      ),
      destinationAddressPrefixes: {
        type: "array",
        items: { type: "string" },
        description: "Several IPs or CIDR ranges (no tags or *: use destinationAddressPrefix for those).",
      },
      destinationPortRange: portSchema("The service port: a number, a range such as 20-21, or * for any."),
      destinationPortRanges: {
        type: "array",
        items: { type: "string" },
        description: 'Several ports or ranges, e.g. ["80", "443"].',
      },
      sourceApplicationSecurityGroups: asgList("source"),
      destinationApplicationSecurityGroups: asgList("destination"),
    },
    defaultSnippets: [
      {
        label: "New inbound rule",
        description: "A complete inbound Allow rule to fill in",
        body: {
          name: "$1",
          priority: "^${2:300}",
          direction: "Inbound",
          access: "Allow",
          protocol: "Tcp",
          sourceAddressPrefix: "$3",
          sourcePortRange: "*",
          destinationAddressPrefix: "$4",
          destinationPortRange: "$5",
        },
      },
    ],
  };
}

/** The whole document schema for an exercise's editor. */
export function learnerRulesSchema(exercise: Exercise): Schema {
  const rule = { $ref: "#/definitions/rule" };
  const rules = {
    type: "array",
    items: rule,
    description: "The NSG's custom rules, replacing the ones it has.",
  };
  const byNsg: Schema = {
    type: "object",
    description: `Rules per NSG. You can edit: ${exercise.editable.join(", ")}.`,
    properties: Object.fromEntries(
      exercise.editable.map((nsg) => [nsg, { ...rules, description: `Custom rules of ${nsg}.` }]),
    ),
    additionalProperties: false,
  };
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    title: `Rules for ${exercise.title}`,
    definitions: { rule: ruleSchema(exercise) },
    ...(exercise.editable.length === 1 ? { anyOf: [byNsg, rules] } : byNsg),
  };
}
