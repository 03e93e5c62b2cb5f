import type { Offsets } from "../azcli/arg-parser.ts";
import type { Comparison, ComparisonOperator, Expr, HashEntry, Statement } from "./ast.ts";
import { ENDS_WORD, isDigit, isLetter, isNameChar, isSpace } from "./lexical.ts";
import { StringReader } from "./strings.ts";

/**
 * PowerShell's values as the statement reader (syntax.ts) meets them: argument-mode values
 * (`Allow`, `80,443`, `$webAsg.Id`), expressions with the comparison and logical operators
 * filters use (`$_.Name -like 'allow*' -and …`) and `+`, strings with `$var` and `$( … )`,
 * here-strings, `( … )`, `@( … )`, hashtables, script blocks, properties, indexes and method
 * calls. Statements inside brackets are read by the subclass (statementsUntil).
 */

const COMPARISONS = new Set<string>([
  "eq",
  "ne",
  "gt",
  "ge",
  "lt",
  "le",
  "like",
  "notlike",
  "match",
  "notmatch",
  "contains",
  "notcontains",
  "in",
  "notin",
]);
/** Operators PowerShell has and NSG Lab does not read, named when met. */
const OTHER_OPERATORS = new Set([
  "replace",
  "split",
  "join",
  "f",
  "is",
  "isnot",
  "as",
  "band",
  "bor",
  "bxor",
  "bnot",
  "shl",
  "shr",
  "creplace",
  "ireplace",
  "csplit",
  "isplit",
]);

export function comparisonOf(word: string): Comparison | undefined {
  const lower = word.toLowerCase();
  if (COMPARISONS.has(lower)) return { op: lower as ComparisonOperator, caseSensitive: false };
  const rest = lower.slice(1);
  if ((lower[0] === "c" || lower[0] === "i") && COMPARISONS.has(rest))
    return { op: rest as ComparisonOperator, caseSensitive: lower[0] === "c" };
  return undefined;
}

export abstract class ExpressionReader extends StringReader {
  protected abstract statement(): Statement | undefined;

  /** A command argument: one value, or several joined by commas (an array). */
  protected argument(): Expr | undefined {
    return this.commaList(() => this.argumentValue());
  }

  protected argumentValue(): Expr | undefined {
    const t = this.text;
    const c = t[this.pos];
    if (c === "$" || c === "(" || (c === "@" && t[this.pos + 1] === "(")) return this.postfix(this.primary());
    if (c === "'" || c === '"' || c === "@" || c === "{") return this.primary();
    if (c === undefined || ENDS_WORD.has(c)) {
      this.error("unsupported-powershell-syntax", "a value is missing here", this.pos);
      return undefined;
    }
    const word = this.bareWord();
    return { kind: "string", parts: [{ text: word.text }], at: word.at, bare: true };
  }

  // --- expression mode ----------------------------------------------------------------------

  /** An expression: `-and`/`-or` of comparisons of `+` sums of comma lists of unary values. */
  protected expression(first?: Expr): Expr | undefined {
    let left = this.comparison(first);
    for (;;) {
      if (!left) return undefined;
      const op = this.operatorWord();
      const lower = op?.word.toLowerCase();
      if (lower !== "and" && lower !== "or" && lower !== "xor") return left;
      this.pos = op!.end;
      this.skipAfterJoin();
      const right = this.comparison();
      if (!right) return undefined;
      left = { kind: "logical", op: lower, left, right, at: { start: left.at.start, end: right.at.end } };
    }
  }

  protected comparison(first?: Expr): Expr | undefined {
    let left = this.sum(first);
    for (;;) {
      if (!left) return undefined;
      const op = this.operatorWord();
      if (!op) return left;
      const comparison = comparisonOf(op.word);
      if (!comparison) {
        const lower = op.word.toLowerCase();
        if (OTHER_OPERATORS.has(lower)) {
          this.error(
            "unsupported-powershell-syntax",
            `NSG Lab does not read the -${op.word} operator`,
            op.start,
            op.end,
          );
          return undefined;
        }
        return left;
      }
      const opAt = { start: op.start, end: op.end };
      this.pos = op.end;
      this.skipAfterJoin();
      const right = this.sum();
      if (!right) return undefined;
      left = {
        kind: "compare",
        comparison,
        left,
        right,
        opAt,
        at: { start: left.at.start, end: right.at.end },
      };
    }
  }

