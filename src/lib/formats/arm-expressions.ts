import { isObject, type TreePath } from "./rule-shapes.ts";

/**
 * The subset of ARM template expressions that published quickstart templates use around their
 * NSGs, evaluated the way a deployment would with default parameter values: `parameters()`
 * (its `defaultValue`), `variables()`, `concat`, `format`, `string`, `int`, `toLower`, `toUpper`,
 * `resourceGroup()` (`.location`, `.name`), `resourceId` and property access. Anything else
 * stays unevaluated and is named in a located message. (Learn: "Template functions".)
 */

export interface ExpressionProblem {
  path: TreePath;
  message: string;
}

/** What a deployment would see where the scenario does not say: a resource group and its region. */
const RESOURCE_GROUP = {
  name: "rg",
  location: "eastus",
  id: "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg",
};
const MAX_DEPTH = 64;

type Value = unknown;

class ExpressionError extends Error {}

/** A small recursive-descent reader over one expression's text (without its outer brackets). */
class Reader {
  readonly text: string;
  at = 0;
  constructor(text: string) {
    this.text = text;
  }
  skip(): void {
    while (this.at < this.text.length && /\s/.test(this.text[this.at]!)) this.at++;
  }
  peek(): string {
    this.skip();
    return this.text[this.at] ?? "";
  }
  /** The match of a sticky pattern at the cursor (advancing past it), without copying the rest. */
  take(pattern: RegExp): string | undefined {
    pattern.lastIndex = this.at;
    const m = pattern.exec(this.text);
    if (!m) return undefined;
    this.at += m[0].length;
    return m[0];
  }
  expect(ch: string): void {
    if (this.peek() !== ch)
      throw new ExpressionError(`expected "${ch}" at character ${this.at + 1} of the expression`);
    this.at++;
  }
}

interface Context {
  template: Record<string, unknown>;
  depth: number;
  /** Variables being evaluated, to refuse a variable defined by itself. */
  resolving: Set<string>;
  /** Variables already evaluated: each is worked out once, however often it is used. */
  known: Map<string, Value>;
}

/** No expression produces more text than this: a template of variables that double must not fill memory. */
const MAX_TEXT = 100_000;
const capped = (text: string): string => {
  if (text.length > MAX_TEXT)
    throw new ExpressionError(`an expression produces more than ${MAX_TEXT.toLocaleString("en")} characters`);
  return text;
};

function lookup(section: unknown, name: unknown, what: string): unknown {
  if (typeof name !== "string")
    throw new ExpressionError(`${what}() takes the name of a ${what.slice(0, -1)} as a string`);
  if (!isObject(section)) throw new ExpressionError(`${what}('${name}'): the template has no "${what}"`);
  const key = Object.keys(section).find((k) => k.toLowerCase() === name.toLowerCase());
  if (key === undefined)
    throw new ExpressionError(`${what}('${name}'): the template defines no ${what.slice(0, -1)} "${name}"`);
  return section[key];
}

const FUNCTIONS: Record<string, (args: Value[], ctx: Context) => Value> = {
  parameters([name], ctx) {
    const parameter = lookup(ctx.template.parameters, name, "parameters");
    if (!isObject(parameter) || !("defaultValue" in parameter))
      throw new ExpressionError(
        `parameters('${String(name)}') has no defaultValue, so NSG Lab cannot know the value you would deploy with: give it a defaultValue or write the value`,
      );
    return evaluateValue(parameter.defaultValue, ctx);
  },
  variables([name], ctx) {
    const key = String(name).toLowerCase();
    if (ctx.known.has(key)) return ctx.known.get(key);
    if (ctx.resolving.has(key))
      throw new ExpressionError(`variables('${String(name)}') is defined in terms of itself`);
    ctx.resolving.add(key);
    try {
      const value = evaluateValue(lookup(ctx.template.variables, name, "variables"), ctx);
      ctx.known.set(key, value);
      return value;
    } finally {
      ctx.resolving.delete(key);
    }
  },
  concat(args) {
    if (args.length > 0 && args.every(Array.isArray)) {
      const list = (args as Value[][]).flat();
      if (list.length > 10_000) throw new ExpressionError("concat() makes a list of more than 10,000 items");
      return list;
    }
    return capped(args.map(asText).join(""));
  },
  format([pattern, ...args]) {
    return capped(
      asText(pattern).replace(/\{(\d+)(?::[^}]*)?\}/g, (whole, n: string) =>
        Number(n) < args.length ? asText(args[Number(n)]) : whole,
      ),
    );
  },
  string: ([v]) => (typeof v === "string" ? v : JSON.stringify(v)),
  int([v]) {
    const n = typeof v === "number" ? v : Number.parseInt(asText(v), 10);
    if (!Number.isInteger(n)) throw new ExpressionError(`int(${JSON.stringify(v)}) is not a whole number`);
    return n;
  },
  tolower: ([v]) => asText(v).toLowerCase(),
  toupper: ([v]) => asText(v).toUpperCase(),
  resourcegroup: () => RESOURCE_GROUP,
  resourceid(args) {
    const texts = args.map(asText);
    // An optional subscription id and resource group may come first; the type is the first with a "/".
    const typeAt = texts.findIndex((t) => t.includes("/"));
    if (typeAt < 0)
      throw new ExpressionError(
        "resourceId() needs a resource type such as 'Microsoft.Network/networkSecurityGroups'",
      );
    const [provider, ...types] = texts[typeAt]!.split("/");
    const names = texts.slice(typeAt + 1);
    if (names.length !== types.length)
      throw new ExpressionError(
        `resourceId('${texts[typeAt]}') needs ${types.length} name(s), got ${names.length}`,
      );
    const group = typeAt >= 1 ? texts[typeAt - 1]! : RESOURCE_GROUP.name;
    const path = types.flatMap((t, i) => [t, names[i]!]).join("/");
    return `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/${group}/providers/${provider}/${path}`;
  },
};

