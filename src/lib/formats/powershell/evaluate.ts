import type { Offsets } from "../azcli/arg-parser.ts";
import type { Expr, Statement, StringPart } from "./ast.ts";
import { compare } from "./compare.ts";
import { callListMethod, getMember, type MemberContext } from "./members.ts";
import {
  arrayOf,
  collect,
  describe,
  isTrue,
  itemsOf,
  withAt,
  type HashValue,
  type PsValue,
  type Variables,
} from "./values.ts";

/**
 * An expression's value (PowerShell's expression mode): variables, strings with `$var` and
 * `$( … )`, arrays, hashtables, script blocks, properties, indexes, method calls, comparisons,
 * `-and`/`-or`/`-not` and `+`. Pipelines inside `( … )` and `$( … )` are run by the interpreter
 * through the context. Values are capped in size, so a script that doubles a string or a list
 * in a loop of statements stops with an error instead of exhausting memory.
 */

export interface EvalContext extends MemberContext {
  vars: Variables;
  /** The outputs of statements (`$( … )`, `@( … )`); undefined when one failed. */
  runStatements(statements: readonly Statement[]): PsValue[] | undefined;
  /** The items of `items` for which the block is true, with `$_` set to each (`.Where({ … })`). */
  filter(block: Extract<Expr, { kind: "block" }>, items: PsValue[], at: Offsets): PsValue[] | undefined;
}

/** Longer text, or longer lists, than any script builds on purpose (the messages spell them out). */
export const MAX_TEXT = 100_000;
export const MAX_ITEMS = 10_000;

const AUTOMATIC: Readonly<Record<string, (at: Offsets) => PsValue>> = {
  true: (at) => ({ kind: "bool", value: true, at }),
  false: (at) => ({ kind: "bool", value: false, at }),
  null: (at) => ({ kind: "null", at }),
};

export function lookup(name: string, at: Offsets, ctx: EvalContext, inString = false): PsValue | undefined {
  const lower = name.toLowerCase();
  const automatic = AUTOMATIC[lower];
  if (automatic) return automatic(at);
  const v = ctx.vars.get(lower === "psitem" ? "_" : lower);
  if (v) return withAt(v, at);
  if (inString) {
    // PowerShell expands an unset variable to nothing; in a string that is worth a warning, not a stop.
    ctx.world.report("unset-variable", `$${name} is not set, so PowerShell puts nothing here`, at, "warning");
    return { kind: "null", at };
  }
  ctx.world.report("unset-variable", `$${name} is used before it is set`, at);
  return undefined;
}

/** Text as PowerShell writes a value into a string; undefined for an object (reported). */
function textIn(value: PsValue, at: Offsets, ctx: EvalContext): string | undefined {
  const texts: string[] = [];
  for (const item of itemsOf(value)) {
    if (item.kind === "string") texts.push(item.text);
    else if (item.kind === "bool") texts.push(item.value ? "True" : "False");
    else {
      ctx.world.report(
        "unsupported-powershell-syntax",
        `${describe(item)} is an object, not text, so NSG Lab cannot put it in a string (use a property such as .Name)`,
        at,
      );
      return undefined;
    }
  }
  return texts.join(" ");
}

function stringValue(parts: readonly StringPart[], at: Offsets, ctx: EvalContext): PsValue | undefined {
  let text = "";
  for (const part of parts) {
    let piece: string | undefined;
    if ("text" in part) piece = part.text;
    else if ("variable" in part) {
      const v = lookup(part.variable, part.at, ctx, true);
      piece = v && textIn(v, part.at, ctx);
    } else {
      const outputs = ctx.runStatements(part.statements);
      piece = outputs && textIn(collect(outputs, part.at), part.at, ctx);
    }
    if (piece === undefined || !ctx.world.charge(piece.length, at)) return undefined;
    text += piece;
    if (text.length > MAX_TEXT) {
      ctx.world.report("value-too-long", `this text is longer than 100,000 characters`, at);
      return undefined;
    }
  }
  return { kind: "string", text, at };
}

function tooMany(at: Offsets, ctx: EvalContext): undefined {
  ctx.world.report("value-too-long", `this list holds more than 10,000 items`, at);
  return undefined;
}