  protected sum(first?: Expr): Expr | undefined {
    let left = this.commaList(() => this.unary(), first);
    for (;;) {
      if (!left) return undefined;
      const save = this.pos;
      this.skipBlank(false);
      const c = this.text[this.pos];
      if (c === "+" && this.text[this.pos + 1] !== "=") {
        this.pos++;
        this.skipAfterJoin();
        const right = this.commaList(() => this.unary());
        if (!right) return undefined;
        left = { kind: "add", left, right, at: { start: left.at.start, end: right.at.end } };
        continue;
      }
      if (c === "*" || c === "/" || c === "%" || (c === "-" && !isLetter(this.text[this.pos + 1]))) {
        this.error(
          "unsupported-powershell-syntax",
          `NSG Lab does not read arithmetic (${c}); write the value itself`,
          this.pos,
        );
        return undefined;
      }
      this.pos = save;
      return left;
    }
  }

  /** `-word` after blanks (an operator), without moving; undefined when there is none. */
  protected operatorWord(): { word: string; start: number; end: number } | undefined {
    const t = this.text;
    let i = this.pos;
    while (isSpace(t[i])) i++;
    if (t[i] !== "-" || !isLetter(t[i + 1])) return undefined;
    let j = i + 1;
    while (isLetter(t[j])) j++;
    return { word: t.slice(i + 1, j), start: i, end: j };
  }

  /** `item, item, …` (one item alone, or an array), starting from `read` when it has been read already. */
  protected commaList(item: () => Expr | undefined, read?: Expr): Expr | undefined {
    const first = read ?? item();
    if (!first) return undefined;
    const items = [first];
    for (;;) {
      const save = this.pos;
      this.skipBlank(false);
      if (this.text[this.pos] !== ",") {
        this.pos = save;
        break;
      }
      this.pos++;
      this.skipAfterJoin();
      const next = item();
      if (!next) return undefined;
      items.push(next);
    }
    if (items.length === 1) return first;
    return { kind: "array", items, at: { start: first.at.start, end: items[items.length - 1]!.at.end } };
  }

  protected unary(): Expr | undefined {
    const t = this.text;
    const start = this.pos;
    const not = t[this.pos] === "!" ? 1 : /^-not\b/i.test(t.slice(this.pos, this.pos + 5)) ? 4 : 0;
    if (not > 0) {
      if (!this.enter(start)) return undefined;
      this.pos += not;
      this.skipBlank(false);
      const operand = this.unary();
      this.depth--;
      return operand && { kind: "not", operand, at: { start, end: operand.at.end } };
    }
    if (t[this.pos] === "-" && isDigit(t[this.pos + 1])) {
      this.pos++;
      const n = this.number(start);
      return n;
    }
    if (isDigit(t[this.pos])) return this.number(start);
    const c = t[this.pos];
    if (c === "$" || c === "(" || c === "'" || c === '"' || c === "@" || c === "{")
      return this.postfix(this.primary());
    if (c === "[") {
      this.error(
        "unsupported-powershell-syntax",
        "NSG Lab does not read [type] casts or static members",
        this.pos,
      );
      return undefined;
    }
    if (c === undefined || ENDS_WORD.has(c) || isSpace(c)) {
      this.error("unsupported-powershell-syntax", "a value is missing here", this.pos);
      return undefined;
    }
    const word = this.bareWord();
    this.error(
      "unsupported-powershell-syntax",
      `PowerShell reads the bare word "${word.text}" here as a command, not as text: quote it ('${word.text}')`,
      word.at.start,
      word.at.end,
    );
    return undefined;
  }

  /** A number literal, kept as its text (`100`, `-1`, `1.5`, `0x10`, `1kb`). */
  protected number(start: number): Expr {
    const t = this.text;
    while (isNameChar(t[this.pos]) || (t[this.pos] === "." && isDigit(t[this.pos + 1]))) this.pos++;
    return {
      kind: "string",
      parts: [{ text: t.slice(start, this.pos) }],
      at: { start, end: this.pos },
      bare: true,
    };
  }