function asText(v: Value): string {
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  throw new ExpressionError(`expected text, found ${JSON.stringify(v)}`);
}

const NUMBER = /-?\d+/y;
const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;

function readValue(r: Reader, ctx: Context, depth = 0): Value {
  if (depth > MAX_DEPTH) throw new ExpressionError("the expression nests too deeply");
  const ch = r.peek();
  let value: Value;
  if (ch === "'") {
    r.at++;
    let out = "";
    for (;;) {
      const i = r.text.indexOf("'", r.at);
      if (i < 0) throw new ExpressionError("a quoted string is never closed");
      out += r.text.slice(r.at, i);
      r.at = i + 1;
      if (r.text[r.at] === "'") {
        out += "'";
        r.at++;
      } else break;
    }
    value = out;
  } else if (/[-\d]/.test(ch)) {
    const digits = r.take(NUMBER);
    if (digits === undefined) throw new ExpressionError(`unexpected "${ch}"`);
    value = Number(digits);
  } else {
    const name = r.take(NAME);
    if (name === undefined)
      throw new ExpressionError(ch === "" ? "the expression ends too early" : `unexpected "${ch}"`);
    const fn = FUNCTIONS[name.toLowerCase()];
    r.expect("(");
    const args: Value[] = [];
    if (r.peek() !== ")") {
      for (;;) {
        args.push(readValue(r, ctx, depth + 1));
        if (r.peek() === ",") {
          r.at++;
          continue;
        }
        break;
      }
    }
    r.expect(")");
    if (!fn)
      throw new ExpressionError(
        `the template function ${name}() is not one NSG Lab evaluates (it evaluates ${Object.keys(FUNCTIONS).join(", ")}): write the value it gives`,
      );
    value = fn(args, ctx);
  }
  // Property access and indexes: resourceGroup().location, variables('x')[0].
  for (;;) {
    const next = r.peek();
    if (next === ".") {
      r.at++;
      const property = r.take(NAME);
      if (property === undefined) throw new ExpressionError("a property name must follow '.'");
      const key = isObject(value)
        ? Object.keys(value).find((k) => k.toLowerCase() === property.toLowerCase())
        : undefined;
      if (key === undefined || !isObject(value))
        throw new ExpressionError(`there is no property "${property}" here`);
      value = value[key];
    } else if (next === "[") {
      r.at++;
      const index = readValue(r, ctx, depth + 1);
      r.expect("]");
      if (!Array.isArray(value) || typeof index !== "number" || value[index] === undefined)
        throw new ExpressionError(`index ${JSON.stringify(index)} is not in the list`);
      value = value[index] as Value;
    } else return value;
  }
}

/** A value with every expression in it evaluated (throws ExpressionError with the reason). */
function evaluateValue(value: Value, ctx: Context): Value {
  if (ctx.depth > MAX_DEPTH) throw new ExpressionError("the expressions nest too deeply");
  const inner = { ...ctx, depth: ctx.depth + 1 };
  if (typeof value === "string") {
    const text = value.trim();
    if (text.startsWith("[[")) return value.replace("[[", "[");
    if (!(text.startsWith("[") && text.endsWith("]"))) return value;
    const r = new Reader(text.slice(1, -1));
    const result = readValue(r, inner);
    if (r.peek() !== "") throw new ExpressionError(`unexpected "${r.peek()}" after the expression`);
    return result;
  }
  if (Array.isArray(value)) return value.map((v) => evaluateValue(v, inner));
  if (isObject(value))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, evaluateValue(v, inner)]));
  return value;
}

const isTemplate = (value: unknown): value is Record<string, unknown> =>
  isObject(value) &&
  "resources" in value &&
  ("parameters" in value || "variables" in value || "$schema" in value);

/**
 * For an ARM template: its resources with every expression evaluated where it can be, and a
 * located problem for each expression that cannot (the expression is then left as written).
 * Anything else is returned as it is.
 */
export function evaluateTemplate(value: unknown): { value: unknown; problems: ExpressionProblem[] } {
  if (!isTemplate(value)) return { value, problems: [] };
  const problems: ExpressionProblem[] = [];
  const ctx: Context = { template: value, depth: 0, resolving: new Set(), known: new Map() };
  const walk = (v: unknown, path: TreePath): unknown => {
    if (typeof v === "string") {
      try {
        return evaluateValue(v, ctx);
      } catch (error) {
        if (!(error instanceof ExpressionError)) throw error;
        if (problems.length < 20) problems.push({ path, message: error.message });
        return v;
      }
    }
    if (Array.isArray(v)) return v.map((item, i) => walk(item, [...path, i]));
    if (isObject(v))
      return Object.fromEntries(Object.entries(v).map(([k, item]) => [k, walk(item, [...path, k])]));
    return v;
  };
  return { value: { ...value, resources: walk(value.resources, ["resources"]) }, problems };
}
