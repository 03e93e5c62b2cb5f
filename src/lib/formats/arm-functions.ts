import { capped, ExpressionError, spend, type Context, type Value } from "./arm-context.ts";
import { isObject } from "./rule-shapes.ts";

/**
 * The template functions that depend only on their arguments, as Learn's "Template functions"
 * pages define them (string, numeric, array, resource). `parameters`, `variables` and
 * `copyIndex` read the template and live with the evaluator (arm-expressions.ts).
 */

/** What a deployment would see where the scenario does not say: a resource group and its region. */
export const RESOURCE_GROUP = {
  name: "rg",
  location: "eastus",
  id: "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg",
};

/** Lists built by one call stop here (concat, createArray). */
const MAX_LIST = 10_000;
/** Learn, "Array functions": range's count "must be non-negative integer up to 10000". */
const MAX_RANGE = 10_000;

export function asText(v: Value): string {
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  throw new ExpressionError(`expected text, found ${JSON.stringify(v)}`);
}

/** ARM integers are whole numbers; text such as "3" converts, as `int()` does. */
export function asInteger(v: Value, what: string): number {
  const n = typeof v === "number" ? v : typeof v === "string" && /^\s*-?\d+\s*$/.test(v) ? Number(v) : NaN;
  if (!Number.isSafeInteger(n))
    throw new ExpressionError(`${what} must be a whole number, not ${JSON.stringify(v)}`);
  return n;
}

const whole = (n: number, what: string): number => {
  if (!Number.isSafeInteger(n)) throw new ExpressionError(`${what} gives a number too large to be exact`);
  return n;
};

/** add, sub, mul, div and mod take two integers (Learn, "Numeric functions"). */
function arithmetic(name: string, op: (a: number, b: number) => number) {
  return (args: Value[]): Value => {
    if (args.length !== 2) throw new ExpressionError(`${name}() takes two numbers, got ${args.length}`);
    const [a, b] = [
      asInteger(args[0], `${name}()'s first argument`),
      asInteger(args[1], `${name}()'s second argument`),
    ];
    return whole(op(a, b), `${name}(${a}, ${b})`);
  };
}

const divisor = (name: string, b: number) => {
  if (b === 0) throw new ExpressionError(`${name}() cannot divide by 0`);
  return b;
};

export const PURE_FUNCTIONS: Record<string, (args: Value[], ctx: Context) => Value> = {
  concat(args, ctx) {
    if (args.length > 0 && args.every(Array.isArray)) {
      const list = (args as Value[][]).flat();
      if (list.length > MAX_LIST)
        throw new ExpressionError("concat() makes a list of more than 10,000 items");
      spend(ctx.budget, list.length);
      return list;
    }
    return capped(args.map(asText).join(""), ctx);
  },
  format([pattern, ...args], ctx) {
    return capped(
      asText(pattern).replace(/\{(\d+)(?::[^}]*)?\}/g, (whole, n: string) =>
        Number(n) < args.length ? asText(args[Number(n)]) : whole,
      ),
      ctx,
    );
  },
  string: ([v], ctx) => capped(typeof v === "string" ? v : JSON.stringify(v), ctx),
  int: ([v]) => asInteger(v, "int()'s argument"),
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
  // The count of a copy loop over an array parameter is its length (Learn, "Resource iteration").
  length([v]) {
    if (typeof v === "string" || Array.isArray(v)) return v.length;
    if (isObject(v)) return Object.keys(v).length;
    throw new ExpressionError(`length() takes a list, an object or text, not ${JSON.stringify(v)}`);
  },
  add: arithmetic("add", (a, b) => a + b),
  sub: arithmetic("sub", (a, b) => a - b),
  mul: arithmetic("mul", (a, b) => a * b),
  div: arithmetic("div", (a, b) => Math.trunc(a / divisor("div", b))),
  mod: arithmetic("mod", (a, b) => a % divisor("mod", b)),
  createarray(args, ctx) {
    if (args.length > MAX_LIST)
      throw new ExpressionError("createArray() makes a list of more than 10,000 items");
    spend(ctx.budget, args.length);
    return args;
  },
  array: ([v]) => (Array.isArray(v) ? (v as Value[]) : [v]),
  range(args, ctx) {
    if (args.length !== 2)
      throw new ExpressionError(`range() takes a start and a count, got ${args.length} values`);
    const start = asInteger(args[0], "range()'s start");
    const count = asInteger(args[1], "range()'s count");
    if (count < 0 || count > MAX_RANGE)
      throw new ExpressionError(`range()'s count must be from 0 to 10,000, not ${count}`);
    if (start + count > 2_147_483_647)
      throw new ExpressionError("range()'s start and count must add up to no more than 2147483647");
    spend(ctx.budget, count);
    return Array.from({ length: count }, (_, i) => start + i);
  },
};