  /** `.Name`, `.Method(args)` and `[index]` after a value, written without spaces. */
  protected postfix(base: Expr | undefined): Expr | undefined {
    const t = this.text;
    let e = base;
    while (e) {
      const c = t[this.pos];
      if (c === "." && (isLetter(t[this.pos + 1]) || t[this.pos + 1] === "'" || t[this.pos + 1] === '"')) {
        this.pos++;
        const nameStart = this.pos;
        let name: string;
        if (isLetter(t[this.pos])) {
          while (isNameChar(t[this.pos])) this.pos++;
          name = t.slice(nameStart, this.pos);
        } else {
          const quoted = this.plainText();
          if (quoted === undefined) return undefined;
          name = quoted;
        }
        const nameAt = { start: nameStart, end: this.pos };
        if (t[this.pos] === "(") {
          const args = this.callArgs();
          if (!args) return undefined;
          e = {
            kind: "call",
            target: e,
            method: name,
            nameAt,
            args,
            at: { start: e.at.start, end: this.pos },
          };
        } else e = { kind: "member", target: e, name, nameAt, at: { start: e.at.start, end: this.pos } };
      } else if (c === "[") {
        const open = this.pos;
        if (!this.enter(open)) return undefined;
        this.pos++;
        this.skipAfterJoin();
        const index = this.expression();
        this.depth--;
        if (!index) return undefined;
        this.skipAfterJoin();
        if (t[this.pos] !== "]") {
          this.error("unsupported-powershell-syntax", "this [ is never closed with ]", open);
          return undefined;
        }
        this.pos++;
        e = { kind: "index", target: e, index, at: { start: e.at.start, end: this.pos } };
      } else if (c === ":" && t[this.pos + 1] === ":") {
        this.error(
          "unsupported-powershell-syntax",
          "NSG Lab does not read static members (::)",
          this.pos,
          this.pos + 2,
        );
        return undefined;
      } else return e;
    }
    return undefined;
  }

  /** `( arg, arg )` of a method call. */
  protected callArgs(): Expr[] | undefined {
    const t = this.text;
    const open = this.pos;
    if (!this.enter(open)) return undefined;
    this.pos++;
    const args: Expr[] = [];
    this.closers.push(")");
    try {
      this.skipAfterJoin();
      if (t[this.pos] === ")") {
        this.pos++;
        return args;
      }
      for (;;) {
        // Arguments are expressions, not comma arrays: `.Replace('a', 'b')` takes two.
        const arg = this.argExpression();
        if (!arg) return undefined;
        args.push(arg);
        this.skipAfterJoin();
        if (t[this.pos] === ",") {
          this.pos++;
          this.skipAfterJoin();
          continue;
        }
        if (t[this.pos] === ")") {
          this.pos++;
          return args;
        }
        if (this.pos >= t.length)
          this.error("unsupported-powershell-syntax", "this ( is never closed with )", open);
        else this.unexpected();
        return undefined;
      }
    } finally {
      this.closers.pop();
      this.depth--;
    }
  }

  /** A method argument: an expression without top-level commas. */
  protected argExpression(): Expr | undefined {
    let left = this.unary();
    for (;;) {
      if (!left) return undefined;
      const op = this.operatorWord();
      const comparison = op && comparisonOf(op.word);
      if (!op || !comparison) return left;
      this.pos = op.end;
      this.skipAfterJoin();
      const right = this.unary();
      if (!right) return undefined;
      left = {
        kind: "compare",
        comparison,
        left,
        right,
        opAt: { start: op.start, end: op.end },
        at: { start: left.at.start, end: right.at.end },
      };
    }
  }

  protected variable(): Expr | undefined {
    const v = this.variableName();
    if (v) return { kind: "variable", name: v.name, at: v.at };
    this.error("unsupported-powershell-syntax", "a variable name is missing after $", this.pos - 1);
    return undefined;
  }

  protected primary(): Expr | undefined {
    const t = this.text;
    const c = t[this.pos];
    const start = this.pos;
    if (c === "'") {
      const s = this.singleQuoted();
      return s && { kind: "string", parts: [{ text: s.text }], at: s.at, bare: false };
    }
    if (c === '"') return this.doubleQuoted();
    if (c === "$" && t[this.pos + 1] === "(") {
      if (!this.enter(start)) return undefined;
      this.pos += 2;
      const statements = this.statementsUntil(")", start + 1);
      this.depth--;
      return statements && { kind: "subexpression", statements, at: { start, end: this.pos } };
    }
    if (c === "$") return this.variable();
    if (c === "@" && (t[this.pos + 1] === "'" || t[this.pos + 1] === '"')) return this.hereString();
    if (c === "@" && t[this.pos + 1] === "(") {
      if (!this.enter(start)) return undefined;
      this.pos += 2;
      const statements = this.statementsUntil(")", start + 1);
      this.depth--;
      return statements && { kind: "subexpression", statements, array: true, at: { start, end: this.pos } };
    }
    if (c === "(") return this.paren();
    if (c === "@" && t[this.pos + 1] === "{") return this.hashtable();
    if (c === "{") {
      if (!this.enter(start)) return undefined;
      this.pos++;
      const statements = this.statementsUntil("}", start);
      this.depth--;
      return statements && { kind: "block", statements, at: { start, end: this.pos } };
    }
    this.error("unsupported-powershell-syntax", "a value is missing here", this.pos);
    return undefined;
  }

