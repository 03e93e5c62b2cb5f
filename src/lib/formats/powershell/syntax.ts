import type { Assignment, Element, Stage, Statement } from "./ast.ts";
import { ExpressionReader } from "./expressions.ts";
import { ENDS_WORD, isDigit, isLetter, isNameChar } from "./lexical.ts";

export type { SyntaxError } from "./lexical.ts";
export { comparisonOf } from "./expressions.ts";

/**
 * The PowerShell that Azure's documentation writes, read into statements (ast.ts): `$var = …`
 * and `$obj.Property = …` assignments (and `+=`), pipelines of commands and expressions,
 * `-Param value` and `-Param:value`, `@params` splatting, strings with `$var` and `$( … )`,
 * here-strings, arrays (`a, b`, `@( … )`), hashtables (`@{ Name = 'x'; … }`), script blocks,
 * `( … )`, properties, indexes and method calls (`$vnet.Subnets[0].Id`), and the comparison
 * and logical operators filters use (`$_.Name -like 'allow*' -and …`), and `try { } finally { }`,
 * which scripts use to clean up. What it does not read (other control flow, casts, arithmetic
 * beyond `+`) is refused where it is written, by name.
 */

/** Keywords of statements NSG Lab does not run. */
const KEYWORDS = new Set([
  "if",
  "elseif",
  "else",
  "foreach",
  "for",
  "while",
  "do",
  "until",
  "switch",
  "function",
  "filter",
  "workflow",
  "configuration",
  "try",
  "catch",
  "finally",
  "trap",
  "throw",
  "return",
  "break",
  "continue",
  "exit",
  "param",
  "begin",
  "process",
  "end",
  "class",
  "enum",
  "using",
  "data",
  "dynamicparam",
]);

/** A statement that does something: a pipeline, or a try statement. */
const runs = (statement: Statement) => statement.stages.length > 0 || statement.guarded !== undefined;

export class PowerShellReader extends ExpressionReader {
  /** Every statement, in order; a statement with a syntax error is left out (its error is kept). */
  statements(): Statement[] {
    const out: Statement[] = [];
    for (;;) {
      this.skipBlank(true);
      if (this.pos >= this.text.length) return out;
      const start = this.pos;
      const errorsBefore = this.errors.length;
      const statement = this.statement();
      if (statement && (statement.guarded || this.errors.length === errorsBefore)) {
        if (!this.atStatementEnd()) this.unexpected();
        else {
          if (runs(statement)) out.push(statement);
          continue;
        }
      }
      this.depth = 0;
      this.closers = [];
      this.recover(start);
    }
  }

  /**
   * The statements of a `try` or `finally` block after its `{`, up to its `}` (consumed). As at
   * the top of the script, a statement with an error is left out and reading goes on after it.
   */
  protected blockStatements(open: number): Statement[] | undefined {
    const out: Statement[] = [];
    const depth = this.depth;
    const closers = this.closers.length;
    this.closers.push("}");
    try {
      for (;;) {
        this.skipBlank(true);
        if (this.pos >= this.text.length) {
          this.error("unsupported-powershell-syntax", "this { is never closed with }", open);
          return undefined;
        }
        if (this.text[this.pos] === "}") {
          this.pos++;
          return out;
        }
        const start = this.pos;
        const errorsBefore = this.errors.length;
        const statement = this.statement();
        // A try statement's own blocks read on past their errors: it stands, errors and all.
        if (statement && (statement.guarded || this.errors.length === errorsBefore)) {
          if (!this.atStatementEnd()) this.unexpected();
          else {
            if (runs(statement)) out.push(statement);
            continue;
          }
        }
        this.depth = depth;
        this.closers.length = closers + 1;
        this.recover(start, true);
      }
    } finally {
      this.closers.length = closers;
    }
  }

