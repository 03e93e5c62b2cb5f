import { capIssues } from "../cap-issues.ts";
import type { IssueCode } from "../issue-codes.ts";
import { fail, ok, type Issue, type IssuePath } from "../result.ts";
import { parseDataTree, type DataTree } from "./data-tree.ts";
import type { NsgRules, ParseOptions, RuleDocumentResult } from "./rule-document.ts";

/**
 * Learner rules written as data (JSON or YAML). Accepted shapes, as people actually paste them:
 *  - a bare list of rules, when the exercise has exactly one editable NSG;
 *  - `{ "<nsg-name>": [rules], ... }`;
 *  - one NSG resource (`az network nsg show` output, or `{ name, properties: { securityRules } }`);
 *  - an ARM template whose `resources` hold NSGs or `networkSecurityGroups/securityRules` children.
 * Rules stay raw here; the grader validates them and locates issues through `locate`.
 */

const NSG_TYPE = "microsoft.network/networksecuritygroups";
const RULE_TYPE = "microsoft.network/networksecuritygroups/securityrules";
const SINGULAR_PLURAL: Record<string, string> = {
  sourceAddressPrefix: "sourceAddressPrefixes",
  sourcePortRange: "sourcePortRanges",
  destinationAddressPrefix: "destinationAddressPrefixes",
  destinationPortRange: "destinationPortRanges",
};
const PLURAL_SINGULAR = Object.fromEntries(Object.entries(SINGULAR_PLURAL).map(([s, p]) => [p, s]));

interface PlacedRule {
  value: unknown;
  /** Where the rule object is in the tree, and whether its fields sit under `properties`. */
  path: (string | number)[];
  nested: boolean;
}