export function evaluate(expr: Expr, ctx: EvalContext): PsValue | undefined {
  switch (expr.kind) {
    case "string":
      return stringValue(expr.parts, expr.at, ctx);
    case "variable":
      return lookup(expr.name, expr.at, ctx);
    case "array": {
      const items: PsValue[] = [];
      let size = 0;
      for (const item of expr.items) {
        const v = evaluate(item, ctx);
        if (!v) return undefined;
        items.push(v);
        size += v.kind === "array" ? v.items.length : 1;
      }
      if (size > MAX_ITEMS) return tooMany(expr.at, ctx);
      return ctx.world.charge(size, expr.at) ? arrayOf(items, expr.at) : undefined;
    }
    case "subexpression": {
      const outputs = ctx.runStatements(expr.statements);
      if (!outputs || !ctx.world.charge(outputs.length, expr.at)) return undefined;
      const items = outputs.flatMap(itemsOf);
      if (items.length > MAX_ITEMS) return tooMany(expr.at, ctx);
      return expr.array ? { kind: "array", items, at: expr.at } : collect(items, expr.at);
    }
    case "paren": {
      // One value out of ( … ) is located at the parentheses that made it.
      const outputs = ctx.runStatements([expr.statement]);
      return outputs && withAt(collect(outputs, expr.at), expr.at);
    }
    case "member": {
      const target = evaluate(expr.target, ctx);
      return target && getMember(target, expr.name, expr.at, ctx);
    }
    case "index":
      return index(expr, ctx);
    case "call":
      return call(expr, ctx);
    case "hashtable": {
      const entries = new Map<string, HashValue>();
      for (const entry of expr.entries) {
        const value = evaluate(entry.value, ctx);
        if (!value) return undefined;
        entries.set(entry.key.toLowerCase(), { key: entry.key, keyAt: entry.keyAt, value });
      }
      return { kind: "hashtable", entries, at: expr.at };
    }
    case "block":
      return { kind: "block", block: expr, at: expr.at };
    case "compare": {
      const left = evaluate(expr.left, ctx);
      const right = left && evaluate(expr.right, ctx);
      if (!left || !right) return undefined;
      return compare(expr.comparison, left, right, expr.opAt, ctx.world.budget, ctx.world.report);
    }
    case "logical": {
      const left = evaluate(expr.left, ctx);
      if (!left) return undefined;
      const l = isTrue(left);
      if (expr.op === "and" && !l) return { kind: "bool", value: false, at: expr.at };
      if (expr.op === "or" && l) return { kind: "bool", value: true, at: expr.at };
      const right = evaluate(expr.right, ctx);
      if (!right) return undefined;
      const r = isTrue(right);
      return { kind: "bool", value: expr.op === "xor" ? l !== r : r, at: expr.at };
    }
    case "not": {
      const operand = evaluate(expr.operand, ctx);
      return operand && { kind: "bool", value: !isTrue(operand), at: expr.at };
    }
    case "add":
      return add(expr, ctx);
  }
}

function index(expr: Extract<Expr, { kind: "index" }>, ctx: EvalContext): PsValue | undefined {
  const target = evaluate(expr.target, ctx);
  const key = target && evaluate(expr.index, ctx);
  if (!target || !key) return undefined;
  if (target.kind === "hashtable") {
    const k = key.kind === "string" ? key.text.toLowerCase() : undefined;
    const entry = k === undefined ? undefined : target.entries.get(k);
    return entry ? withAt(entry.value, expr.at) : { kind: "null", at: expr.at };
  }
  const n = key.kind === "string" && /^-?\d+$/.test(key.text.trim()) ? Number(key.text) : undefined;
  if (n === undefined) {
    ctx.world.report(
      "unsupported-powershell-syntax",
      "NSG Lab reads [ ] indexes that are whole numbers, as in $vnet.Subnets[0]",
      expr.index.at,
    );
    return undefined;
  }
  const items = target.kind === "array" ? target.items : target.kind === "null" ? [] : [target];
  // An index out of range gives $null, as in PowerShell; negative ones count from the end.
  const item = items[n < 0 ? items.length + n : n];
  return item ? withAt(item, expr.at) : { kind: "null", at: expr.at };
}

const STRING_METHODS: Readonly<Record<string, (s: string, args: string[]) => string | boolean>> = {
  tolower: (s) => s.toLowerCase(),
  toupper: (s) => s.toUpperCase(),
  trim: (s) => s.trim(),
  tostring: (s) => s,
  contains: (s, [a]) => s.includes(a ?? ""),
  startswith: (s, [a]) => s.startsWith(a ?? ""),
  endswith: (s, [a]) => s.endsWith(a ?? ""),
};

