import type { Expr, Statement, StringPart } from "./ast.ts";
import { isNameChar, Lexer } from "./lexical.ts";

/**
 * PowerShell's strings beyond single quotes: double-quoted strings with backtick escapes, `""`
 * and the `$var`, `${var}` and `$( … )` parts PowerShell expands, here-strings (`@" … "@`,
 * `@' … '@`), and quoted member names. `$( … )` holds statements, read by the subclass.
 */
export abstract class StringReader extends Lexer {
  /** Statements up to `close` (`)` or `}`), which is consumed. */
  protected abstract statementsUntil(close: string, open: number): Statement[] | undefined;

  /** A quoted member name or key (`$x.'Name'`), read as plain text. */
  protected plainText(): string | undefined {
    if (this.text[this.pos] === "'") return this.singleQuoted()?.text;
    const s = this.doubleQuoted();
    if (!s) return undefined;
    if (s.kind === "string" && s.parts.every((p) => "text" in p))
      return s.parts.map((p) => ("text" in p ? p.text : "")).join("");
    this.error(
      "unsupported-powershell-syntax",
      "NSG Lab reads a quoted member name only as plain text",
      s.at.start,
      s.at.end,
    );
    return undefined;
  }

  protected hereString(): Expr | undefined {
    const quote = this.text[this.pos + 1] as "'" | '"';
    const here = this.hereStringBody(quote);
    if (!here) return undefined;
    if (quote === "'")
      return {
        kind: "string",
        parts: [{ text: this.text.slice(here.body.start, here.body.end) }],
        at: here.at,
        bare: false,
      };
    const parts = this.expandable(here.body.start, here.body.end, false);
    this.pos = Math.max(this.pos, here.at.end);
    return parts && { kind: "string", parts, at: here.at, bare: false };
  }

  /** `"…"`: backtick escapes, `""` for a quote, and `$var`, `${var}`, `$( … )` parts. */
  protected doubleQuoted(): Expr | undefined {
    const start = this.pos;
    const parts = this.expandable(start + 1, this.text.length, true);
    return parts && { kind: "string", parts, at: { start, end: this.pos }, bare: false };
  }

  /** The parts of expandable text from `from` to `to`; with `quoted`, a lone `"` ends it. */
  protected expandable(from: number, to: number, quoted: boolean): StringPart[] | undefined {
    const t = this.text;
    const parts: StringPart[] = [];
    let text = "";
    const ESCAPES: Readonly<Record<string, string>> = { n: "\n", t: "\t", r: "\r", "0": "\0" };
    let i = from;
    while (i < to) {
      const c = t[i]!;
      if (c === "`" && i + 1 < to) {
        const e = t[i + 1]!;
        text += ESCAPES[e] ?? e;
        i += 2;
      } else if (quoted && c === '"') {
        if (t[i + 1] === '"') {
          text += this.source[i];
          i += 2;
          continue;
        }
        if (text) parts.push({ text });
        this.pos = i + 1;
        return parts;
      } else if (c === "$" && t[i + 1] === "(") {
        if (text) parts.push({ text });
        text = "";
        this.pos = i + 2;
        if (!this.enter(i)) return undefined;
        const statements = this.statementsUntil(")", i + 1);
        this.depth--;
        if (!statements) return undefined;
        parts.push({ statements, at: { start: i, end: this.pos } });
        i = this.pos;
      } else if (c === "$" && (isNameChar(t[i + 1]) || t[i + 1] === "{")) {
        this.pos = i;
        const v = this.variableName();
        if (!v) {
          this.error("unterminated-quote", "this ${ is never closed with }", i, i + 2);
          this.pos = t.length;
          return undefined;
        }
        if (text) parts.push({ text });
        text = "";
        parts.push({ variable: v.name, at: v.at });
        i = this.pos;
      } else {
        text += c;
        i++;
      }
    }
    if (quoted) {
      this.error("unterminated-quote", `this ${this.source[from - 1]} is never closed`, from - 1);
      this.pos = t.length;
      return undefined;
    }
    if (text) parts.push({ text });
    return parts;
  }
}
