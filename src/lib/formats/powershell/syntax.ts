import type { IssueCode } from "../../issue-codes.ts";
import type { Offsets } from "../azcli/arg-parser.ts";

/**
 * The PowerShell that Azure's documentation writes, read into statements: `#` and `<# … #>`
 * comments, a backtick at the end of a line or a trailing `|` or `,` continuing the statement,
 * single- and double-quoted strings (double quotes keep their `$var` / `$($var)` parts for
 * later), `$var = …` assignments, pipelines, comma arrays and `@( … )`, `-Param value` and
 * `-Param:value`. One pass over the text, so hostile input costs linear time.
 */

export type StringPart = { text: string } | { variable: string; at: Offsets };

export type Expr =
  | { kind: "string"; parts: StringPart[]; at: Offsets; bare: boolean }
  | { kind: "variable"; name: string; at: Offsets }
  | { kind: "array"; items: Expr[]; at: Offsets };

export type Element =
  { kind: "param"; name: string; at: Offsets; value?: Expr } | { kind: "arg"; value: Expr };

export type Stage =
  { kind: "command"; name: string; at: Offsets; elements: Element[] } | { kind: "expression"; value: Expr };

export interface Statement {
  assign?: { name: string; at: Offsets };
  stages: Stage[];
  at: Offsets;
}

export interface SyntaxError extends Offsets {
  code: IssueCode;
  message: string;
}

/** Deeper `@(` nesting than any script needs is refused (64 levels, as for JSON), so recursion stays shallow. */
const MAX_DEPTH = 64;

const isSpace = (c: string) => c === " " || c === "\t" || c === "\r" || c === "\f" || c === "\v";
const isNameChar = (c: string | undefined) => c !== undefined && /[A-Za-z0-9_]/.test(c);
/**
 * PowerShell takes the typographic quotes as quotes too, as text pasted from a word processor has
 * them (about_Quoting_Rules: https://learn.microsoft.com/powershell/module/microsoft.powershell.core/about/about_quoting_rules).
 */
const SINGLE_QUOTES = "'\u2018\u2019\u201A\u201B";
const DOUBLE_QUOTES = '"\u201C\u201D\u201E';
const isSingleQuote = (c: string | undefined) => c !== undefined && c !== "" && SINGLE_QUOTES.includes(c);
const isDoubleQuote = (c: string | undefined) => c !== undefined && c !== "" && DOUBLE_QUOTES.includes(c);
/** Characters that end a bare word (PowerShell's argument mode). */
const ENDS_WORD = new Set([
  " ",
  "\t",
  "\r",
  "\n",
  ",",
  "|",
  ";",
  "(",
  ")",
  "{",
  "}",
  ...SINGLE_QUOTES,
  ...DOUBLE_QUOTES,
]);

export class PowerShellReader {
  readonly errors: SyntaxError[] = [];
  readonly #text: string;
  #pos = 0;
  #depth = 0;

  constructor(text: string) {
    this.#text = text;
  }

