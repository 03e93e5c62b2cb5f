import type { IssueCode } from "../issue-codes.ts";
import { RULE_ONLY_FIELDS } from "./rule-fields.ts";

/**
 * The shapes learner rules come in as data (JSON or YAML), as the course shows them and as people
 * paste them from Azure:
 *  - one rule, flat (`az network nsg rule show`/`create` output) or ARM's `{ name, properties }`;
 *  - a list of rules (`az network nsg rule list` output), or a list of NSG resources;
 *  - `{ "<nsg-name>": [rules], ... }`, and `{ "securityRules": [rules] }`;
 *  - an ARM child resource (`"type": "Microsoft.Network/networkSecurityGroups/securityRules"`),
 *    alone as lesson 3 shows it, or in a template;
 *  - one NSG resource (`az network nsg show` output, an ARM resource, with nested child rules);
 *  - an ARM template whose `resources` (a list, or symbolic names) hold NSGs and rules.
 *
 * A rule's NSG is, in order: the NSG it is written in, the first half of an ARM child's
 * "<nsg>/<rule>" name, the NSG in its resource `id` (…/networkSecurityGroups/<nsg>/securityRules/
 * <rule>, as az prints it), or else the exercise's only editable NSG. With several editable NSGs
 * and no name, the rule is ambiguous, and said so where it is written.
 *
 * Rules stay raw: only what a resource adds around a rule (type, apiVersion, dependsOn) is set
 * aside, and null optional fields (az prints "description": null) are read as absent.
 */

export type TreePath = (string | number)[];

export interface PlacedRule {
  value: unknown;
  /** Where the rule object is in the tree, and whether its fields sit under `properties`. */
  path: TreePath;
  nested: boolean;
}

/** How the text names an NSG: the error for an NSG that is not editable points there. */
export type NsgNamedBy = "key" | "name" | "rule-name" | "id" | "context";

export interface PlacedNsg {
  name: string;
  rules: PlacedRule[];
  namePath: TreePath;
  namedBy: NsgNamedBy;
}

export type Report = (
  code: IssueCode,
  message: string,
  path: TreePath,
  severity?: "error" | "warning",
) => void;

const NSG_TYPE = "microsoft.network/networksecuritygroups";
const RULE_TYPE = "microsoft.network/networksecuritygroups/securityrules";
/** A child resource nested in its NSG's own `resources` may give its type relative to the parent. */
const NESTED_RULE_TYPE = "securityrules";

/** The fields only a rule has: an object with any of them is read as a rule. */
const RULE_FIELDS: readonly string[] = RULE_ONLY_FIELDS;
/** Optional rule fields that az and ARM print as null when they are not set. */
const NULLABLE_FIELDS = new Set([...RULE_FIELDS.slice(4), "description"]);
/** What an ARM resource carries around a rule, which is not part of the rule. */
const RESOURCE_KEYS = new Set(["type", "apiVersion", "dependsOn", "comments", "condition"]);

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const lower = (v: unknown) => (typeof v === "string" ? v.toLowerCase() : "");

const OPEN_BRACKET = 91;

