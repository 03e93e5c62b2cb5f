import { lazySchema, z } from "../zod.ts";
import { closestMatch } from "../text/closest-match.ts";
import { ACCESSES, DIRECTIONS, RULE_PROTOCOLS, canonical } from "./vocabulary.ts";
import { isPlainV4Prefix, isValidPrefix, parseCidrOrIp } from "./ip.ts";
import { isValidPortSpec, parsePortSpec } from "./ports.ts";
import { builtInTag } from "./service-tags.ts";
import type { IssueCode } from "../issue-codes.ts";
import type { Issue } from "../result.ts";
import { customIssue } from "./zod-issues.ts";

/**
 * A security rule as ARM and `az network nsg rule show` write it (flat), or as an ARM
 * resource `{ name, properties: {...} }`. Validation follows Azure's own checks; the output
 * is normalized: singular and plural fields merged into lists, ASG ids reduced to names.
 */

export const PRIORITY_MIN = 100;
export const PRIORITY_MAX = 4096;
const NAME_PATTERN = /^[A-Za-z0-9](?:[A-Za-z0-9_.-]{0,78}[A-Za-z0-9_])?$/;
/** A service tag: AzureCloud, Storage.WestUS, Sql.EastUS2 ... */
export const TAG_PATTERN = /^[A-Za-z][A-Za-z0-9_.-]*$/;

/** Read-only properties ARM and the CLI print; accepted and ignored so pasted output works. */
export const READ_ONLY_KEYS = ["id", "etag", "type", "provisioningState", "resourceGroup"] as const;

const enumOf = <T extends string>(values: readonly [T, ...T[]], field: string) =>
  z.preprocess(
    (v) => canonical(values, v),
    z.enum(values, {
      error: (iss) => {
        const choices = values.map((v) => `"${v}"`).join(", ");
        return iss.input === undefined
          ? `${field} is required (${choices})`
          : `${field} must be one of ${choices}, not ${JSON.stringify(iss.input)}`;
      },
    }),
  );

const text = (field: string) =>
  z.string({
    error: (iss) => (iss.input === undefined ? `${field} is required` : `${field} must be a string`),
  });
const textList = (field: string) =>
  z.array(text(`each entry of ${field}`), { error: `${field} must be a list of strings` });
/** Ports are strings in ARM; a bare number (80) is what people type, so accept it as "80". */
const portText = (field: string) => z.preprocess((v) => (typeof v === "number" ? String(v) : v), text(field));
const portList = (field: string) =>
  z.array(portText(`each entry of ${field}`), { error: `${field} must be a list of ports or ranges` });

/** ASG reference: a name, or `{ id: ".../applicationSecurityGroups/<name>" }` as ARM writes it. */
const asgRef = lazySchema(() =>
  z
    .union([z.string(), z.object({ id: z.string() }).loose()], {
      error: 'an application security group is a name or { "id": "..." }',
    })
    .transform((ref) => (typeof ref === "string" ? ref : (ref.id.split("/").pop() ?? ref.id))),
);

const flatRuleShape = lazySchema(() =>
  z.strictObject(
    {
      name: text("name"),
      priority: z.number({
        error: (iss) => (iss.input === undefined ? "priority is required" : "priority must be a number"),
      }),
      direction: enumOf(DIRECTIONS, "direction"),
      access: enumOf(ACCESSES, "access"),
      protocol: enumOf(RULE_PROTOCOLS, "protocol"),
      description: z.string().optional(),
      sourceAddressPrefix: text("sourceAddressPrefix").optional(),
      sourceAddressPrefixes: textList("sourceAddressPrefixes").optional(),
      sourcePortRange: portText("sourcePortRange").optional(),
      sourcePortRanges: portList("sourcePortRanges").optional(),
      destinationAddressPrefix: text("destinationAddressPrefix").optional(),
      destinationAddressPrefixes: textList("destinationAddressPrefixes").optional(),
      destinationPortRange: portText("destinationPortRange").optional(),
      destinationPortRanges: portList("destinationPortRanges").optional(),
      sourceApplicationSecurityGroups: z.array(asgRef).optional(),
      destinationApplicationSecurityGroups: z.array(asgRef).optional(),
      ...Object.fromEntries(READ_ONLY_KEYS.map((k) => [k, z.unknown().optional()])),
    },
    {
      error: (iss) =>
        iss.code === "unrecognized_keys"
          ? `unknown property ${iss.keys.map((k) => `"${k}"`).join(", ")}${suggestKey(iss.keys[0])}`
          : "a security rule must be an object",
    },
  ),
);

