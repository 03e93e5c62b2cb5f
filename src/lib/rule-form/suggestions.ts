import { PRIORITY_MAX, PRIORITY_MIN, type SecurityRule } from "../nsg/rule-schema.ts";
import type { Direction } from "../nsg/vocabulary.ts";
import { splitList } from "./form-arm-rule.ts";
import type { RuleFormValues, SourceKind } from "./rule-form-values.ts";
import { CUSTOM_SERVICE } from "./service-presets.ts";

/**
 * What the pane fills in before the learner types: a free priority and a name, both only
 * suggestions that the learner overwrites.
 */

/**
 * A priority no rule of this direction has. Learn recommends gaps ("such as 100, 200, and 300 …
 * so that you can give them higher or lower priority"), so the next hundred after the highest,
 * or the first free number when that runs past 4096.
 */
export function suggestPriority(rules: readonly SecurityRule[], direction: Direction): number {
  const used = new Set(rules.filter((r) => r.direction === direction).map((r) => r.priority));
  const custom = [...used].filter((p) => p >= PRIORITY_MIN && p <= PRIORITY_MAX);
  if (custom.length === 0) return PRIORITY_MIN;
  const next = (Math.floor(Math.max(...custom) / 100) + 1) * 100;
  if (next <= PRIORITY_MAX) return next;
  for (let p = PRIORITY_MIN; p <= PRIORITY_MAX; p++) if (!used.has(p)) return p;
  return PRIORITY_MAX;
}

const SOURCE_WORD: Record<SourceKind, string> = {
  any: "Any",
  "ip-addresses": "CidrBlock",
  "my-ip": "MyIpAddress",
  "service-tag": "Tag",
  asg: "Asg",
};

/** Letters, digits, "_", "." and "-" only, as rule names allow. */
const nameSafe = (text: string) => text.replace(/[^A-Za-z0-9_.-]/g, "");

/**
 * A name in the portal's style: action, kind of source, service (Custom and its port), direction,
 * e.g. AllowAnyCustom8080Inbound or AllowMyIpAddressSSHInbound; numbered when taken.
 */
export function suggestName(values: RuleFormValues, taken: readonly string[]): string {
  const ports = splitList(values.destinationPorts)
    .map((p) => (p === "*" ? "Any" : p))
    .join("_");
  const service =
    values.service === CUSTOM_SERVICE
      ? `${CUSTOM_SERVICE}${nameSafe(ports) || "Any"}`
      : nameSafe(values.service);
  const base = `${values.access}${SOURCE_WORD[values.source]}${service}${values.direction}`.slice(0, 76);
  const used = new Set(taken.map((n) => n.toLowerCase()));
  if (!used.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) if (!used.has(`${base}_${i}`.toLowerCase())) return `${base}_${i}`;
}
