import type { IssueCode } from "../../issue-codes.ts";
import type { Offsets } from "../azcli/arg-parser.ts";

/**
 * PowerShell's lexical layer, under the statement reader (syntax.ts): blanks, `#` and `<# … #>`
 * comments, backtick and `|` / `,` continuations, variable names, single-quoted strings and
 * bare words, and the recovery that skips a statement after an error. Every loop moves forward
 * through the text, so hostile input costs linear time.
 */

export interface SyntaxError extends Offsets {
  code: IssueCode;
  message: string;
}

export const isSpace = (c: string | undefined) =>
  c === " " || c === "\t" || c === "\r" || c === "\f" || c === "\v";
export const isNameChar = (c: string | undefined) => c !== undefined && /[A-Za-z0-9_]/.test(c);
export const isLetter = (c: string | undefined) => c !== undefined && /[A-Za-z_]/.test(c);
export const isDigit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9";
/**
 * PowerShell takes the typographic quotes as quotes too, as text pasted from a word processor has
 * them (about_Quoting_Rules: https://learn.microsoft.com/powershell/module/microsoft.powershell.core/about/about_quoting_rules).
 * The reader sees them as ASCII quotes (one UTF-16 unit each, so every offset holds) and takes the
 * character a doubled quote stands for from the text as written.
 */
const TYPOGRAPHIC_QUOTES = /[\u2018\u2019\u201A\u201B\u201C\u201D\u201E]/g;
const asciiQuote = (c: string) => (c === "\u201C" || c === "\u201D" || c === "\u201E" ? '"' : "'");

/** Characters that end a bare word (PowerShell's argument mode). */
export const ENDS_WORD = new Set([" ", "\t", "\r", "\n", ",", "|", ";", "(", ")", "'", '"', "{", "}"]);

const OPENERS = new Set(["(", "{", "["]);
const CLOSERS = new Set([")", "}", "]"]);

/** Deeper nesting of ( @( @{ { and unary operators than any script needs is refused (64 levels, as for JSON). */
const MAX_DEPTH = 64;

export class Lexer {
  readonly errors: SyntaxError[] = [];
  protected readonly text: string;
  /** The text as written, typographic quotes and all. */
  protected readonly source: string;
  protected pos = 0;
  /** What ends the statements being read: `)` or `}` inside brackets, nothing at the top. */
  protected closers: string[] = [];
  protected depth = 0;

  constructor(text: string) {
    this.source = text;
    this.text = text.replace(TYPOGRAPHIC_QUOTES, asciiQuote);
  }

  /**
   * PowerShell 7 (the shell of Azure Cloud Shell) continues a pipeline on the next line when that
   * line starts with `|`, as the Az.Network help examples write `    | Get-…` (the PowerShell
   * repository's LineContinuance tests). `||` there is a pipeline chain, not this.
   */
  protected leadingPipe(): boolean {
    const t = this.text;
    if (t[this.pos] !== "\n") return false;
    let i = this.pos + 1;
    while (isSpace(t[i])) i++;
    if (t[i] !== "|" || t[i + 1] === "|") return false;
    this.pos = i;
    return true;
  }

  protected error(code: IssueCode, message: string, start: number, end = start + 1): void {
    this.errors.push({
      code,
      message,
      start,
      end: Math.min(Math.max(end, start + 1), this.text.length + 1),
    });
  }

  protected atStatementEnd(): boolean {
    const c = this.text[this.pos];
    return c === undefined || c === "\n" || c === ";" || c === this.closers.at(-1);
  }

  protected unexpected(): void {
    const c = this.text[this.pos]!;
    const what = c === "}" || c === ")" ? `this "${c}" closes nothing` : `unexpected "${c}"`;
    this.error(
      "unsupported-powershell-syntax",
      `${what}: NSG Lab reads commands, $variable = assignments and | pipelines`,
      this.pos,
    );
  }

  protected enter(at: number): boolean {
    if (this.depth < MAX_DEPTH) {
      this.depth++;
      return true;
    }
    this.error("nesting-too-deep", `brackets or operators nested deeper than ${MAX_DEPTH} levels`, at);
    this.pos = this.text.length;
    return false;
  }

  /** Spaces, comments and continuations; with `newlines`, statement ends too (between statements). */
  protected skipBlank(newlines: boolean): void {
    const t = this.text;
    while (this.pos < t.length) {
      const c = t[this.pos]!;
      if (isSpace(c) || (newlines && (c === "\n" || c === ";"))) this.pos++;
      else if (c === "<" && t[this.pos + 1] === "#") {
        const end = t.indexOf("#>", this.pos + 2);
        if (end < 0) {
          this.error(
            "unterminated-quote",
            "this <# block comment is never closed with #>",
            this.pos,
            this.pos + 2,
          );
          this.pos = t.length;
        } else this.pos = end + 2;
      } else if (c === "#") {
        const end = t.indexOf("\n", this.pos);
        this.pos = end < 0 ? t.length : end;
      } else if (c === "`" && this.continuation()) continue;
      else return;
    }
  }

  /** A backtick that ends the line continues the statement; one followed by spaces does not. */
  private continuation(): boolean {
    const t = this.text;
    let i = this.pos + 1;
    while (i < t.length && isSpace(t[i]) && t[i] !== "\r") i++;
    if (t[i] === "\r") i++;
    if (i < t.length && t[i] !== "\n") return false;
    if (i > this.pos + 1 && t[this.pos + 1] !== "\r")
      this.error(
        "broken-line-continuation",
        "this backtick is followed by spaces, so PowerShell does not continue the line: remove the spaces after it",
        this.pos,
        i,
      );
    this.pos = i + 1;
    return true;
  }

