import type { IssueCode } from "../issue-codes.ts";

/**
 * What every part of ARM template evaluation shares: the template, the copy loops being
 * expanded, the values already worked out, and one budget of work for the whole template, so
 * that loops inside loops, or a long expression copied 800 times, stop with a located message
 * instead of stalling the editor.
 */

export type Value = unknown;

/** Why one expression (or one copy loop) cannot be evaluated; the rest of the template goes on. */
export class ExpressionError extends Error {
  readonly code: IssueCode;
  constructor(message: string, code: IssueCode = "arm-expression-unsupported") {
    super(message);
    this.code = code;
  }
}

/** The template asks for more work than NSG Lab does for one text: evaluation stops altogether. */
export class BudgetExceeded extends Error {}

/**
 * Units of work one template may use: a value visited is one unit, and expression text costs a
 * unit per 32 characters read or produced. 800 copied rules (Azure's most for one loop) of ten
 * fields, each read from an array parameter, take about 54,000; the budget is spent in well
 * under the 100 ms the hostile-input suite allows.
 */
export const MAX_WORK = 60_000;

export interface Budget {
  used: number;
}

export function spend(budget: Budget, units: number): void {
  budget.used += units;
  if (budget.used > MAX_WORK) throw new BudgetExceeded();
}

/** No expression produces more text than this: a template of variables that double must not fill memory. */
export const MAX_TEXT = 100_000;

export interface Context {
  template: Record<string, unknown>;
  depth: number;
  /** Variables being evaluated, to refuse a variable defined by itself. */
  resolving: Set<string>;
  /** Variables already evaluated: each is worked out once, however often it is used. */
  known: Map<string, Value>;
  /** Parameters already evaluated, likewise (an array parameter is read once per copied rule). */
  parameterValues: Map<string, Value>;
  /** Values a deployment supplies (a parameters file's `parameters`), before defaults. */
  supplied: Record<string, unknown> | undefined;
  /** The copy loops being expanded, by lower-case name, and their current index. */
  loops: ReadonlyMap<string, number>;
  /** The index of the resource copy loop being expanded: what `copyIndex()` without a name gives. */
  resourceIndex: number | undefined;
  budget: Budget;
}

export function newContext(template: Record<string, unknown>, supplied?: Record<string, unknown>): Context {
  return {
    template,
    depth: 0,
    resolving: new Set(),
    known: new Map(),
    parameterValues: new Map(),
    supplied,
    loops: new Map(),
    resourceIndex: undefined,
    budget: { used: 0 },
  };
}

/** The context a variable or parameter is evaluated in: the template's, outside every loop. */
export const outsideLoops = (ctx: Context): Context =>
  ctx.loops.size === 0 && ctx.resourceIndex === undefined
    ? ctx
    : { ...ctx, loops: new Map(), resourceIndex: undefined };

export function capped(text: string, ctx: Context): string {
  if (text.length > MAX_TEXT)
    throw new ExpressionError(`an expression produces more than ${MAX_TEXT.toLocaleString("en")} characters`);
  spend(ctx.budget, Math.ceil(text.length / 32));
  return text;
}
