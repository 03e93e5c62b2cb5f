import { parseCidrOrIp, parseIp } from "../nsg/ip.ts";
import { securityRuleSchema, TAG_PATTERN, type SecurityRule } from "../nsg/rule-schema.ts";
import type { Topology } from "../nsg/topology-schema.ts";
import { validateTopology } from "../nsg/validate-topology.ts";
import { parseSchema } from "../nsg/zod-issues.ts";
import { fail, issue, ok, type Issue, type IssuePath, type Result } from "../result.ts";
import { armRuleFromForm, splitList } from "./form-arm-rule.ts";
import { isRuleFormField, type RuleFormField, type RuleFormValues } from "./rule-form-values.ts";

/**
 * The pane's check, field by field, with the grader's own validation so the form and the grade
 * never disagree: the rule goes through `securityRuleSchema` (what `applyRules` runs on every
 * rule), then into the NSG beside its other rules through `validateTopology` (what
 * `createEvaluator` runs: unique names and priorities per direction, known tags and ASGs, ASG
 * placement). Each issue keeps its code and gets the path [field] of the control it belongs to
 * (path [] when no control is to blame). Before that, the pane's own inputs are checked as the
 * portal checks them: an empty box, and "IP addresses" that are not addresses or CIDR ranges.
 */

export interface RuleFormContext {
  /** The network the rule goes into, the NSG holding its current rules. */
  topology: Topology;
  nsg: string;
  /** The index in the NSG's securityRules of the rule being edited; absent when adding one. */
  editing?: number;
}

export type RuleFormResult = Result<SecurityRule>;

/** The field an issue of `validateRuleForm` belongs to (undefined for a form-wide one). */
export const fieldOf = (found: Issue): RuleFormField | undefined =>
  isRuleFormField(found.path[0]) ? found.path[0] : undefined;

type Side = "source" | "destination";

/** The control that holds an ARM property's value, given how the pane describes that side. */
function fieldOfProperty(values: RuleFormValues, property: unknown): RuleFormField | undefined {
  if (typeof property !== "string") return undefined;
  if (["name", "priority", "protocol", "access", "description"].includes(property))
    return property as RuleFormField;
  const side: Side | undefined = property.startsWith("source")
    ? "source"
    : property.startsWith("destination")
      ? "destination"
      : undefined;
  if (!side) return undefined;
  if (property.includes("PortRange")) return `${side}Ports`;
  if (property.includes("ApplicationSecurityGroups")) return `${side}Asgs`;
  switch (values[side]) {
    case "ip-addresses":
      return `${side}Addresses`;
    case "my-ip":
      return "myIp";
    case "service-tag":
      return `${side}Tag`;
    case "asg":
      return `${side}Asgs`;
    default:
      return side;
  }
}

const PORTS_HELP = "a port (80), a range (1024-65535), a comma-separated list of them, or * for any port";

/** What the portal itself refuses before sending anything: empty boxes, non-addresses. */
function paneIssues(values: RuleFormValues): Issue[] {
  const issues: Issue[] = [];
  const add = (field: RuleFormField, found: Issue | undefined) => {
    if (found) issues.push({ ...found, path: [field] });
  };
  const addresses = (field: RuleFormField, text: string, which: string) => {
    const entries = splitList(text);
    if (entries.length === 0)
      return add(
        field,
        issue(
          "missing-field",
          `Enter the ${which} IP addresses or CIDR ranges, such as 10.0.0.0/16, 192.188.1.1`,
        ),
      );
    for (const entry of entries) {
      const parsed = parseCidrOrIp(entry);
      if (parsed.ok) continue;
      const first = parsed.errors[0]!;
      // The portal's box takes addresses only; a tag or * has its own choice.
      const hint =
        entry === "*"
          ? `; for every address choose Any as the ${which}`
          : TAG_PATTERN.test(entry)
            ? `; for a service tag choose Service Tag as the ${which}`
            : "";
      return add(field, { ...first, message: `${first.message}${hint}` });
    }
  };
  for (const side of ["source", "destination"] as const) {
    const kind = values[side];
    if (kind === "ip-addresses") addresses(`${side}Addresses`, values[`${side}Addresses`], side);
    if (kind === "service-tag" && values[`${side}Tag`].trim() === "")
      add(`${side}Tag`, issue("missing-field", `Choose the ${side} service tag`));
    if (kind === "asg" && values[`${side}Asgs`].length === 0)
      add(`${side}Asgs`, issue("missing-field", `Choose at least one ${side} application security group`));
    if (splitList(values[`${side}Ports`]).length === 0)
      add(`${side}Ports`, issue("missing-field", `Enter the ${side} port ranges: ${PORTS_HELP}`));
  }
  if (values.source === "my-ip") {
    const ip = values.myIp.trim();
    const parsed = parseIp(ip);
    if (ip === "")
      add(
        "myIp",
        issue("missing-field", "Type your public IP address: NSG Lab cannot see it (see why above)"),
      );
    else if (!parsed.ok) add("myIp", parsed.errors[0]);
  }
  if (values.priority.trim() === "")
    add("priority", issue("missing-field", "Enter a priority: a whole number from 100 to 4096"));
  return issues;
}

/** One message per control, the first found: the pane shows one under each field. */
function firstPerField(issues: readonly Issue[]): Issue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = String(i.path[0] ?? "");
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A rule's place in the NSG as validateTopology names it: nsgs[g].securityRules[r]. */
const startsWith = (path: IssuePath, prefix: IssuePath) => prefix.every((p, i) => path[i] === p);

export function validateRuleForm(values: RuleFormValues, context: RuleFormContext): RuleFormResult {
  const pane = paneIssues(values);
  const parsed = parseSchema(securityRuleSchema, armRuleFromForm(values));
  const located = (found: Issue, property: unknown): Issue => {
    const field = fieldOfProperty(values, property);
    return { ...found, path: field ? [field] : [] };
  };
  if (!parsed.ok) return fail(firstPerField([...pane, ...parsed.errors.map((e) => located(e, e.path[0]))]));
  if (pane.length > 0) return fail(firstPerField(pane));

  const rule = parsed.value;
  const g = context.topology.nsgs.findIndex((n) => n.name === context.nsg);
  const nsg = context.topology.nsgs[g];
  if (!nsg) return fail([issue("unknown-nsg", `NSG "${context.nsg}" is not in this network`)]);
  const others = nsg.securityRules.filter((_, i) => i !== context.editing);
  const topology: Topology = {
    ...context.topology,
    nsgs: context.topology.nsgs.map((n, i) => (i === g ? { ...n, securityRules: [...others, rule] } : n)),
  };
  // The rule goes last, so every clash with another rule is reported on it.
  const at = ["nsgs", g, "securityRules", others.length];
  const clashes = validateTopology(topology)
    .filter((i) => startsWith(i.path, at))
    .map((i) => {
      const property = i.path[at.length];
      if (i.code !== "duplicate-rule-name") return located(i, property);
      const other = others.find((r) => r.name.toLowerCase() === rule.name.toLowerCase())!;
      return located(
        {
          ...i,
          message: `“${other.name}” is already the name of ${other.direction.toLowerCase()} rule ${other.priority} in ${context.nsg}: names are unique in an NSG, whatever their case`,
        },
        property,
      );
    });
  return clashes.length > 0 ? fail(firstPerField(clashes)) : ok(rule);
}
