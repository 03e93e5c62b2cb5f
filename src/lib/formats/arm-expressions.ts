import { capped, ExpressionError, outsideLoops, spend, type Context, type Value } from "./arm-context.ts";
import { expandObject, hasPropertyLoops, iterate, readLoop } from "./arm-copy.ts";
import { PURE_FUNCTIONS } from "./arm-functions.ts";
import { isObject } from "./rule-shapes.ts";

/**
 * The subset of ARM template expressions that published templates use around their NSGs,
 * evaluated the way a deployment would with default parameter values (or the values a
 * parameters file supplies): `parameters()`, `variables()` (including variables a copy loop
 * makes), `copyIndex()`, the functions of arm-functions.ts, property access and list indexes.
 * Anything else stays unevaluated and is named in a located message. (Learn: "Template functions".)
 */

const MAX_DEPTH = 64;

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

/** The entry of `section` named `name`, case-insensitively (ARM names are), or undefined. */
function entryOf(section: unknown, name: string): { key: string; value: unknown } | undefined {
  if (!isObject(section)) return undefined;
  const key = Object.keys(section).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : { key, value: section[key] };
}

const nameOf = (name: unknown, fn: string, what: string): string => {
  if (typeof name !== "string") throw new ExpressionError(`${fn}() takes the name of a ${what} as a string`);
  return name;
};

/** `parameters('x')`: the value a parameters file supplies, else the parameter's `defaultValue`. */
function parameter(name: string, ctx: Context): Value {
  const key = name.toLowerCase();
  if (ctx.parameterValues.has(key)) return ctx.parameterValues.get(key);
  const supplied = entryOf(ctx.supplied, name)?.value;
  let value: Value;
  if (isObject(supplied) && "value" in supplied) {
    // A parameters file gives values, not expressions: they are used as written.
    value = supplied.value;
  } else {
    const declared = entryOf(ctx.template.parameters, name);
    if (!declared)
      throw new ExpressionError(
        isObject(ctx.template.parameters)
          ? `parameters('${name}'): the template defines no parameter "${name}"`
          : `parameters('${name}'): the template has no "parameters"`,
      );
    if (!isObject(declared.value) || !("defaultValue" in declared.value))
      throw new ExpressionError(
        `parameters('${name}') has no defaultValue, so NSG Lab cannot know the value you would deploy with: give it a defaultValue or write the value`,
      );
    value = evaluateValue(declared.value.defaultValue, outsideLoops(ctx), false);
  }
  ctx.parameterValues.set(key, value);
  return value;
}

/** `variables('x')`: a variable as written, or one the variables' own `copy` loops make. */
function variable(name: string, ctx: Context): Value {
  const key = name.toLowerCase();
  if (ctx.known.has(key)) return ctx.known.get(key);
  if (ctx.resolving.has(key)) throw new ExpressionError(`variables('${name}') is defined in terms of itself`);
  const variables = ctx.template.variables;
  if (!isObject(variables))
    throw new ExpressionError(`variables('${name}'): the template has no "variables"`);
  const written = key === "copy" ? undefined : entryOf(variables, name);
  // Learn, "Variable iteration": "copy" in the variables section makes a variable per loop.
  const loops: unknown[] = Array.isArray(variables.copy) ? (variables.copy as unknown[]) : [];
  const loop = written
    ? undefined
    : loops.find((l) => isObject(l) && typeof l.name === "string" && l.name.toLowerCase() === key);
  if (!written && loop === undefined)
    throw new ExpressionError(`variables('${name}'): the template defines no variable "${name}"`);
  ctx.resolving.add(key);
  try {
    const own = outsideLoops(ctx);
    let value: Value;
    if (written) value = evaluateValue(written.value, own);
    else {
      const read = readLoop(loop, "variable", (v) => evaluateValue(v, own));
      value = iterate(read, "variable", own, (inner) => evaluateValue(read.input, inner));
    }
    ctx.known.set(key, value);
    return value;
  } finally {
    ctx.resolving.delete(key);
  }
}