  /** Every statement, in order; a statement with a syntax error is left out (its error is kept). */
  statements(): Statement[] {
    const out: Statement[] = [];
    for (;;) {
      this.#skipBlank(true);
      if (this.#pos >= this.#text.length) return out;
      const errorsBefore = this.errors.length;
      const statement = this.#statement();
      if (this.errors.length === errorsBefore && statement.stages.length > 0) out.push(statement);
      else this.#skipToEndOfStatement();
    }
  }

  #error(code: IssueCode, message: string, start: number, end = start + 1) {
    this.errors.push({
      code,
      message,
      start,
      end: Math.min(Math.max(end, start + 1), this.#text.length + 1),
    });
  }

  /** Spaces, comments and continuations; with `newlines`, statement ends too (between statements). */
  #skipBlank(newlines: boolean) {
    const t = this.#text;
    while (this.#pos < t.length) {
      const c = t[this.#pos]!;
      if (isSpace(c) || (newlines && (c === "\n" || c === ";"))) this.#pos++;
      else if (c === "<" && t[this.#pos + 1] === "#") {
        const end = t.indexOf("#>", this.#pos + 2);
        if (end < 0) {
          this.#error(
            "unterminated-quote",
            "this <# block comment is never closed with #>",
            this.#pos,
            this.#pos + 2,
          );
          this.#pos = t.length;
        } else this.#pos = end + 2;
      } else if (c === "#") {
        const end = t.indexOf("\n", this.#pos);
        this.#pos = end < 0 ? t.length : end;
      } else if (c === "`" && this.#continuation()) continue;
      else return;
    }
  }

  /** A backtick that ends the line continues the statement; one followed by spaces does not. */
  #continuation(): boolean {
    const t = this.#text;
    let i = this.#pos + 1;
    while (i < t.length && isSpace(t[i]!) && t[i] !== "\r") i++;
    if (t[i] === "\r") i++;
    if (i < t.length && t[i] !== "\n") return false;
    if (i > this.#pos + 1 && t[this.#pos + 1] !== "\r")
      this.#error(
        "broken-line-continuation",
        "this backtick is followed by spaces, so PowerShell does not continue the line: remove the spaces after it",
        this.#pos,
        i,
      );
    this.#pos = i + 1;
    return true;
  }

  /** Skips newlines and comments after a `|` or `,` that ends a line. */
  #skipAfterJoin() {
    this.#skipBlank(false);
    while (this.#text[this.#pos] === "\n") {
      this.#pos++;
      this.#skipBlank(false);
    }
  }

  /**
   * PowerShell 7 (the shell of Azure Cloud Shell) continues a pipeline on the next line when
   * that line starts with `|`, as the Az.Network help examples write a line `    | Get-…`
   * (the PowerShell repository's LineContinuance tests). `||` there is a pipeline chain, not this.
   */
  #leadingPipe(): boolean {
    const t = this.#text;
    if (t[this.#pos] !== "\n") return false;
    let i = this.#pos + 1;
    while (i < t.length && isSpace(t[i]!)) i++;
    if (t[i] !== "|" || t[i + 1] === "|") return false;
    this.#pos = i;
    return true;
  }

  #atStatementEnd(): boolean {
    const c = this.#text[this.#pos];
    return c === undefined || c === "\n" || c === ";";
  }

  #skipToEndOfStatement() {
    const t = this.#text;
    let quote: ((c: string) => boolean) | undefined;
    while (this.#pos < t.length) {
      const c = t[this.#pos]!;
      if (quote) {
        if (quote(c)) quote = undefined;
      } else if (isSingleQuote(c)) quote = isSingleQuote;
      else if (isDoubleQuote(c)) quote = isDoubleQuote;
      else if (c === "\n" || c === ";") return;
      this.#pos++;
    }
  }

  #statement(): Statement {
    const start = this.#pos;
    const t = this.#text;
    const errorsBefore = this.errors.length;
    let assign: Statement["assign"];
    if (t[this.#pos] === "$") {
      const save = this.#pos;
      const variable = this.#variable();
      this.#skipBlank(false);
      if (variable && t[this.#pos] === "=" && t[this.#pos + 1] !== "=") {
        assign = { name: variable.name, at: variable.at };
        this.#pos++;
        this.#skipAfterJoin();
      } else this.#pos = save;
    }
    const stages: Stage[] = [];
    for (;;) {
      this.#skipBlank(false);
      if (this.#atStatementEnd()) {
        if (stages.length > 0 || assign)
          this.#error("unsupported-powershell-syntax", "a command or value is missing here", this.#pos);
        break;
      }
      const stage = this.#stage();
      if (!stage) break;
      stages.push(stage);
      this.#skipBlank(false);
      if (t[this.#pos] !== "|" && !this.#leadingPipe()) break;
      this.#pos++;
      this.#skipAfterJoin();
    }
    this.#skipBlank(false);
    if (!this.#atStatementEnd() && this.errors.length === errorsBefore) this.#unexpected();
    return { ...(assign ? { assign } : {}), stages, at: { start, end: this.#pos } };
  }

  #unexpected() {
    const c = this.#text[this.#pos]!;
    this.#error(
      "unsupported-powershell-syntax",
      `unexpected "${c}": NSG Lab reads commands, $variable = assignments and | pipelines`,
      this.#pos,
    );
  }

  #stage(): Stage | undefined {
    const t = this.#text;
    const c = t[this.#pos]!;
    // A number starts an expression, not a command: `$port = 8081`.
    if (
      c === "$" ||
      isSingleQuote(c) ||
      isDoubleQuote(c) ||
      c === "@" ||
      c === "(" ||
      (c >= "0" && c <= "9")
    ) {
      const value = this.#list();
      return value ? { kind: "expression", value } : undefined;
    }
    if (ENDS_WORD.has(c) || c === "&" || c === "." || c === "[" || c === "-") {
      this.#error(
        "unsupported-powershell-syntax",
        `"${c}" cannot start a command here: NSG Lab reads commands such as New-AzNetworkSecurityRuleConfig, $variables and pipelines`,
        this.#pos,
      );
      return undefined;
    }
    const nameStart = this.#pos;
    while (this.#pos < t.length && !ENDS_WORD.has(t[this.#pos]!)) this.#pos++;
    const name = t.slice(nameStart, this.#pos);
    const elements: Element[] = [];
    for (;;) {
      this.#skipBlank(false);
      const d = t[this.#pos];
      if (d === undefined || d === "\n" || d === ";" || d === "|" || d === ")") break;
      if (d === "-" && /[A-Za-z_]/.test(t[this.#pos + 1] ?? "")) {
        const at = this.#pos;
        this.#pos++;
        while (isNameChar(t[this.#pos])) this.#pos++;
        const param = t.slice(at + 1, this.#pos);
        const paramAt = { start: at, end: this.#pos };
        if (t[this.#pos] === ":") {
          this.#pos++;
          const value = this.#list();
          if (!value) return undefined;
          elements.push({ kind: "param", name: param, at: paramAt, value });
        } else elements.push({ kind: "param", name: param, at: paramAt });
        continue;
      }
      const value = this.#list();
      if (!value) return undefined;
      elements.push({ kind: "arg", value });
    }
    return { kind: "command", name, at: { start: nameStart, end: this.#pos }, elements };
  }

  /** One value, or several joined by commas (an array). */
  #list(): Expr | undefined {
    const first = this.#primary();
    if (!first) return undefined;
    const items = [first];
    for (;;) {
      const save = this.#pos;
      this.#skipBlank(false);
      if (this.#text[this.#pos] !== ",") {
        this.#pos = save;
        break;
      }
      this.#pos++;
      this.#skipAfterJoin();
      const next = this.#primary();
      if (!next) return undefined;
      items.push(next);
    }
    if (items.length === 1) return first;
    return { kind: "array", items, at: { start: first.at.start, end: items[items.length - 1]!.at.end } };
  }

  #primary(): Expr | undefined {
    const t = this.#text;
    const c = t[this.#pos];
    if (isSingleQuote(c)) return this.#singleQuoted();
    if (isDoubleQuote(c)) return this.#doubleQuoted();
    if (c === "$") {
      const v = this.#variable();
      if (v && (t[this.#pos] === "." || t[this.#pos] === "[")) {
        this.#error(
          "unsupported-powershell-syntax",
          `NSG Lab does not read properties or indexes of variables ($${v.name}${t[this.#pos]}…): pass the variable itself`,
          v.at.start,
          this.#pos + 1,
        );
        return undefined;
      }
      if (v) return { kind: "variable", name: v.name, at: v.at };
      this.#error("unsupported-powershell-syntax", "a variable name is missing after $", this.#pos - 1);
      return undefined;
    }
    if ((c === "@" && t[this.#pos + 1] === "(") || c === "(") return this.#group();
    if (c === "@" && t[this.#pos + 1] === "{") {
      this.#error(
        "unsupported-powershell-syntax",
        "hashtables (@{ … }) are not read by NSG Lab; tags do not change any rule, so leave them out",
        this.#pos,
        this.#pos + 2,
      );
      return undefined;
    }
    if (c === undefined || ENDS_WORD.has(c)) {
      this.#error("unsupported-powershell-syntax", "a value is missing here", this.#pos);
      return undefined;
    }
    return this.#bareWord();
  }

  #bareWord(): Expr {
    const t = this.#text;
    const start = this.#pos;
    let text = "";
    while (this.#pos < t.length && !ENDS_WORD.has(t[this.#pos]!)) {
      if (t[this.#pos] === "`" && this.#pos + 1 < t.length && t[this.#pos + 1] !== "\n") {
        text += t[this.#pos + 1];
        this.#pos += 2;
        continue;
      }
      if (t[this.#pos] === "`") break;
      text += t[this.#pos];
      this.#pos++;
    }
    return { kind: "string", parts: [{ text }], at: { start, end: this.#pos }, bare: true };
  }

  #variable(): { name: string; at: Offsets } | undefined {
    const t = this.#text;
    const start = this.#pos;
    this.#pos++;
    if (t[this.#pos] === "{") {
      const end = t.indexOf("}", this.#pos);
      if (end < 0 || t.slice(this.#pos, end).includes("\n")) return undefined;
      const name = t.slice(this.#pos + 1, end);
      this.#pos = end + 1;
      return name ? { name, at: { start, end: this.#pos } } : undefined;
    }
    while (isNameChar(t[this.#pos])) this.#pos++;
    if (this.#pos === start + 1) return undefined;
    return { name: t.slice(start + 1, this.#pos), at: { start, end: this.#pos } };
  }

  #group(): Expr | undefined {
    const t = this.#text;
    const start = this.#pos;
    if (++this.#depth > MAX_DEPTH) {
      this.#error("nesting-too-deep", `arrays nested deeper than ${MAX_DEPTH} levels`, start);
      this.#pos = t.length;
      return undefined;
    }
    this.#pos += t[this.#pos] === "@" ? 2 : 1;
    const items: Expr[] = [];
    for (;;) {
      this.#skipBlank(true);
      while (t[this.#pos] === ",") {
        this.#pos++;
        this.#skipBlank(true);
      }
      if (this.#pos >= t.length) {
        this.#error("unsupported-powershell-syntax", "this ( is never closed with )", start, start + 1);
        this.#depth--;
        return undefined;
      }
      if (t[this.#pos] === ")") break;
      const item = this.#list();
      if (!item) {
        this.#depth--;
        return undefined;
      }
      if (item.kind === "array" && !t.startsWith("@(", item.at.start)) items.push(...item.items);
      else items.push(item);
    }
    this.#pos++;
    this.#depth--;
    return { kind: "array", items, at: { start, end: this.#pos } };
  }

  #singleQuoted(): Expr | undefined {
    const t = this.#text;
    const start = this.#pos;
    let text = "";
    const quotes = /['\u2018\u2019\u201A\u201B]/g;
    let i = start + 1;
    for (;;) {
      quotes.lastIndex = i;
      const end = quotes.exec(t)?.index ?? -1;
      if (end < 0) {
        this.#error("unterminated-quote", `this ${t[start]} is never closed`, start);
        this.#pos = t.length;
        return undefined;
      }
      text += t.slice(i, end);
      // Two quotes in a row are one quote (the second, as PowerShell's tokenizer keeps it).
      if (isSingleQuote(t[end + 1])) {
        text += t[end + 1];
        i = end + 2;
        continue;
      }
      this.#pos = end + 1;
      return { kind: "string", parts: [{ text }], at: { start, end: this.#pos }, bare: false };
    }
  }

  /** `"…"`: backtick escapes, `""` for a quote, and `$var`, `${var}`, `$($var)` parts. */
  #doubleQuoted(): Expr | undefined {
    const t = this.#text;
    const start = this.#pos;
    const parts: StringPart[] = [];
    let text = "";
    const ESCAPES: Readonly<Record<string, string>> = { n: "\n", t: "\t", r: "\r", "0": "\0" };
    let i = start + 1;
    while (i < t.length) {
      const c = t[i]!;
      if (c === "`" && i + 1 < t.length) {
        const e = t[i + 1]!;
        text += ESCAPES[e] ?? e;
        i += 2;
      } else if (isDoubleQuote(c)) {
        if (isDoubleQuote(t[i + 1])) {
          text += t[i + 1];
          i += 2;
          continue;
        }
        if (text) parts.push({ text });
        this.#pos = i + 1;
        return { kind: "string", parts, at: { start, end: this.#pos }, bare: false };
      } else if (c === "$" && t[i + 1] === "(") {
        // $( … ): only a lone variable inside is read.
        const close = t.indexOf(")", i);
        const inner = close < 0 ? "" : t.slice(i + 2, close).trim();
        if (!/^\$[A-Za-z0-9_]+$/.test(inner)) {
          this.#error(
            "unsupported-powershell-syntax",
            "NSG Lab reads $( ) in a string only around one variable, as in $($name)",
            i,
            close < 0 ? i + 2 : close + 1,
          );
          this.#pos = close < 0 ? t.length : close + 1;
          this.#skipString();
          return undefined;
        }
        if (text) parts.push({ text });
        text = "";
        parts.push({ variable: inner.slice(1), at: { start: i, end: close + 1 } });
        i = close + 1;
      } else if (c === "$" && (isNameChar(t[i + 1]) || t[i + 1] === "{")) {
        const save = this.#pos;
        this.#pos = i;
        const v = this.#variable();
        const after = this.#pos;
        this.#pos = save;
        if (!v) {
          this.#error("unterminated-quote", "this ${ is never closed with }", i, i + 2);
          this.#pos = t.length;
          return undefined;
        }
        if (text) parts.push({ text });
        text = "";
        parts.push({ variable: v.name, at: v.at });
        i = after;
      } else {
        text += c;
        i++;
      }
    }
    this.#error("unterminated-quote", `this ${t[start]} is never closed`, start);
    this.#pos = t.length;
    return undefined;
  }

  /** After an error inside a double-quoted string: on to its closing quote. */
  #skipString() {
    const t = this.#text;
    while (this.#pos < t.length && !isDoubleQuote(t[this.#pos])) this.#pos++;
    if (this.#pos < t.length) this.#pos++;
  }
}
