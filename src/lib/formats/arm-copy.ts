import { ExpressionError, spend, type Context, type Value } from "./arm-context.ts";
import { isObject } from "./rule-shapes.ts";

/**
 * ARM copy loops, as Learn's "Resource iteration", "Property iteration" and "Variable iteration
 * in ARM templates" define them. A property or variable loop is `"copy": [{ name, count, input }]`
 * and makes the array `name` of `count` evaluations of `input`, where `copyIndex('<name>')` is
 * 0, 1, …; a resource loop is `"copy": { name, count }` on a resource and makes `count` copies
 * of it, where `copyIndex()` is the copy's index. "The count can't exceed 800. The count can't
 * be a negative number", and zero is allowed (Learn: "Copy limits").
 */

export const MAX_COPY_COUNT = 800;

export type LoopKind = "property" | "variable" | "resource";

export interface Loop {
  name: string;
  count: number;
  input: Value;
}

const invalid = (message: string) => new ExpressionError(message, "invalid-copy-loop");

/** One loop as written; `evaluate` works out its count (often `[length(parameters('rules'))]`). */
export function readLoop(entry: unknown, kind: LoopKind, evaluate: (v: Value) => Value): Loop {
  const fields = kind === "resource" ? '"name" and "count"' : '"name", "count" and "input"';
  if (!isObject(entry)) throw invalid(`a copy loop is an object with ${fields}`);
  const { name, count, input } = entry;
  if (typeof name !== "string" || name.trim() === "")
    throw invalid(
      kind === "property"
        ? 'a property copy loop needs a "name": the property it makes, such as "securityRules"'
        : `a copy loop needs a "name" (it has ${fields})`,
    );
  if (kind !== "resource" && !("input" in entry))
    throw invalid(`copy loop "${name}" has no "input", the value it repeats`);
  if (count === undefined) throw invalid(`copy loop "${name}" has no "count"`);
  const n = evaluate(count);
  // Learn's resource iteration example writes "count": "3": a whole number in text counts too.
  const whole = typeof n === "number" ? n : typeof n === "string" && /^\s*\d+\s*$/.test(n) ? Number(n) : NaN;
  if (!Number.isSafeInteger(whole))
    throw invalid(`copy loop "${name}": count must be a whole number, not ${JSON.stringify(n)}`);
  if (whole < 0 || whole > MAX_COPY_COUNT)
    throw invalid(
      `copy loop "${name}" has count ${whole}; Azure takes 0 to ${MAX_COPY_COUNT} (Learn: "Copy limits")`,
    );
  return { name, count: whole, input };
}

/** The context of one iteration: `copyIndex('<name>')` is `index`, and for a resource loop so is `copyIndex()`. */
export function inLoop(ctx: Context, kind: LoopKind, name: string, index: number): Context {
  const loops = new Map(ctx.loops);
  loops.set(name.toLowerCase(), index);
  return { ...ctx, loops, ...(kind === "resource" ? { resourceIndex: index } : {}) };
}

/** `body` once per iteration, each paid for out of the template's budget. */
export function iterate<T>(
  loop: Loop,
  kind: LoopKind,
  ctx: Context,
  body: (inner: Context, index: number) => T,
): T[] {
  const out: T[] = [];
  for (let i = 0; i < loop.count; i++) {
    spend(ctx.budget, 1);
    out.push(body(inLoop(ctx, kind, loop.name, i), i));
  }
  return out;
}

/** Whether an object holds property (or variable) loops: a `copy` array, not a resource's `copy` object. */
export const hasPropertyLoops = (value: Record<string, unknown>): value is { copy: unknown[] } =>
  Array.isArray(value.copy);

/** A loop's property may not also be written by hand beside it. */
export function checkNotWritten(name: string, written: Record<string, unknown>): void {
  if (Object.keys(written).some((k) => k.toLowerCase() === name.toLowerCase()))
    throw invalid(`"${name}" is written here and also made by a copy loop of that name: keep one`);
}

/**
 * An object with its `copy` array expanded into the properties it names, for the values that are
 * evaluated as a whole (variables): the first problem stops it, as it would stop a deployment.
 */
export function expandObject(
  value: { copy: unknown[] } & Record<string, unknown>,
  ctx: Context,
  evaluate: (v: Value, ctx: Context) => Value,
): Record<string, Value> {
  const out: Record<string, Value> = {};
  for (const [k, v] of Object.entries(value)) if (k !== "copy") out[k] = evaluate(v, ctx);
  for (const entry of value.copy) {
    const loop = readLoop(entry, "variable", (v) => evaluate(v, ctx));
    checkNotWritten(loop.name, out);
    out[loop.name] = iterate(loop, "variable", ctx, (inner) => evaluate(loop.input, inner));
  }
  return out;
}
