import type { IssueCode } from "../issue-codes.ts";
import {
  BudgetExceeded,
  ExpressionError,
  MAX_WORK,
  newContext,
  spend,
  type Context,
  type Value,
} from "./arm-context.ts";
import { checkNotWritten, hasPropertyLoops, iterate, readLoop } from "./arm-copy.ts";
import { evaluateValue } from "./arm-expressions.ts";
import { isObject, type TreePath } from "./rule-shapes.ts";

/**
 * An ARM template as a deployment would see it: its NSG and security rule resources with every
 * expression evaluated and every copy loop expanded (arm-copy.ts), each problem located where
 * the template writes it. Other resources are returned as written: collectNsgs sets them aside
 * with a warning, so an expression NSG Lab does not evaluate in a VM or a nested deployment
 * (reference(), uri(), a password parameter without a default) does not stop the rules being
 * graded. (Project decision: only the resources that are graded are evaluated.)
 */

export interface ExpressionProblem {
  code: IssueCode;
  /** Where the template writes it. */
  path: TreePath;
  message: string;
}

export interface EvaluatedTemplate {
  value: unknown;
  problems: ExpressionProblem[];
  /**
   * Where a place in `value` is written in the template: a copied rule or resource is written
   * once, in its loop's `input` (or its resource), and later resources move when one is copied.
   */
  sourcePath: (path: TreePath) => TreePath;
}

export interface TemplateOptions {
  /** A deployment parameters file's `parameters` (`{ "<name>": { "value": … } }`), used before defaults. */
  parameters?: Record<string, unknown>;
}

const NSG_TYPE = "microsoft.network/networksecuritygroups";
const RULE_TYPE = "microsoft.network/networksecuritygroups/securityrules";
const MAX_PROBLEMS = 20;

const isTemplate = (value: unknown): value is Record<string, unknown> =>
  isObject(value) &&
  "resources" in value &&
  ("parameters" in value || "variables" in value || "$schema" in value);

const key = (path: TreePath) => JSON.stringify(path);

/** Places in the result that a loop or a copy moved, by path segment, each with where it is written. */
interface Moves {
  next: Map<string | number, Moves>;
  source?: TreePath;
}

function setMove(root: Moves, at: TreePath, source: TreePath): void {
  const node = at.reduce<Moves>((parent, segment) => {
    let child = parent.next.get(segment);
    if (!child) parent.next.set(segment, (child = { next: new Map() }));
    return child;
  }, root);
  node.source = source;
}

/** The deepest moved place on `path`, as written, followed by the rest of `path`. */
function sourceOf(root: Moves, path: TreePath): TreePath {
  let node: Moves | undefined = root;
  let found: TreePath = path;
  for (let n = 0; n < path.length && node; n++) {
    node = node.next.get(path[n]!);
    if (node?.source) found = [...node.source, ...path.slice(n + 1)];
  }
  return found;
}