/** Lowercased property name → its ARM spelling, for "did you mean" on a misspelled key. */
let ruleKeys: Map<string, string> | undefined;

function suggestKey(key: string | undefined): string {
  if (!key) return "";
  const RULE_KEYS = (ruleKeys ??= new Map(
    Object.keys(flatRuleShape.unwrap().shape).map((k) => [k.toLowerCase(), k]),
  ));
  const match = closestMatch(key.toLowerCase().replace(/[-_]/g, ""), RULE_KEYS.keys(), 2);
  return match ? ` (did you mean "${RULE_KEYS.get(match)}"?)` : "";
}

export type FlatRule = z.infer<typeof flatRuleShape>;
type Side = "source" | "destination";
type AddIssue = (code: IssueCode, message: string, path: (string | number)[]) => void;
/** A failed parse's first issue, at `path`. */
const addParsed = (add: AddIssue, errors: readonly Issue[], path: (string | number)[]) =>
  add(errors[0]!.code, errors[0]!.message, path);

function checkName(name: string, add: AddIssue) {
  if (!NAME_PATTERN.test(name)) {
    add(
      "invalid-rule-name",
      name.length === 0 || name.length > 80
        ? `rule name must be 1 to 80 characters (it has ${name.length})`
        : `rule name "${name}" must start with a letter or digit, end with a letter, digit or underscore, and use only letters, digits, "_", "." and "-"`,
      ["name"],
    );
  }
}

function checkPriority(priority: number, add: AddIssue) {
  if (!Number.isInteger(priority) || priority < PRIORITY_MIN || priority > PRIORITY_MAX) {
    add(
      "priority-out-of-range",
      `priority ${priority} is out of range: custom rules use whole numbers from ${PRIORITY_MIN} to ${PRIORITY_MAX}`,
      ["priority"],
    );
  }
}

/**
 * A side's fields, named once: a key built per rule (`${side}PortRange`) is a new string to make
 * and look up every time. Issue paths are new arrays each: zod prefixes them in place.
 */
const SIDE_FIELDS = {
  source: {
    portRange: "sourcePortRange",
    portRanges: "sourcePortRanges",
    prefix: "sourceAddressPrefix",
    prefixes: "sourceAddressPrefixes",
    asgs: "sourceApplicationSecurityGroups",
  },
  destination: {
    portRange: "destinationPortRange",
    portRanges: "destinationPortRanges",
    prefix: "destinationAddressPrefix",
    prefixes: "destinationAddressPrefixes",
    asgs: "destinationApplicationSecurityGroups",
  },
} as const;

/** An absent list, read without allocating one per check. */
const NONE: readonly string[] = [];

function checkPorts(rule: FlatRule, side: Side, add: AddIssue) {
  const fields = SIDE_FIELDS[side];
  const single = rule[fields.portRange];
  const plural = rule[fields.portRanges] ?? NONE;
  if (single !== undefined && plural.length > 0) {
    add("conflicting-fields", `set either ${side}PortRange or ${side}PortRanges, not both`, [
      fields.portRanges,
    ]);
  }
  if (single === undefined && plural.length === 0) {
    add("missing-field", `${side}PortRange is required (use "*" for any port)`, [fields.portRange]);
  }
  // The spec is parsed again only to word what is wrong with it.
  if (single !== undefined && !isValidPortSpec(single)) {
    const parsed = parsePortSpec(single);
    if (!parsed.ok) addParsed(add, parsed.errors, [fields.portRange]);
  }
  for (let i = 0; i < plural.length; i++) {
    if (isValidPortSpec(plural[i]!)) continue;
    const parsed = parsePortSpec(plural[i]!);
    if (!parsed.ok) addParsed(add, parsed.errors, [fields.portRanges, i]);
  }
}

function checkSingleAddress(value: string, field: string, add: AddIssue) {
  // The plain IPv4 form most prefixes have is valid as it is: no tag or shape to test.
  if (value === "*" || isPlainV4Prefix(value) || builtInTag(value)) return;
  // A colon only ever appears in IPv6, and an IPv6 address may have no digit at all ("::", "abcd::").
  if (/^[\d.:a-fA-F/]+$/.test(value) && (value.includes(":") || (/\d/.test(value) && value.includes(".")))) {
    if (isValidPrefix(value)) return;
    const parsed = parseCidrOrIp(value);
    if (!parsed.ok) addParsed(add, parsed.errors, [field]);
    return;
  }
  if (!TAG_PATTERN.test(value))
    add("invalid-address-prefix", `"${value}" is not an IP address, a CIDR range, a service tag or *`, [
      field,
    ]);
  // Whether a non-built-in tag exists depends on the scenario; validateTopology checks it.
}