function call(expr: Extract<Expr, { kind: "call" }>, ctx: EvalContext): PsValue | undefined {
  const target = evaluate(expr.target, ctx);
  if (!target) return undefined;
  const lower = expr.method.toLowerCase();
  const [only] = expr.args;
  if (lower === "where" && expr.args.length === 1 && only?.kind === "block") {
    // The .Where({ … }) method filters like Where-Object, over any value.
    const kept = ctx.filter(only, itemsOf(target), expr.at);
    return kept && { kind: "array", items: kept, at: expr.at };
  }
  const args: PsValue[] = [];
  for (const a of expr.args) {
    const v = evaluate(a, ctx);
    if (!v) return undefined;
    args.push(v);
  }
  if (target.kind === "array" && target.live) return callListMethod(target, expr.method, args, expr.at, ctx);
  if (target.kind === "string" && lower in STRING_METHODS) {
    const texts = args.map((a) => (a.kind === "string" ? a.text : undefined));
    if (texts.some((t) => t === undefined)) {
      ctx.world.report("invalid-argument-value", `.${expr.method}() takes text`, expr.at);
      return undefined;
    }
    const result = STRING_METHODS[lower]!(target.text, texts as string[]);
    return typeof result === "boolean"
      ? { kind: "bool", value: result, at: expr.at }
      : { kind: "string", text: result, at: expr.at };
  }
  if (target.kind === "hashtable" && (lower === "containskey" || lower === "add" || lower === "remove")) {
    const k = args[0]?.kind === "string" ? args[0].text : undefined;
    if (k === undefined || args.length !== (lower === "add" ? 2 : 1)) {
      ctx.world.report(
        "invalid-argument-value",
        `.${expr.method}() takes a text key${lower === "add" ? " and a value" : ""}`,
        expr.at,
      );
      return undefined;
    }
    if (lower === "containskey")
      return { kind: "bool", value: target.entries.has(k.toLowerCase()), at: expr.at };
    if (lower === "remove") target.entries.delete(k.toLowerCase());
    else target.entries.set(k.toLowerCase(), { key: k, keyAt: args[0]!.at, value: args[1]! });
    return undefined;
  }
  if (target.kind === "array") return callListMethod(target, expr.method, args, expr.at, ctx);
  ctx.world.report(
    "unsupported-powershell-syntax",
    `NSG Lab does not run .${expr.method}() on ${describe(target)}`,
    expr.nameAt,
  );
  return undefined;
}

/** `+`: text joins (the right side as text), lists concatenate, numbers add (about_Arithmetic_Operators). */
function add(expr: Extract<Expr, { kind: "add" }>, ctx: EvalContext): PsValue | undefined {
  const left = evaluate(expr.left, ctx);
  const right = left && evaluate(expr.right, ctx);
  if (!left || !right) return undefined;
  // A quoted string on the left joins text even when it looks like a number ("1" + 2 is "12").
  const quoted = expr.left.kind === "string" && !expr.left.bare;
  return addValues(left, right, expr.at, ctx, quoted);
}

export function addValues(
  left: PsValue,
  right: PsValue,
  at: Offsets,
  ctx: EvalContext,
  quoted = false,
): PsValue | undefined {
  if (left.kind === "array" || left.kind === "null") {
    const size =
      (left.kind === "array" ? left.items.length : 0) + (right.kind === "array" ? right.items.length : 1);
    if (size > MAX_ITEMS) return tooMany(at, ctx);
    if (!ctx.world.charge(size, at)) return undefined;
    return { kind: "array", items: [...itemsOf(left), ...itemsOf(right)], at };
  }
  if (left.kind === "string") {
    const number = /^-?\d+(\.\d+)?$/;
    if (right.kind === "string" && number.test(left.text) && number.test(right.text) && !quoted)
      return { kind: "string", text: String(Number(left.text) + Number(right.text)), at };
    const r = textIn(right, right.at, ctx);
    if (r === undefined) return undefined;
    if (!ctx.world.charge(left.text.length + r.length, at)) return undefined;
    if (left.text.length + r.length > MAX_TEXT) {
      ctx.world.report("value-too-long", `this text is longer than 100,000 characters`, at);
      return undefined;
    }
    return { kind: "string", text: left.text + r, at };
  }
  ctx.world.report("unsupported-powershell-syntax", `NSG Lab cannot add to ${describe(left)}`, at);
  return undefined;
}