/** An ARM template expression ("[parameters('x')]"); "[[" escapes a literal bracket. */
export function isArmExpression(value: unknown): value is string {
  if (typeof value !== "string") return false;
  // A printable ASCII start other than "[" is no space to trim: no expression, without trimming
  // and matching every value of every rule.
  const first = value.charCodeAt(0);
  if (first > 32 && first < 128 && first !== OPEN_BRACKET) return false;
  return /^\[(?!\[)[\s\S]*\]$/.test(value.trim());
}

export const EXPRESSION_MESSAGE =
  "ARM template expressions like [parameters('…')] are not supported here: write the literal value";

const hasRuleField = (v: Record<string, unknown>) => RULE_FIELDS.some((f) => f in v);
const isRuleType = (v: Record<string, unknown>) => {
  const type = lower(v.type);
  return type === RULE_TYPE || type === NESTED_RULE_TYPE;
};
const isNsgLike = (v: Record<string, unknown>) =>
  lower(v.type) === NSG_TYPE ||
  "securityRules" in v ||
  (isObject(v.properties) && "securityRules" in v.properties);
const isRuleLike = (v: Record<string, unknown>) =>
  isRuleType(v) || hasRuleField(v) || (isObject(v.properties) && hasRuleField(v.properties));

/** The rule's fields without the optional ones set to null (the same object when there are none). */
function withoutNulls(fields: Record<string, unknown>): Record<string, unknown> {
  const nulls = Object.keys(fields).filter((k) => fields[k] === null && NULLABLE_FIELDS.has(k));
  if (nulls.length === 0) return fields;
  return Object.fromEntries(Object.entries(fields).filter(([k]) => !nulls.includes(k)));
}

/** The NSG a resource id names: …/networkSecurityGroups/<nsg>/securityRules/<rule>. */
function nsgInId(id: unknown): string | undefined {
  if (typeof id !== "string") return undefined;
  const parts = id.split("/");
  const at = parts.findIndex((p) => p.toLowerCase() === "networksecuritygroups");
  return at >= 0 && parts[at + 1] ? parts[at + 1] : undefined;
}

export function collectNsgs(value: unknown, editable: readonly string[], report: Report): PlacedNsg[] {
  const placed: PlacedNsg[] = [];
  const byName = new Map<string, PlacedNsg>();
  /** NSGs written as resources: one written twice is a duplicate (rules for it merge instead). */
  const declared = new Set<string>();
  const only = editable.length === 1 ? editable[0] : undefined;
  const choices = editable.join(", ");

  const nsgNamed = (name: string, namePath: TreePath, namedBy: NsgNamedBy): PlacedNsg => {
    let nsg = byName.get(name);
    if (!nsg) {
      nsg = { name, rules: [], namePath, namedBy };
      byName.set(name, nsg);
      placed.push(nsg);
    }
    return nsg;
  };
  const expression = (v: unknown, path: TreePath): boolean => {
    if (!isArmExpression(v)) return false;
    report("arm-expression-unsupported", EXPRESSION_MESSAGE, path);
    return true;
  };
  const ambiguous = (path: TreePath, what: string) =>
    report(
      "ambiguous-rule-list",
      `${what} names no NSG, and this exercise has ${editable.length} you can edit (${choices}): write { "<nsg-name>": [ ...rules ] } with one of them`,
      path,
    );

  /** One rule: where it goes, and the rule itself without the resource around it. */
  function readRule(item: unknown, path: TreePath, parent: PlacedNsg | undefined, inTemplate = false) {
    if (!isObject(item)) {
      // Not a rule at all: the grader's schema says so, at its place, once it has an NSG.
      const nsg = parent ?? (only !== undefined ? nsgNamed(only, path, "context") : undefined);
      if (nsg) nsg.rules.push({ value: item, path, nested: false });
      else ambiguous(path, "this rule");
      return;
    }
    const typed = isRuleType(item);
    let ruleName: unknown = item.name;
    let named: { nsg: string; path: TreePath; by: NsgNamedBy } | undefined;
    if (typed && typeof item.name === "string") {
      if (expression(item.name, [...path, "name"])) return;
      const parts = item.name.split("/");
      if (parts.length > 2 || (parts.length === 2 && (!parts[0] || !parts[1]))) {
        report("invalid-resource-name", 'a securityRules resource is named "<nsg-name>/<rule-name>"', [
          ...path,
          "name",
        ]);
        return;
      }
      if (parts.length === 2) {
        ruleName = parts[1];
        named = { nsg: parts[0]!, path: [...path, "name"], by: "rule-name" };
      } else if (inTemplate) {
        // ARM deploys a top-level child resource only under its parent's name.
        report(
          "invalid-resource-name",
          `a securityRules resource in a template is named "<nsg-name>/<rule-name>", e.g. "${only ?? "nsg-name"}/${item.name}"`,
          [...path, "name"],
        );
        return;
      }
    }
    const fromId = nsgInId(item.id);
    if (!named && fromId !== undefined) named = { nsg: fromId, path: [...path, "id"], by: "id" };
    const nsg =
      parent ??
      (named
        ? nsgNamed(named.nsg, named.path, named.by)
        : only !== undefined
          ? nsgNamed(only, path, "context")
          : undefined);
    if (!nsg) return ambiguous(path, "this rule");

    const nested = isObject(item.properties);
    let rule: Record<string, unknown>;
    if (typed && isObject(item.properties)) {
      rule = {
        ...(ruleName !== undefined ? { name: ruleName } : {}),
        properties: withoutNulls(item.properties),
      };
    } else if (typed) {
      rule = Object.fromEntries(
        Object.entries(withoutNulls(item)).filter(([k]) => !RESOURCE_KEYS.has(k) || k === "type"),
      );
      if (ruleName !== undefined) rule.name = ruleName;
    } else {
      rule = isObject(item.properties)
        ? withoutNulls(item.properties) === item.properties
          ? item
          : { ...item, properties: withoutNulls(item.properties) }
        : withoutNulls(item);
    }
    nsg.rules.push({ value: rule, path, nested });
  }

  function readRuleList(list: unknown, path: TreePath, nsg: PlacedNsg) {
    if (expression(list, path)) return;
    if (!Array.isArray(list))
      return report("invalid-document-shape", "securityRules should be a list of rules", path);
    list.forEach((item, i) => readRule(item, [...path, i], nsg));
  }

  /** An NSG resource; `fallback` names it when it has no name of its own. */
  function readNsg(
    res: Record<string, unknown>,
    path: TreePath,
    fallback: string | undefined,
    inTemplate: boolean,
  ) {
    let nsg: PlacedNsg;
    if (typeof res.name === "string") {
      if (expression(res.name, [...path, "name"])) return;
      if (declared.has(res.name))
        report("duplicate-nsg", `NSG "${res.name}" appears twice`, [...path, "name"]);
      nsg = nsgNamed(res.name, [...path, "name"], "name");
    } else if (fallback !== undefined) {
      nsg = nsgNamed(fallback, path, "context");
    } else if (!inTemplate && editable.length > 1) {
      return ambiguous(path, "this NSG");
    } else {
      return report("missing-field", `this NSG has no name; add "name" (one of: ${choices})`, path);
    }
    declared.add(nsg.name);
    const props = isObject(res.properties) ? res.properties : undefined;
    if (props && "securityRules" in props)
      readRuleList(props.securityRules, [...path, "properties", "securityRules"], nsg);
    else if ("securityRules" in res) readRuleList(res.securityRules, [...path, "securityRules"], nsg);
    // ARM child resources may also be nested in their NSG's own `resources`.
    if (Array.isArray(res.resources))
      res.resources.forEach((child, i) => {
        const at = [...path, "resources", i];
        if (isObject(child) && isRuleType(child)) readRule(child, at, nsg);
        else ignored(child, at);
      });
  }

  function ignored(res: unknown, at: TreePath) {
    if (!isObject(res)) return report("invalid-document-shape", "each resource must be an object", at);
    report(
      "ignored-resource",
      `resource type ${JSON.stringify(res.type)} is ignored: only network security groups and their rules are graded`,
      [...at, "type"],
      "warning",
    );
  }

  function readTemplate(resources: unknown[] | Record<string, unknown>) {
    // Templates with "languageVersion": "2.0" name their resources instead of listing them.
    const entries: [string | number, unknown][] = Array.isArray(resources)
      ? resources.map((r, i) => [i, r])
      : Object.entries(resources);
    for (const [key, res] of entries) {
      const at = ["resources", key];
      if (isObject(res) && lower(res.type) === NSG_TYPE) readNsg(res, at, undefined, true);
      else if (isObject(res) && isRuleType(res)) readRule(res, at, undefined, true);
      else ignored(res, at);
    }
  }

  if (Array.isArray(value)) {
    const namesAnNsg = (item: unknown) =>
      isObject(item) &&
      (isNsgLike(item) && !isRuleType(item)
        ? typeof item.name === "string"
        : nsgInId(item.id) !== undefined || (isRuleType(item) && String(item.name).includes("/")));
    if (only === undefined && !value.some(namesAnNsg)) {
      ambiguous([], "a list of rules");
      return placed;
    }
    value.forEach((item, i) =>
      isObject(item) && isNsgLike(item) && !isRuleType(item)
        ? readNsg(item, [i], only, false)
        : readRule(item, [i], undefined),
    );
    // An empty list clears the only NSG.
    if (value.length === 0 && only !== undefined) nsgNamed(only, [], "context");
    return placed;
  }
  if (!isObject(value)) {
    report(
      "invalid-document-shape",
      "expected a rule, a list of rules, an object of NSG names to rules, an NSG resource or an ARM template",
      [],
    );
    return placed;
  }
  if ((Array.isArray(value.resources) || isObject(value.resources)) && !isNsgLike(value)) {
    readTemplate(value.resources as unknown[] | Record<string, unknown>);
    return placed;
  }
  const writesEditable = Object.keys(value).some((k) => editable.includes(k));
  if (!writesEditable && isNsgLike(value) && !isRuleType(value)) {
    readNsg(value, [], only, false);
    return placed;
  }
  if (!writesEditable && isRuleLike(value)) {
    readRule(value, [], undefined);
    return placed;
  }
  for (const [name, rules] of Object.entries(value)) {
    if (name === "$schema") continue;
    if (!Array.isArray(rules)) {
      report(
        "invalid-document-shape",
        `"${name}" should be a list of rules, as in { "<nsg-name>": [ ...rules ] }; the editor also reads one rule, a list of rules, an ARM securityRules resource, an NSG resource or an ARM template`,
        [name],
      );
      continue;
    }
    const nsg = nsgNamed(name, [name], "key");
    rules.forEach((item, i) => readRule(item, [name, i], nsg));
  }
  return placed;
}
