import {
  armProperties,
  asgIdOf,
  NSG_API_VERSION,
  uniqueIdentifier,
  type ExportOptions,
  type NsgRuleSet,
} from "./rule-properties.ts";

/**
 * Rules as Bicep: a `Microsoft.Network/networkSecurityGroups` resource per NSG with inline
 * `securityRules`. ASG references are literal IDs, as in the ARM export (placeholder
 * subscription unless one is given).
 */

/** A Bicep expression, written as-is rather than as a string. */
class Expression {
  readonly code: string;
  constructor(code: string) {
    this.code = code;
  }
}

const KEYWORDS = new Set([
  "resource",
  "param",
  "var",
  "output",
  "module",
  "existing",
  "if",
  "for",
  "in",
  "true",
  "false",
  "null",
  "import",
  "metadata",
  "targetScope",
  "type",
  "func",
  "extension",
  "using",
  "assert",
  "with",
  "as",
]);

/** Bicep single-quoted string: escape `\`, `'`, `${` and control characters. */
export function bicepString(value: string): string {
  const escaped = value
    .replaceAll("\\", "\\\\")
    .replaceAll("'", "\\'")
    .replaceAll("${", "\\${")
    .replaceAll("\n", "\\n")
    .replaceAll("\r", "\\r")
    .replaceAll("\t", "\\t");
  return `'${escaped}'`;
}

/** "web-nsg" → "webNsg"; never a keyword, never starting with a digit. */
export function bicepIdentifier(name: string, taken: Set<string>): string {
  const words = name.split(/[^A-Za-z0-9]+/).filter(Boolean);
  let id = words
    .map((w, i) => (i === 0 ? w[0]!.toLowerCase() + w.slice(1) : w[0]!.toUpperCase() + w.slice(1)))
    .join("");
  if (id === "" || /^[0-9]/.test(id)) id = `nsg${id.charAt(0).toUpperCase()}${id.slice(1)}`;
  if (KEYWORDS.has(id)) id = `${id}Nsg`;
  return uniqueIdentifier(id, taken);
}

function render(value: unknown, indent: string): string {
  if (value instanceof Expression) return value.code;
  if (typeof value === "string") return bicepString(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    return `[\n${value.map((v) => `${inner}${render(v, inner)}`).join("\n")}\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return "{}";
  return `{\n${entries.map(([k, v]) => `${inner}${/^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? k : bicepString(k)}: ${render(v, inner)}`).join("\n")}\n${indent}}`;
}

export function exportBicep(nsgs: readonly NsgRuleSet[], options: ExportOptions = {}): string {
  const taken = new Set<string>(["location"]);
  const resources = nsgs.map(({ nsg, rules }) => {
    const body = {
      name: nsg,
      location: new Expression("location"),
      properties: {
        securityRules: rules.map((rule) => ({
          name: rule.name,
          properties: armProperties(rule, (asg) => ({ id: asgIdOf(asg, options) })),
        })),
      },
    };
    return `resource ${bicepIdentifier(nsg, taken)} 'Microsoft.Network/networkSecurityGroups@${NSG_API_VERSION}' = ${render(body, "")}`;
  });
  return `${["// Security rules exported from NSG Lab.", "param location string = resourceGroup().location", ...resources].join("\n\n")}\n`;
}