  /** Newlines and comments after a `|`, `,`, `=` or operator that ends a line. */
  protected skipAfterJoin(): void {
    this.skipBlank(false);
    while (this.text[this.pos] === "\n") {
      this.pos++;
      this.skipBlank(false);
    }
  }

  /** `$name` or `${any name}`; the position is left after it. */
  protected variableName(): { name: string; at: Offsets } | undefined {
    const t = this.text;
    const start = this.pos;
    this.pos++;
    if (t[this.pos] === "{") {
      const end = t.indexOf("}", this.pos);
      if (end < 0 || t.slice(this.pos, end).includes("\n")) return undefined;
      const name = t.slice(this.pos + 1, end);
      this.pos = end + 1;
      return name ? { name, at: { start, end: this.pos } } : undefined;
    }
    // `$_` and `$PSItem` are the pipeline's current object; `$?` and `$^` are not read.
    while (isNameChar(t[this.pos])) this.pos++;
    // A drive-qualified name such as $env:PATH or $script:x keeps its scope prefix.
    if (t[this.pos] === ":" && isLetter(t[this.pos + 1]) && this.pos > start + 1) {
      this.pos++;
      while (isNameChar(t[this.pos])) this.pos++;
    }
    if (this.pos === start + 1) return undefined;
    return { name: t.slice(start + 1, this.pos), at: { start, end: this.pos } };
  }

  protected singleQuoted(): { text: string; at: Offsets } | undefined {
    const t = this.text;
    const start = this.pos;
    let text = "";
    let i = start + 1;
    for (;;) {
      const end = t.indexOf("'", i);
      if (end < 0) {
        this.error("unterminated-quote", `this ${this.source[start]} is never closed`, start);
        this.pos = t.length;
        return undefined;
      }
      text += t.slice(i, end);
      if (t[end + 1] === "'") {
        text += this.source[end];
        i = end + 2;
        continue;
      }
      this.pos = end + 1;
      return { text, at: { start, end: this.pos } };
    }
  }

  /** `@'` … `'@` (a verbatim here-string): the lines between, without the last line break. */
  protected hereStringBody(quote: "'" | '"'): { body: Offsets; at: Offsets } | undefined {
    const t = this.text;
    const start = this.pos;
    let i = start + 2;
    while (isSpace(t[i])) i++;
    if (t[i] !== "\n") {
      this.error(
        "unsupported-powershell-syntax",
        `a here-string's @${quote} must end its line`,
        start,
        i + 1,
      );
      return undefined;
    }
    const bodyStart = i + 1;
    const close = new RegExp(`\\r?\\n${quote}@`, "g");
    close.lastIndex = i;
    const found = close.exec(t);
    if (!found) {
      this.error(
        "unterminated-quote",
        `this here-string is never closed with a line starting ${quote}@`,
        start,
        start + 2,
      );
      this.pos = t.length;
      return undefined;
    }
    this.pos = found.index + found[0].length;
    return {
      body: { start: bodyStart, end: Math.max(bodyStart, found.index) },
      at: { start, end: this.pos },
    };
  }

  /** A bare word in argument mode; a backtick escapes the next character. */
  protected bareWord(): { text: string; at: Offsets } {
    const t = this.text;
    const start = this.pos;
    let text = "";
    while (this.pos < t.length && !ENDS_WORD.has(t[this.pos]!)) {
      if (t[this.pos] === "`" && this.pos + 1 < t.length && t[this.pos + 1] !== "\n") {
        text += t[this.pos + 1];
        this.pos += 2;
        continue;
      }
      if (t[this.pos] === "`") break;
      text += t[this.pos];
      this.pos++;
    }
    return { text, at: { start, end: this.pos } };
  }

  /**
   * After an error: on from the statement's start to its end, a newline or `;` outside every
   * bracket, quote and comment (a `|` or `,` ending a line continues the statement). Inside a
   * block (`inBlock`), the `}` that closes the block ends it too, unread.
   */
  protected recover(start: number, inBlock = false): void {
    const t = this.text;
    let depth = 0;
    let last = "";
    let i = start;
    while (i < t.length) {
      const c = t[i]!;
      if (c === "'" || c === '"') {
        i = this.skipQuoted(i, c);
        last = c;
        continue;
      }
      if (c === "<" && t[i + 1] === "#") {
        const end = t.indexOf("#>", i + 2);
        i = end < 0 ? t.length : end + 2;
        continue;
      }
      if (c === "#" && (i === start || isSpace(t[i - 1]) || t[i - 1] === "\n")) {
        const end = t.indexOf("\n", i);
        i = end < 0 ? t.length : end;
        continue;
      }
      if (c === "`") {
        i += 2;
        continue;
      }
      if (OPENERS.has(c)) depth++;
      else if (c === "}" && depth === 0 && inBlock) break;
      else if (CLOSERS.has(c)) depth = Math.max(0, depth - 1);
      else if (depth === 0 && (c === ";" || (c === "\n" && last !== "|" && last !== ","))) break;
      if (!isSpace(c) && c !== "\n") last = c;
      i++;
    }
    this.pos = Math.max(i, start + 1);
  }

  /** The index after a quoted string that starts at `i` (its end, if it is never closed). */
  private skipQuoted(i: number, quote: string): number {
    const t = this.text;
    for (let j = i + 1; j < t.length; j++) {
      if (quote === '"' && t[j] === "`") j++;
      else if (t[j] === quote) {
        if (t[j + 1] === quote) j++;
        else return j + 1;
      }
    }
    return t.length;
  }
}