/**
 * `copyIndex(loopName?, offset?)`: "If no value is provided for loopName, the current resource
 * type iteration is used. Provide a value for loopName when iterating on a property." An offset
 * is added to the zero-based index (Learn: "Numeric functions", copyIndex).
 */
function copyIndex(args: Value[], ctx: Context): Value {
  const named = typeof args[0] === "string" ? args[0] : undefined;
  const offsetArg = named === undefined ? args[0] : args[1];
  if (args.length > (named === undefined ? 1 : 2))
    throw new ExpressionError("copyIndex() takes a loop name and an offset, at most");
  const offset = offsetArg === undefined ? 0 : offsetArg;
  if (typeof offset !== "number" || !Number.isSafeInteger(offset))
    throw new ExpressionError(`copyIndex()'s offset must be a whole number, not ${JSON.stringify(offset)}`);
  if (named === undefined) {
    if (ctx.resourceIndex === undefined)
      throw new ExpressionError(
        ctx.loops.size > 0
          ? `copyIndex() without a loop name counts a resource's copies; inside a property or variable loop write copyIndex('${[...ctx.loops.keys()].pop()}')`
          : "copyIndex() is used outside a copy loop: it only has a value inside a resource's, a property's or a variable's copy loop",
        "invalid-copy-loop",
      );
    return ctx.resourceIndex + offset;
  }
  const index = ctx.loops.get(named.toLowerCase());
  if (index === undefined)
    throw new ExpressionError(
      ctx.loops.size > 0
        ? `copyIndex('${named}'): no copy loop named "${named}" is being expanded here (the loops here: ${[...ctx.loops.keys()].join(", ")})`
        : `copyIndex('${named}') is used outside a copy loop named "${named}"`,
      "invalid-copy-loop",
    );
  return index + offset;
}

const FUNCTIONS: Record<string, (args: Value[], ctx: Context) => Value> = {
  parameters: ([name], ctx) => parameter(nameOf(name, "parameters", "parameter"), ctx),
  variables: ([name], ctx) => variable(nameOf(name, "variables", "variable"), ctx),
  copyindex: copyIndex,
  ...PURE_FUNCTIONS,
};
const FUNCTION_NAMES = Object.keys(FUNCTIONS).join(", ");

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
        `the template function ${name}() is not one NSG Lab evaluates (it evaluates ${FUNCTION_NAMES}): write the value it gives`,
      );
    value = fn(args, ctx);
  }
  // Property access and indexes: resourceGroup().location, parameters('rules')[copyIndex()].name.
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
        throw new ExpressionError(
          Array.isArray(value) && typeof index === "number"
            ? `index ${index} is not in the list, which has ${value.length} item(s)`
            : `index ${JSON.stringify(index)} is not in the list`,
        );
      value = value[index] as Value;
    } else return value;
  }
}

/**
 * A value with every expression in it evaluated (throws ExpressionError with the reason). With
 * `loops`, an object's `copy` array makes the properties it names (variables may hold them).
 */
export function evaluateValue(value: Value, ctx: Context, loops = true): Value {
  if (ctx.depth > MAX_DEPTH) throw new ExpressionError("the expressions nest too deeply");
  spend(ctx.budget, 1);
  const inner = { ...ctx, depth: ctx.depth + 1 };
  if (typeof value === "string") {
    const text = value.trim();
    if (text.startsWith("[[")) return value.replace("[[", "[");
    if (!(text.startsWith("[") && text.endsWith("]"))) return value;
    spend(ctx.budget, Math.ceil(text.length / 32));
    const r = new Reader(text.slice(1, -1));
    const result = readValue(r, inner);
    if (r.peek() !== "") throw new ExpressionError(`unexpected "${r.peek()}" after the expression`);
    return typeof result === "string" ? capped(result, ctx) : result;
  }
  if (Array.isArray(value)) return value.map((v) => evaluateValue(v, inner, loops));
  if (isObject(value)) {
    if (loops && hasPropertyLoops(value))
      return expandObject(value, inner, (v, c) => evaluateValue(v, c, loops));
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, evaluateValue(v, inner, loops)]));
  }
  return value;
}