function checkAddresses(rule: FlatRule, side: Side, add: AddIssue) {
  const fields = SIDE_FIELDS[side];
  const single = rule[fields.prefix];
  const plural = rule[fields.prefixes] ?? NONE;
  const asgs = rule[fields.asgs] ?? NONE;
  const hasPrefix = single !== undefined || plural.length > 0;
  if (single !== undefined && plural.length > 0) {
    add("conflicting-fields", `set either ${side}AddressPrefix or ${side}AddressPrefixes, not both`, [
      fields.prefixes,
    ]);
  }
  if (hasPrefix && asgs.length > 0) {
    add(
      "conflicting-fields",
      `a rule's ${side} is either address prefixes or application security groups, not both`,
      [fields.asgs],
    );
  }
  if (!hasPrefix && asgs.length === 0) {
    add("missing-field", `${side}AddressPrefix is required (use "*" for any address)`, [fields.prefix]);
  }
  if (single !== undefined) checkSingleAddress(single, fields.prefix, add);
  for (let i = 0; i < plural.length; i++) {
    const value = plural[i]!;
    if (isPlainV4Prefix(value)) continue;
    // Azure: plural prefixes "cannot specify existing VIRTUALNETWORK, INTERNET, AZURELOADBALANCER, '*' or system tags".
    if (value === "*" || builtInTag(value) || (TAG_PATTERN.test(value) && !value.includes(":"))) {
      add(
        "tag-in-prefix-list",
        `${side}AddressPrefixes holds IP addresses and CIDR ranges only; put "${value}" alone in ${side}AddressPrefix`,
        [fields.prefixes, i],
      );
      continue;
    }
    if (isValidPrefix(value)) continue;
    const parsed = parseCidrOrIp(value);
    if (!parsed.ok) addParsed(add, parsed.errors, [fields.prefixes, i]);
  }
}

/** Azure's checks across a rule's fields, once every field has its type. */
export function checkRule(rule: FlatRule, add: AddIssue) {
  checkName(rule.name, add);
  checkPriority(rule.priority, add);
  for (const side of ["source", "destination"] as const) {
    checkAddresses(rule, side, add);
    checkPorts(rule, side, add);
  }
  if (rule.description !== undefined && rule.description.length > 140) {
    add("value-too-long", `description is ${rule.description.length} characters; Azure allows 140`, [
      "description",
    ]);
  }
}

const listOf = (single: string | undefined, plural: string[] | undefined): string[] =>
  single !== undefined ? [single] : (plural ?? []);

/** Unwraps `{ name, properties: {...} }` (ARM resource shape) into the flat shape. */
export function flattenArmRule(input: unknown): unknown {
  if (input && typeof input === "object" && !Array.isArray(input) && "properties" in input) {
    const { properties, ...rest } = input;
    if (properties && typeof properties === "object" && !Array.isArray(properties))
      return { ...properties, ...rest };
  }
  return input;
}

/** The rule as the evaluator reads it: singular and plural fields merged into lists. */
export const normalizeRule = (rule: FlatRule) => ({
  name: rule.name,
  priority: rule.priority,
  direction: rule.direction,
  access: rule.access,
  protocol: rule.protocol,
  sourceAddressPrefixes: listOf(rule.sourceAddressPrefix, rule.sourceAddressPrefixes),
  sourcePortRanges: listOf(rule.sourcePortRange, rule.sourcePortRanges),
  destinationAddressPrefixes: listOf(rule.destinationAddressPrefix, rule.destinationAddressPrefixes),
  destinationPortRanges: listOf(rule.destinationPortRange, rule.destinationPortRanges),
  sourceApplicationSecurityGroups: rule.sourceApplicationSecurityGroups ?? [],
  destinationApplicationSecurityGroups: rule.destinationApplicationSecurityGroups ?? [],
  ...(rule.description !== undefined ? { description: rule.description } : {}),
});

export const securityRuleSchema = lazySchema(() =>
  z.preprocess(
    flattenArmRule,
    flatRuleShape
      .superRefine((rule, ctx) =>
        checkRule(rule, (code, message, path) => ctx.addIssue(customIssue(code, message, path))),
      )
      .transform(normalizeRule),
  ),
);

/** What a rule looks like as written (input) and after validation (normalized). */
export type SecurityRuleInput = z.input<typeof flatRuleShape>;
export type SecurityRule = z.output<typeof securityRuleSchema>;
