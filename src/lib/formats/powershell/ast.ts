import type { Offsets } from "../azcli/arg-parser.ts";

/**
 * The PowerShell a script is read into (see syntax.ts): statements of pipelines, each stage a
 * command or an expression. Offsets point into the script's text, so every value can be located.
 */

export type StringPart =
  | { text: string }
  | { variable: string; at: Offsets }
  /** `$( … )` inside a double-quoted string. */
  | { statements: Statement[]; at: Offsets };

export type ComparisonOperator =
  | "eq"
  | "ne"
  | "gt"
  | "ge"
  | "lt"
  | "le"
  | "like"
  | "notlike"
  | "match"
  | "notmatch"
  | "contains"
  | "notcontains"
  | "in"
  | "notin";

export interface Comparison {
  op: ComparisonOperator;
  /** `-ceq` and friends compare case-sensitively; PowerShell's default is case-insensitive. */
  caseSensitive: boolean;
}

export type Expr =
  /** Quoted text, or a bare word in argument mode (`Allow`, `10.0.0.0/24`, `*`), or a number. */
  | { kind: "string"; parts: StringPart[]; at: Offsets; bare: boolean }
  | { kind: "variable"; name: string; at: Offsets }
  /** `a, b`. */
  | { kind: "array"; items: Expr[]; at: Offsets }
  /** `$( … )`, or with `array` `@( … )`: the statements' outputs, collected. */
  | { kind: "subexpression"; statements: Statement[]; array?: boolean; at: Offsets }
  /** `( pipeline )`. */
  | { kind: "paren"; statement: Statement; at: Offsets }
  | { kind: "member"; target: Expr; name: string; nameAt: Offsets; at: Offsets }
  | { kind: "index"; target: Expr; index: Expr; at: Offsets }
  | { kind: "call"; target: Expr; method: string; nameAt: Offsets; args: Expr[]; at: Offsets }
  | { kind: "hashtable"; entries: HashEntry[]; at: Offsets }
  /** `{ … }`: a script block (Where-Object, ForEach-Object, `.Where()`). */
  | { kind: "block"; statements: Statement[]; at: Offsets }
  | { kind: "compare"; comparison: Comparison; left: Expr; right: Expr; opAt: Offsets; at: Offsets }
  | { kind: "logical"; op: "and" | "or" | "xor"; left: Expr; right: Expr; at: Offsets }
  | { kind: "not"; operand: Expr; at: Offsets }
  /** `a + b`: text joined, arrays concatenated, numbers added. */
  | { kind: "add"; left: Expr; right: Expr; at: Offsets };

export interface HashEntry {
  key: string;
  keyAt: Offsets;
  value: Expr;
}

export type Element =
  | { kind: "param"; name: string; at: Offsets; value?: Expr }
  | { kind: "arg"; value: Expr }
  /** `@params`: a hashtable's entries bound as named parameters. */
  | { kind: "splat"; name: string; at: Offsets };

export type Stage =
  | { kind: "command"; name: string; at: Offsets; nameAt: Offsets; elements: Element[] }
  | { kind: "expression"; value: Expr };

export interface Assignment {
  /** A variable, or a property or index of one (`$nic.NetworkSecurityGroup`). */
  target: Expr;
  op: "=" | "+=";
  at: Offsets;
}

export interface Statement {
  assign?: Assignment;
  /** Empty for a `try { } finally { }` statement, which has `guarded` instead. */
  stages: Stage[];
  guarded?: TryFinally;
  at: Offsets;
}

/** `try { body } finally { cleanup }`: the cleanup runs when the body ends, also when it fails. */
export interface TryFinally {
  body: Statement[];
  cleanup: Statement[];
  /** The `try` keyword: from here on a failure still runs the cleanup. */
  tryAt: Offsets;
}