  /** `( pipeline )`, which may also assign: `($x = Get-…)`. */
  protected paren(): Expr | undefined {
    const start = this.pos;
    if (!this.enter(start)) return undefined;
    this.pos++;
    this.closers.push(")");
    try {
      this.skipAfterJoin();
      if (this.text[this.pos] === ")") {
        this.error("unsupported-powershell-syntax", "a value is missing inside ( )", start, this.pos + 1);
        return undefined;
      }
      const statement = this.statement();
      if (!statement) return undefined;
      this.skipAfterJoin();
      if (this.text[this.pos] !== ")") {
        if (this.pos >= this.text.length)
          this.error("unsupported-powershell-syntax", "this ( is never closed with )", start);
        else this.unexpected();
        return undefined;
      }
      this.pos++;
      return { kind: "paren", statement, at: { start, end: this.pos } };
    } finally {
      this.closers.pop();
      this.depth--;
    }
  }

  /** `@{ Key = value; Key = value }`; entries end at `;` or a line break, values are pipelines. */
  protected hashtable(): Expr | undefined {
    const t = this.text;
    const start = this.pos;
    if (!this.enter(start)) return undefined;
    this.pos += 2;
    const entries: HashEntry[] = [];
    const seen = new Set<string>();
    this.closers.push("}");
    try {
      for (;;) {
        this.skipBlank(true);
        if (this.pos >= t.length) {
          this.error("unsupported-powershell-syntax", "this @{ is never closed with }", start, start + 2);
          return undefined;
        }
        if (t[this.pos] === "}") {
          this.pos++;
          return { kind: "hashtable", entries, at: { start, end: this.pos } };
        }
        const key = this.hashKey();
        if (!key) return undefined;
        if (seen.has(key.key.toLowerCase())) {
          this.error(
            "duplicate-key",
            `the key "${key.key}" is given twice in this hashtable`,
            key.at.start,
            key.at.end,
          );
          return undefined;
        }
        seen.add(key.key.toLowerCase());
        this.skipBlank(false);
        if (t[this.pos] !== "=") {
          this.error(
            "unsupported-powershell-syntax",
            `"=" is missing after the hashtable key "${key.key}"`,
            this.pos,
          );
          return undefined;
        }
        this.pos++;
        this.skipAfterJoin();
        const statement = this.statement();
        if (!statement) return undefined;
        if (statement.stages.length === 0) {
          this.error("unsupported-powershell-syntax", `a value is missing after "${key.key} ="`, this.pos);
          return undefined;
        }
        if (!this.atStatementEnd()) {
          this.unexpected();
          return undefined;
        }
        const value: Expr =
          !statement.assign && statement.stages.length === 1 && statement.stages[0]!.kind === "expression"
            ? statement.stages[0]!.value
            : { kind: "paren", statement, at: statement.at };
        entries.push({ key: key.key, keyAt: key.at, value });
      }
    } finally {
      this.closers.pop();
      this.depth--;
    }
  }

  protected hashKey(): { key: string; at: Offsets } | undefined {
    const t = this.text;
    const c = t[this.pos];
    if (c === "'") {
      const s = this.singleQuoted();
      return s && { key: s.text, at: s.at };
    }
    if (c === '"') {
      const start = this.pos;
      const text = this.plainText();
      return text === undefined ? undefined : { key: text, at: { start, end: this.pos } };
    }
    const start = this.pos;
    while (isNameChar(t[this.pos]) || t[this.pos] === "-" || t[this.pos] === ".") this.pos++;
    if (this.pos === start) {
      this.error(
        "unsupported-powershell-syntax",
        "a hashtable key (Name = value) is expected here",
        this.pos,
      );
      return undefined;
    }
    return { key: t.slice(start, this.pos), at: { start, end: this.pos } };
  }
}