  /** `try { … } finally { … }`, from the `try` at `start`. A `catch` block is refused by name. */
  protected tryStatement(start: number): Statement | undefined {
    const t = this.text;
    this.pos = start + 3;
    const body = this.keywordBlock("try");
    if (!body) return undefined;
    this.skipBlank(true);
    const word = /^[A-Za-z]+/.exec(t.slice(this.pos, this.pos + 8))?.[0].toLowerCase();
    if (word === "catch") {
      this.error(
        "unsupported-powershell-syntax",
        "NSG Lab does not run catch blocks (it reads a script as if no command fails): write try { … } finally { … }",
        this.pos,
        this.pos + 5,
      );
      return undefined;
    }
    if (word !== "finally") {
      this.error(
        "unsupported-powershell-syntax",
        "this try statement is missing its finally block: write try { … } finally { … }",
        start,
        start + 3,
      );
      return undefined;
    }
    this.pos += 7;
    const cleanup = this.keywordBlock("finally");
    if (!cleanup) return undefined;
    return {
      stages: [],
      guarded: { body, cleanup, tryAt: { start, end: start + 3 } },
      at: { start, end: this.pos },
    };
  }

  /** The `{ … }` after `try` or `finally` (blanks and newlines may come first). */
  protected keywordBlock(keyword: string): Statement[] | undefined {
    this.skipBlank(true);
    const open = this.pos;
    if (this.text[open] !== "{") {
      this.error("unsupported-powershell-syntax", `"${keyword}" needs a block: ${keyword} { … }`, open);
      return undefined;
    }
    if (!this.enter(open)) return undefined;
    this.pos++;
    const statements = this.blockStatements(open);
    this.depth--;
    return statements;
  }

  /** Statements up to `close` (`)` or `}`), which is consumed. */
  protected statementsUntil(close: string, open: number): Statement[] | undefined {
    const out: Statement[] = [];
    this.closers.push(close);
    try {
      for (;;) {
        this.skipBlank(true);
        if (this.pos >= this.text.length) {
          this.error(
            "unsupported-powershell-syntax",
            `this ${this.text[open]} is never closed with ${close}`,
            open,
          );
          return undefined;
        }
        if (this.text[this.pos] === close) {
          this.pos++;
          return out;
        }
        const statement = this.statement();
        if (!statement) return undefined;
        if (!this.atStatementEnd()) {
          this.unexpected();
          return undefined;
        }
        if (runs(statement)) out.push(statement);
      }
    } finally {
      this.closers.pop();
    }
  }

  protected statement(): Statement | undefined {
    const start = this.pos;
    const t = this.text;
    const word = /^[A-Za-z]+/.exec(t.slice(this.pos, this.pos + 16))?.[0];
    if (word?.toLowerCase() === "try" && !isNameChar(t[this.pos + 3]) && t[this.pos + 3] !== "-")
      return this.tryStatement(start);
    if (
      word &&
      KEYWORDS.has(word.toLowerCase()) &&
      !isNameChar(t[this.pos + word.length]) &&
      t[this.pos + word.length] !== "-"
    ) {
      this.error(
        "unsupported-powershell-syntax",
        `NSG Lab does not run "${word}" statements (control flow, functions, scripts' param blocks): write the commands one after another`,
        start,
        start + word.length,
      );
      return undefined;
    }
    const head = this.head();
    if (!head) return undefined;
    const { assign } = head;
    const stages: Stage[] = [];
    for (;;) {
      if (stages.length === 0 && head.stage) {
        stages.push(head.stage);
        this.skipBlank(false);
        if (t[this.pos] !== "|" && !this.leadingPipe()) break;
        this.pos++;
        this.skipAfterJoin();
        continue;
      }
      this.skipBlank(false);
      if (this.atStatementEnd()) {
        if (stages.length > 0 || assign) {
          this.error("unsupported-powershell-syntax", "a command or value is missing here", this.pos);
          return undefined;
        }
        break;
      }
      const stage = this.stage();
      if (!stage) return undefined;
      stages.push(stage);
      this.skipBlank(false);
      if (t[this.pos] !== "|" && !this.leadingPipe()) break;
      if (t[this.pos + 1] === "|") {
        this.error(
          "unsupported-powershell-syntax",
          "NSG Lab does not run || chains: write the commands one after another",
          this.pos,
          this.pos + 2,
        );
        return undefined;
      }
      this.pos++;
      this.skipAfterJoin();
    }
    return { ...(assign ? { assign } : {}), stages, at: { start, end: this.pos } };
  }