interface PlacedNsg {
  name: string;
  rules: PlacedRule[];
  namePath: (string | number)[];
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const lower = (v: unknown) => (typeof v === "string" ? v.toLowerCase() : "");

/** ARM template expressions ("[parameters('x')]") need a deployment to evaluate; we refuse them clearly. */
function findArmExpressions(value: unknown, path: (string | number)[], out: (string | number)[][]) {
  if (typeof value === "string") {
    if (/^\[(?!\[)[\s\S]*\]$/.test(value.trim())) out.push(path);
  } else if (Array.isArray(value)) value.forEach((v, i) => findArmExpressions(v, [...path, i], out));
  else if (isObject(value))
    for (const [k, v] of Object.entries(value)) findArmExpressions(v, [...path, k], out);
}

function placeRules(list: unknown, path: (string | number)[]): PlacedRule[] {
  if (!Array.isArray(list)) return [];
  return (list as unknown[]).map((value, i) => ({
    value,
    path: [...path, i],
    nested: isObject(value) && isObject(value.properties),
  }));
}

function nsgFromResource(
  resource: Record<string, unknown>,
  path: (string | number)[],
  fallbackName: string | undefined,
): PlacedNsg | undefined {
  const name = typeof resource.name === "string" ? resource.name : fallbackName;
  if (name === undefined) return undefined;
  const props = isObject(resource.properties) ? resource.properties : undefined;
  const rules =
    props && "securityRules" in props
      ? placeRules(props.securityRules, [...path, "properties", "securityRules"])
      : placeRules(resource.securityRules, [...path, "securityRules"]);
  return { name, rules, namePath: typeof resource.name === "string" ? [...path, "name"] : path };
}

const NO_NAME = 'this NSG has no name; add "name"';

function collect(tree: DataTree, options: ParseOptions, errors: Issue[]): PlacedNsg[] {
  const value = tree.value;
  const err = (
    code: IssueCode,
    message: string,
    path: (string | number)[],
    severity: "error" | "warning" = "error",
  ) => errors.push({ code, message, path, span: tree.spanAt(path), severity });

  if (Array.isArray(value)) {
    if (options.editable.length !== 1) {
      err(
        "ambiguous-rule-list",
        `a bare list of rules needs exactly one editable NSG; write { "<nsg-name>": [ ...rules ] } with one of: ${options.editable.join(", ")}`,
        [],
      );
      return [];
    }
    return [{ name: options.editable[0]!, rules: placeRules(value, []), namePath: [] }];
  }
  if (!isObject(value)) {
    err(
      "invalid-document-shape",
      "expected a list of rules, an object of NSG names to rules, an NSG resource or an ARM template",
      [],
    );
    return [];
  }
  if (Array.isArray(value.resources)) {
    const nsgs: PlacedNsg[] = [];
    value.resources.forEach((res, r) => {
      const at = ["resources", r];
      if (!isObject(res)) return err("invalid-document-shape", "each resource must be an object", at);
      const type = lower(res.type);
      if (type === NSG_TYPE) {
        const nsg = nsgFromResource(res, at, undefined);
        if (!nsg) err("missing-field", NO_NAME, at);
        else nsgs.push(nsg);
      } else if (type === RULE_TYPE) {
        const [nsgName, ruleName] = typeof res.name === "string" ? res.name.split("/") : [];
        if (!nsgName || !ruleName)
          return err("invalid-resource-name", 'a securityRules resource is named "<nsg-name>/<rule-name>"', [
            ...at,
            "name",
          ]);
        let nsg = nsgs.find((n) => n.name === nsgName);
        if (!nsg) nsgs.push((nsg = { name: nsgName, rules: [], namePath: [...at, "name"] }));
        const { properties } = res;
        nsg.rules.push({ value: { name: ruleName, properties }, path: at, nested: true });
      } else {
        err(
          "ignored-resource",
          `resource type ${JSON.stringify(res.type)} is ignored: only network security groups and their rules are graded`,
          [...at, "type"],
          "warning",
        );
      }
    });
    return nsgs;
  }
  if (
    lower(value.type) === NSG_TYPE ||
    "securityRules" in value ||
    (isObject(value.properties) && "securityRules" in value.properties)
  ) {
    const nsg = nsgFromResource(value, [], options.editable.length === 1 ? options.editable[0] : undefined);
    if (!nsg) err("missing-field", NO_NAME, []);
    return nsg ? [nsg] : [];
  }
  const nsgs: PlacedNsg[] = [];
  for (const [name, rules] of Object.entries(value)) {
    if (name === "$schema") continue;
    if (!Array.isArray(rules)) {
      err("invalid-document-shape", `"${name}" should be a list of rules`, [name]);
      continue;
    }
    nsgs.push({ name, rules: placeRules(rules, [name]), namePath: [name] });
  }
  return nsgs;
}

function fieldPath(rule: PlacedRule, field: string | number): (string | number)[] {
  return rule.nested && field !== "name" ? [...rule.path, "properties", field] : [...rule.path, field];
}

export function parseDataRules(
  text: string,
  format: "json" | "yaml" | "auto",
  options: ParseOptions,
): RuleDocumentResult {
  const parsed = parseDataTree(text, format);
  if (!parsed.ok) return parsed;
  const tree = parsed.value;
  const errors: Issue[] = [];

  const expressions: (string | number)[][] = [];
  findArmExpressions(tree.value, [], expressions);
  for (const path of expressions.slice(0, 20)) {
    errors.push({
      code: "arm-expression-unsupported",
      message:
        "ARM template expressions like [parameters('…')] are not supported here: write the literal value",
      path,
      span: tree.spanAt(path),
    });
  }

  const placed = collect(tree, options, errors);
  const seen = new Set<string>();
  for (const nsg of placed) {
    if (!options.editable.includes(nsg.name)) {
      errors.push({
        code: "not-editable-nsg",
        message: `NSG "${nsg.name}" is not editable in this exercise; you can change: ${options.editable.join(", ")}`,
        path: nsg.namePath,
        span: tree.keySpanAt(nsg.namePath),
      });
    }
    if (seen.has(nsg.name))
      errors.push({
        code: "duplicate-nsg",
        message: `NSG "${nsg.name}" appears twice`,
        path: nsg.namePath,
        span: tree.spanAt(nsg.namePath),
      });
    seen.add(nsg.name);
  }
  if (errors.some((e) => e.severity !== "warning")) return fail(capIssues(errors));

  const byName = new Map(placed.map((n) => [n.name, n]));
  const nsgs: NsgRules[] = placed.map((n) => ({
    name: n.name,
    rules: n.rules.map((r) => r.value),
    created: false,
  }));
  const locate = (path: IssuePath) => {
    const [nsgName, ruleIndex, field, ...rest] = path;
    const nsg = byName.get(String(nsgName));
    if (!nsg) return tree.spanAt([]);
    const rule = typeof ruleIndex === "number" ? nsg.rules[ruleIndex] : undefined;
    if (!rule) return tree.spanAt(nsg.namePath);
    if (field === undefined) return tree.spanAt(rule.path);
    // The normalized rule has plural lists; the text may have used the singular field, or vice versa.
    const alias = SINGULAR_PLURAL[String(field)] ?? PLURAL_SINGULAR[String(field)];
    const candidates = [
      [...fieldPath(rule, field), ...rest],
      fieldPath(rule, field),
      ...(alias
        ? [
            [...fieldPath(rule, alias), ...(PLURAL_SINGULAR[alias] ? (rest.length ? rest : [0]) : [])],
            fieldPath(rule, alias),
          ]
        : []),
    ];
    const found = candidates.find((c) => hasValue(tree, c));
    return tree.spanAt(found ?? rule.path);
  };
  return ok({
    warnings: capIssues(errors),
    format:
      format === "auto"
        ? text.trimStart().startsWith("{") || text.trimStart().startsWith("[")
          ? "json"
          : "yaml"
        : format,
    nsgs,
    associations: [],
    locate,
  });
}

function hasValue(tree: DataTree, path: (string | number)[]): boolean {
  let node: unknown = tree.value;
  for (const key of path) {
    if (node === null || typeof node !== "object" || !(key in node)) return false;
    node = (node as Record<string | number, unknown>)[key];
  }
  return true;
}
