import { capIssues } from "../cap-issues.ts";
import type { IssueCode } from "../issue-codes.ts";
import { fail, ok, type Issue, type IssuePath } from "../result.ts";
import { evaluateTemplate } from "./arm-template.ts";
import { parseDataTree, type DataTree } from "./data-tree.ts";
import type { NsgRules, ParseOptions, RuleDocumentResult } from "./rule-document.ts";
import {
  collectNsgs,
  EXPRESSION_MESSAGE,
  isArmExpression,
  isObject,
  type PlacedNsg,
  type PlacedRule,
  type TreePath,
} from "./rule-shapes.ts";

/**
 * Learner rules written as data (JSON or YAML), in any of the shapes `collectNsgs` reads
 * (rule-shapes.ts): one rule, a list, `{ nsg: [rules] }`, an ARM securityRules resource, an NSG
 * resource, an ARM template. Rules stay raw here; the grader validates them and locates issues
 * through `locate`.
 */

const SINGULAR_PLURAL: Record<string, string> = {
  sourceAddressPrefix: "sourceAddressPrefixes",
  sourcePortRange: "sourcePortRanges",
  destinationAddressPrefix: "destinationAddressPrefixes",
  destinationPortRange: "destinationPortRanges",
};
const PLURAL_SINGULAR = Object.fromEntries(Object.entries(SINGULAR_PLURAL).map(([s, p]) => [p, s]));

/**
 * ARM template expressions need a deployment to evaluate; those in rules are refused clearly.
 * `path` is one stack, copied only where an expression is found: a path per value would be
 * allocated for every field of every rule. Keys are walked with for…in over own keys rather
 * than Object.entries, which made a pair per field (11 MB on a 7,994-rule paste).
 */
function findArmExpressions(value: unknown, path: TreePath, out: TreePath[]) {
  if (isArmExpression(value)) out.push([...path]);
  else if (Array.isArray(value))
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      findArmExpressions(value[i], path, out);
      path.pop();
    }
  else if (isObject(value))
    for (const key in value) {
      if (!Object.hasOwn(value, key)) continue;
      path.push(key);
      findArmExpressions(value[key], path, out);
      path.pop();
    }
}

/** Why an NSG the text writes is not one the learner may edit, said where the text names it. */
function notEditableMessage(nsg: PlacedNsg, editable: readonly string[]): string {
  const choices = editable.join(", ");
  const base = `NSG "${nsg.name}" is not editable in this exercise; you can change: ${choices}`;
  const only = editable.length === 1 ? editable[0] : undefined;
  if (nsg.namedBy === "rule-name" && only !== undefined)
    return `${base}. Name the rule "${only}/<rule-name>" to put it there`;
  if (nsg.namedBy === "id")
    return `the "id" puts this rule in NSG "${nsg.name}", which is not editable in this exercise; you can change: ${choices}${only !== undefined ? ` (without "id", the rule goes to ${only})` : ""}`;
  return base;
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

  // A template's expressions are evaluated and its copy loops expanded, as a deployment would
  // with default parameter values. Places in what it gives are reported where the text writes
  // them (a copied rule is written once, in its loop's input).
  const template = evaluateTemplate(tree.value);
  const source = template.sourcePath;
  const report = (code: IssueCode, message: string, at: TreePath, severity?: "error" | "warning") => {
    const path = source(at);
    errors.push({ code, message, path, span: tree.spanAt(path), ...(severity ? { severity } : {}) });
  };
  for (const problem of template.problems) report(problem.code, problem.message, problem.path);
  const unevaluated = new Set(template.problems.map((p) => JSON.stringify(p.path)));
  // An expression the evaluator could not evaluate has been named already: not twice.
  const placed = collectNsgs(template.value, options.editable, (code, message, path, severity) => {
    if (code !== "arm-expression-unsupported" || !unevaluated.has(JSON.stringify(source(path))))
      report(code, message, path, severity);
  });
  const expressions: TreePath[] = [];
  for (const nsg of placed)
    for (const rule of nsg.rules) findArmExpressions(rule.value, [...rule.path], expressions);
  const named = new Set<string>();
  for (const at of expressions) {
    const path = source(at);
    const id = JSON.stringify(path);
    if (unevaluated.has(id) || named.has(id)) continue;
    if (named.size === 20) break;
    named.add(id);
    errors.push({
      code: "arm-expression-unsupported",
      message: EXPRESSION_MESSAGE,
      path,
      span: tree.spanAt(path),
    });
  }
  for (const nsg of placed) {
    if (!options.editable.includes(nsg.name)) {
      const path = source(nsg.namePath);
      errors.push({
        code: "not-editable-nsg",
        message: notEditableMessage(nsg, options.editable),
        path,
        span: nsg.namedBy === "key" ? tree.keySpanAt(path) : tree.spanAt(path),
      });
    }
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
    if (!rule) return tree.spanAt(source(nsg.namePath));
    if (field === undefined) return tree.spanAt(source(rule.path));
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
    ].map(source);
    const found = candidates.find((c) => hasValue(tree, c));
    return tree.spanAt(found ?? source(rule.path));
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
    network: [],
    azure: [],
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