  /**
   * What a statement starts with, when it starts with a value: `$target =` / `+=` (an
   * assignment), or the first stage's expression. The value is read once either way, so
   * nested brackets cost linear time.
   */
  protected head(): { assign?: Assignment; stage?: Stage } | undefined {
    const t = this.text;
    if (t[this.pos] !== "$" && t[this.pos] !== "(") return {};
    const start = this.pos;
    const target = this.postfix(this.primary());
    if (!target) return undefined;
    const end = this.pos;
    this.skipBlank(false);
    const op =
      t[this.pos] === "=" && t[this.pos + 1] !== "=" ? "=" : t.startsWith("+=", this.pos) ? "+=" : undefined;
    if (!op) {
      const value = this.expression(target);
      return value && { stage: { kind: "expression", value } };
    }
    if (target.kind !== "variable" && target.kind !== "member" && target.kind !== "index") {
      this.error(
        "unsupported-powershell-syntax",
        "only a variable, a property or an item ($x, $nic.NetworkSecurityGroup, $h['Name']) can be assigned to",
        target.at.start,
        target.at.end,
      );
      return undefined;
    }
    this.pos += op.length;
    this.skipAfterJoin();
    return { assign: { target, op, at: { start, end } } };
  }

  protected stage(): Stage | undefined {
    const t = this.text;
    const c = t[this.pos]!;
    const d = t[this.pos + 1];
    if (
      c === "$" ||
      c === "'" ||
      c === '"' ||
      c === "@" ||
      c === "(" ||
      c === "{" ||
      c === "!" ||
      isDigit(c) ||
      (c === "-" && (isDigit(d) || /^-not\b/i.test(t.slice(this.pos, this.pos + 5))))
    ) {
      const value = this.expression();
      return value ? { kind: "expression", value } : undefined;
    }
    if (c === "[") {
      this.error(
        "unsupported-powershell-syntax",
        "NSG Lab does not read [type] casts or static members such as [string]::IsNullOrEmpty",
        this.pos,
        Math.max(this.pos + 1, t.indexOf("]", this.pos) + 1 || this.pos + 1),
      );
      return undefined;
    }
    if (ENDS_WORD.has(c) || c === "&" || c === "." || c === "-") {
      this.error(
        "unsupported-powershell-syntax",
        c === "&" || c === "."
          ? `NSG Lab does not run the ${c === "&" ? "call (&)" : "dot-source (.)"} operator: write the command itself`
          : `"${c}" cannot start a command here: NSG Lab reads commands such as New-AzNetworkSecurityRuleConfig, $variables and pipelines`,
        this.pos,
      );
      return undefined;
    }
    const nameStart = this.pos;
    while (this.pos < t.length && !ENDS_WORD.has(t[this.pos]!)) this.pos++;
    const nameAt = { start: nameStart, end: this.pos };
    const name = t.slice(nameStart, this.pos);
    const elements: Element[] = [];
    for (;;) {
      this.skipBlank(false);
      const e = t[this.pos];
      if (this.atStatementEnd() || e === "|") break;
      if (e === ")" || e === "}") {
        this.unexpected();
        return undefined;
      }
      if (e === "-" && isLetter(t[this.pos + 1])) {
        const at = this.pos;
        this.pos++;
        while (isNameChar(t[this.pos])) this.pos++;
        const param = t.slice(at + 1, this.pos);
        const paramAt = { start: at, end: this.pos };
        if (t[this.pos] === ":") {
          this.pos++;
          const value = this.argument();
          if (!value) return undefined;
          elements.push({ kind: "param", name: param, at: paramAt, value });
        } else elements.push({ kind: "param", name: param, at: paramAt });
        continue;
      }
      if (e === "@" && isNameChar(t[this.pos + 1])) {
        const at = this.pos;
        this.pos++;
        while (isNameChar(t[this.pos])) this.pos++;
        elements.push({ kind: "splat", name: t.slice(at + 1, this.pos), at: { start: at, end: this.pos } });
        continue;
      }
      const value = this.argument();
      if (!value) return undefined;
      elements.push({ kind: "arg", value });
    }
    return { kind: "command", name, at: { start: nameStart, end: this.pos }, nameAt, elements };
  }

  // --- argument mode ------------------------------------------------------------------------
}
