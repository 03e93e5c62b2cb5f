import type { IssuePath, Result } from "../result.ts";
import { ok } from "../result.ts";
import {
  checkRule,
  flattenArmRule,
  normalizeRule,
  READ_ONLY_KEYS,
  securityRuleSchema,
  type FlatRule,
  type SecurityRule,
  type SecurityRuleInput,
} from "./rule-schema.ts";
import { ACCESSES, DIRECTIONS, RULE_PROTOCOLS, canonical } from "./vocabulary.ts";
import { parseSchema } from "./zod-issues.ts";

/**
 * Validates one security rule: `securityRuleSchema`'s result, with its work skipped for the rule
 * as it is nearly always written. Zod runs without JIT here (the CSP forbids eval), and a
 * 7,994-rule NSG spent about 50 ms in its machinery alone. A rule whose every field already has
 * its plain type (strings, a number, known enum values, lists of strings, ASGs by name) and that
 * passes Azure's checks (`checkRule`, the schema's own) is normalized directly (`normalizeRule`,
 * the schema's own); anything else, unusual or wrong, is the schema's to decide and word.
 * tests/nsg/validation/parse-rule.test.ts checks that the result is always the schema's.
 */
export function parseSecurityRule(input: unknown, prefix: IssuePath = []): Result<SecurityRule> {
  const plain = plainRule(flattenArmRule(input));
  return plain ? ok(plain) : parseSchema(securityRuleSchema, input, prefix);
}

type FieldKind =
  "text" | "number" | "direction" | "access" | "protocol" | "texts" | "port" | "ports" | "ignored";

/** Every field of the schema's flat shape (the type keeps the two in step) and its plain type. */
const FIELD_KINDS: Record<keyof SecurityRuleInput, FieldKind> = {
  name: "text",
  priority: "number",
  direction: "direction",
  access: "access",
  protocol: "protocol",
  description: "text",
  sourceAddressPrefix: "text",
  sourceAddressPrefixes: "texts",
  sourcePortRange: "port",
  sourcePortRanges: "ports",
  destinationAddressPrefix: "text",
  destinationAddressPrefixes: "texts",
  destinationPortRange: "port",
  destinationPortRanges: "ports",
  sourceApplicationSecurityGroups: "texts",
  destinationApplicationSecurityGroups: "texts",
  ...(Object.fromEntries(READ_ONLY_KEYS.map((k) => [k, "ignored"])) as Record<
    (typeof READ_ONLY_KEYS)[number],
    "ignored"
  >),
};
const FIELDS = Object.keys(FIELD_KINDS) as (keyof SecurityRuleInput)[];
const REQUIRED: ReadonlySet<string> = new Set(["name", "priority", "direction", "access", "protocol"]);
const KNOWN: ReadonlySet<string> = new Set(FIELDS);

/** Not a plain value of its kind: the schema decides. */
const UNUSUAL = Symbol("unusual");

function plainValue(kind: FieldKind, value: unknown): unknown {
  switch (kind) {
    case "text":
      return typeof value === "string" ? value : UNUSUAL;
    case "number":
      return typeof value === "number" && Number.isFinite(value) ? value : UNUSUAL;
    case "direction":
      return known(DIRECTIONS, value);
    case "access":
      return known(ACCESSES, value);
    case "protocol":
      return known(RULE_PROTOCOLS, value);
    case "port":
      return portText(value);
    case "texts":
    case "ports": {
      if (!Array.isArray(value)) return UNUSUAL;
      const list: string[] = [];
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i];
        const read = kind === "ports" ? portText(item) : typeof item === "string" ? item : UNUSUAL;
        if (read === UNUSUAL) return UNUSUAL;
        list.push(read);
      }
      return list;
    }
    case "ignored":
      return undefined;
  }
}

/** The schema's enums: the canonical spelling of a known value. */
function known(values: readonly string[], value: unknown): unknown {
  const spelled = canonical(values, value);
  return typeof spelled === "string" && values.includes(spelled) ? spelled : UNUSUAL;
}

/** A port as the schema reads it: text, or a number written as text. */
const portText = (value: unknown): string | typeof UNUSUAL =>
  typeof value === "string" ? value : typeof value === "number" ? String(value) : UNUSUAL;

/** The normalized rule when `input` is plain and valid, else undefined. */
function plainRule(input: unknown): SecurityRule | undefined {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return undefined;
  const fields = input as Record<string, unknown>;
  // Every key, inherited ones too: the schema's strict shape refuses what it does not know.
  for (const key in fields) if (!KNOWN.has(key)) return undefined;
  const rule: Record<string, unknown> = {};
  for (const field of FIELDS) {
    const value = fields[field];
    if (value === undefined) {
      if (REQUIRED.has(field)) return undefined;
      continue;
    }
    const read = plainValue(FIELD_KINDS[field], value);
    if (read === UNUSUAL) return undefined;
    if (read !== undefined) rule[field] = read;
  }
  let valid = true;
  checkRule(rule as FlatRule, () => {
    valid = false;
  });
  return valid ? normalizeRule(rule as FlatRule) : undefined;
}