export function evaluateTemplate(value: unknown, options: TemplateOptions = {}): EvaluatedTemplate {
  if (!isTemplate(value)) return { value, problems: [], sourcePath: (path) => path };
  const problems: ExpressionProblem[] = [];
  const seen = new Set<string>();
  const moved: Moves = { next: new Map() };
  const ctx = newContext(value, options.parameters);

  const problem = (code: IssueCode, message: string, path: TreePath) => {
    // A problem in a loop's input is one problem, however many copies the loop makes.
    const id = `${key(path)} ${message}`;
    if (seen.has(id) || problems.length >= MAX_PROBLEMS) return;
    seen.add(id);
    problems.push({ code, message, path });
  };
  const caught = (error: unknown, path: TreePath): boolean => {
    if (!(error instanceof ExpressionError)) return false;
    problem(error.code, error.message, path);
    return true;
  };
  /** Marks where `at` (in the value) comes from in the template, when a loop or a copy moved it. */
  const from = (at: TreePath, source: TreePath) => setMove(moved, at, source);

  /** A value inside a graded resource; `at` is its place in the result, `source` in the template. */
  function walk(v: Value, at: TreePath, source: TreePath, c: Context): Value {
    spend(c.budget, 1);
    if (typeof v === "string") {
      try {
        return evaluateValue(v, c);
      } catch (error) {
        if (!caught(error, source)) throw error;
        return v;
      }
    }
    if (Array.isArray(v)) return v.map((item, i) => walk(item, [...at, i], [...source, i], c));
    if (!isObject(v)) return v;
    const out: Record<string, Value> = {};
    for (const [k, item] of Object.entries(v)) {
      if (k === "copy" && hasPropertyLoops(v)) continue;
      out[k] =
        k === "resources" && Array.isArray(item)
          ? children(item, [...at, k], [...source, k], c)
          : walk(item, [...at, k], [...source, k], c);
    }
    if (hasPropertyLoops(v)) propertyLoops(v.copy, out, at, source, c);
    return out;
  }

  /**
   * Child resources nested in an NSG's own `resources`. Learn, "Resource iteration": "You can't
   * use a copy loop for a child resource"; such a child is set aside, said where its loop is.
   */
  function children(list: unknown[], at: TreePath, source: TreePath, c: Context): Value[] {
    const out: Value[] = [];
    list.forEach((child, j) => {
      if (isObject(child) && isObject(child.copy)) {
        problem(
          "invalid-copy-loop",
          'a copy loop cannot repeat a resource nested in another: make it a top-level resource named "<nsg-name>/<rule-name>"',
          [...source, j, "copy"],
        );
        return;
      }
      from([...at, out.length], [...source, j]);
      out.push(walk(child, [...at, out.length], [...source, j], c));
    });
    return out;
  }

  /** `"copy": [{ name, count, input }]` in an object: each loop makes the array property `name`. */
  function propertyLoops(
    loops: unknown[],
    out: Record<string, Value>,
    at: TreePath,
    source: TreePath,
    c: Context,
  ) {
    loops.forEach((entry, k) => {
      const loopAt = [...source, "copy", k];
      try {
        const loop = readLoop(entry, "property", (count) => evaluateValue(count, c));
        checkNotWritten(loop.name, out);
        from([...at, loop.name], loopAt);
        out[loop.name] = iterate(loop, "property", c, (inner, i) => {
          from([...at, loop.name, i], [...loopAt, "input"]);
          return walk(loop.input, [...at, loop.name, i], [...loopAt, "input"], inner);
        });
      } catch (error) {
        if (!caught(error, isObject(entry) && "count" in entry ? [...loopAt, "count"] : loopAt)) throw error;
      }
    });
  }

  /** The type a resource declares, evaluated (it may be an expression), lower-cased. */
  function typeOf(res: Record<string, unknown>, source: TreePath): string {
    try {
      const type = evaluateValue(res.type, ctx);
      return typeof type === "string" ? type.toLowerCase() : "";
    } catch (error) {
      if (!caught(error, [...source, "type"])) throw error;
      return "";
    }
  }

  /** One resource: as written, or evaluated, or, with a resource `copy`, its copies. */
  function resource(res: unknown, source: TreePath, place: (copy: number | undefined) => TreePath): Value[] {
    if (!isObject(res)) return [res];
    const type = typeOf(res, source);
    if (type !== NSG_TYPE && type !== RULE_TYPE) return [res];
    if (!isObject(res.copy)) {
      from(place(undefined), source);
      return [walk(res, place(undefined), source, ctx)];
    }
    const { copy, ...single } = res;
    try {
      const loop = readLoop(copy, "resource", (count) => evaluateValue(count, ctx));
      return iterate(loop, "resource", ctx, (inner, i) => {
        from(place(i), source);
        return walk(single, place(i), source, inner);
      });
    } catch (error) {
      if (!caught(error, "count" in copy ? [...source, "copy", "count"] : [...source, "copy"])) throw error;
      return [];
    }
  }

  function resources(list: unknown): unknown {
    // Templates with "languageVersion": "2.0" name their resources instead of listing them;
    // the copies of a named resource loop are "<name>[0]", "<name>[1]"… (Learn, "Resource iteration").
    if (isObject(list))
      return Object.fromEntries(
        Object.entries(list).flatMap(([name, res]) => {
          let looped = false;
          const made = resource(res, ["resources", name], (i) => {
            looped ||= i !== undefined;
            return ["resources", i === undefined ? name : `${name}[${i}]`];
          });
          return made.map((m, i): [string, unknown] => [looped ? `${name}[${i}]` : name, m]);
        }),
      );
    if (!Array.isArray(list)) return list;
    const out: unknown[] = [];
    list.forEach((res, i) => {
      const start = out.length;
      const made = resource(res, ["resources", i], (copy) => ["resources", start + (copy ?? 0)]);
      made.forEach((m, j) => {
        from(["resources", start + j], ["resources", i]);
        out.push(m);
      });
    });
    return out;
  }

  let evaluated: unknown;
  try {
    evaluated = resources(value.resources);
  } catch (error) {
    if (!(error instanceof BudgetExceeded)) throw error;
    problems.push({
      code: "template-too-large",
      message: `the template's copy loops and expressions need more work than NSG Lab does for one text (${MAX_WORK.toLocaleString("en")} values and pieces of expression, enough for 800 copied rules): make fewer copies, or fewer loops inside loops`,
      path: ["resources"],
    });
    evaluated = Array.isArray(value.resources) ? [] : {};
  }
  return {
    value: { ...value, resources: evaluated },
    problems,
    sourcePath: (path) => sourceOf(moved, path),
  };
}
