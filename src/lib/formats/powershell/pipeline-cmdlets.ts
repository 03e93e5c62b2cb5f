import type { Offsets, Report } from "../azcli/arg-parser.ts";
import type { Element, Expr } from "./ast.ts";
import { compare } from "./compare.ts";
import type { Budget } from "./patterns.ts";
import { comparisonOf } from "./syntax.ts";
import { collect, isTrue, append, itemsOf, type PsValue } from "./values.ts";

/**
 * The pipeline cmdlets docs use around Az.Network's: Where-Object (`?`, `where`) with a script
 * block or the simplified `Where-Object Name -eq 'web'`, and ForEach-Object (`%`, `foreach`)
 * with a script block or a property name (about_Where-Object, ForEach-Object on Learn).
 */

export interface PipelineContext {
  report: Report;
  budget: Budget;
  evaluate(expr: Expr): PsValue | undefined;
  /** Runs a block with `$_` set to `item`; its outputs, or undefined when it failed. */
  runBlock(block: Extract<Expr, { kind: "block" }>, item: PsValue): PsValue[] | undefined;
  member(value: PsValue, name: string, at: Offsets): PsValue | undefined;
  charge(n: number, at: Offsets): boolean;
}

export const WHERE_NAMES = new Set(["where-object", "where", "?"]);
export const FOREACH_NAMES = new Set(["foreach-object", "foreach", "%"]);

/** The block of `{ … }` or `-FilterScript { … }` / `-Process { … }`, when that is all that is written. */
function blockOf(elements: readonly Element[], param: string): Extract<Expr, { kind: "block" }> | undefined {
  const [first, second] = elements;
  if (elements.length === 1 && first?.kind === "arg")
    return first.value.kind === "block" ? first.value : undefined;
  if (first?.kind !== "param" || !param.startsWith(first.name.toLowerCase())) return undefined;
  if (first.value) return elements.length === 1 && first.value.kind === "block" ? first.value : undefined;
  return elements.length === 2 && second?.kind === "arg" && second.value.kind === "block"
    ? second.value
    : undefined;
}

export function whereObject(
  name: string,
  elements: readonly Element[],
  input: PsValue | undefined,
  at: Offsets,
  ctx: PipelineContext,
): PsValue | undefined {
  const items = input ? itemsOf(input) : [];
  // Each item costs the script's budget, so a huge list piped in statement after statement ends.
  if (!ctx.charge(items.length, at)) return undefined;
  const block = blockOf(elements, "filterscript");
  if (block) {
    const kept = filterItems(block, items, ctx);
    return kept && { kind: "array", items: kept, at };
  }
  // The simplified syntax: Where-Object <Property> -<operator> <Value> (PowerShell 3.0).
  const [property, op, value] = elements;
  const comparison = op?.kind === "param" && !op.value ? comparisonOf(op.name) : undefined;
  if (
    elements.length === 3 &&
    property?.kind === "arg" &&
    property.value.kind === "string" &&
    op?.kind === "param" &&
    comparison &&
    value?.kind === "arg"
  ) {
    const propertyName = property.value.parts.map((p) => ("text" in p ? p.text : "")).join("");
    const right = ctx.evaluate(value.value);
    if (!right) return undefined;
    const kept: PsValue[] = [];
    for (const item of items) {
      const left = ctx.member(item, propertyName, property.value.at);
      if (!left) return undefined;
      const result = compare(comparison, left, right, op.at, ctx.budget, ctx.report);
      if (!result) return undefined;
      if (isTrue(result)) kept.push(item);
    }
    return { kind: "array", items: kept, at };
  }
  ctx.report(
    "unsupported-powershell-syntax",
    `NSG Lab reads ${name} with a script block ({ $_.Name -eq 'web' }) or as ${name} Name -eq 'web'`,
    at,
  );
  return undefined;
}

export function filterItems(
  block: Extract<Expr, { kind: "block" }>,
  items: readonly PsValue[],
  ctx: PipelineContext,
): PsValue[] | undefined {
  const kept: PsValue[] = [];
  for (const item of items) {
    const outputs = ctx.runBlock(block, item);
    if (!outputs) return undefined;
    // The block's output decides, as PowerShell converts it to a boolean (two outputs are true).
    if (isTrue(collect(outputs, block.at))) kept.push(item);
  }
  return kept;
}

export function forEachObject(
  name: string,
  elements: readonly Element[],
  input: PsValue | undefined,
  at: Offsets,
  ctx: PipelineContext,
): PsValue | undefined {
  const items = input ? itemsOf(input) : [];
  // Each item costs the script's budget, so a huge list piped in statement after statement ends.
  if (!ctx.charge(items.length, at)) return undefined;
  const block = blockOf(elements, "process");
  const out: PsValue[] = [];
  if (block) {
    for (const item of items) {
      const outputs = ctx.runBlock(block, item);
      if (!outputs) return undefined;
      append(out, outputs.flatMap(itemsOf));
    }
    return { kind: "array", items: out, at };
  }
  // ForEach-Object Name (-MemberName): each item's property.
  const [first, second] = elements;
  const member =
    elements.length === 1 && first?.kind === "arg"
      ? first.value
      : elements.length === 2 &&
          first?.kind === "param" &&
          "membername".startsWith(first.name.toLowerCase()) &&
          second?.kind === "arg"
        ? second.value
        : undefined;
  if (member?.kind === "string" && member.bare) {
    const memberName = member.parts.map((p) => ("text" in p ? p.text : "")).join("");
    for (const item of items) {
      const v = ctx.member(item, memberName, member.at);
      if (!v) return undefined;
      append(out, itemsOf(v));
    }
    return { kind: "array", items: out, at };
  }
  ctx.report(
    "unsupported-powershell-syntax",
    `NSG Lab reads ${name} with a script block ({ … }) or a property name`,
    at,
  );
  return undefined;
}
