import type { IssueCode } from "../../issue-codes.ts";
import type { Dialect } from "./dialect.ts";

/**
 * Splits a script into statements of words the way Bash or PowerShell would before running az:
 * quotes, escapes, line continuations, comments, `;`/`&&`/newline separators and simple
 * variables. No globbing (`*` stays `*`). A `$(…)` command substitution is read as one command
 * and handed to the reader's `Substitute`, which answers the few az reads the docs use
 * (`$(az vm list … --query "[].id" -o tsv)`) or says why it cannot. Every word keeps the source
 * offset of each of its characters so errors and `locate` can point into the text.
 */

export interface Word {
  text: string;
  /** Source range of the word (for an expanded variable, the `$NAME` reference). */
  start: number;
  end: number;
  /**
   * Where the characters of `text` come from, as runs: [textIndex, sourceOffset, step, ...]
   * triples; step 1 for characters copied from the source, 0 for an expansion (all its
   * characters point at the `$`). A word usually has one to three runs.
   */
  runs: number[];
}

/** The source offset of text character `i` of a word. */
export function sourceOffset(word: Word, i: number): number {
  const runs = word.runs;
  let r = 0;
  while (r + 3 < runs.length && runs[r + 3]! <= i) r += 3;
  if (runs.length === 0) return word.start;
  return runs[r + 1]! + (i - runs[r]!) * runs[r + 2]!;
}

export interface Statement {
  words: Word[];
  /** True when the shell layer already reported an error here; the statement is not run. */
  broken: boolean;
}

/** What a `$(…)` gives: its output, or why it cannot be worked out (with where). */
export type SubstitutionResult =
  { value: string } | { code: IssueCode; message: string; start: number; end: number };

/** Runs the command inside `$(…)`: its words (already expanded) and the span of the whole `$(…)`. */
export type Substitute = (words: Word[], at: { start: number; end: number }) => SubstitutionResult;

export interface ShellReaderOptions {
  substitute?: Substitute;
}

export interface ShellError {
  code: IssueCode;
  message: string;
  start: number;
  end: number;
}

/** A variable longer than this is almost certainly runaway doubling (`X="$X$X"`). */
const MAX_VARIABLE_LENGTH = 100_000;
/** No real az argument comes near this; `--description $X$X$X$X` after doubling would. */
export const MAX_WORD_LENGTH = 100_000;
/**
 * All the characters that variable references may bring into one script. Doubling a variable
 * sixteen times and using it on thousands of lines would otherwise take minutes of work.
 */
export const MAX_SCRIPT_EXPANSION = 2_000_000;

const isBlank = (c: string | undefined) =>
  c === " " || c === "\t" || c === "\u00a0" || c === "\f" || c === "\v";
const isNameStart = (c: string | undefined) => c !== undefined && /[A-Za-z_]/.test(c);
const isNameChar = (c: string | undefined) => c !== undefined && /[A-Za-z0-9_]/.test(c);
const BOUNDARY = new Set([" ", "\t", "\u00a0", "\f", "\v", "\n", ";", "&", "|", ">", "<", "(", ")"]);
/** Characters that end a plain run inside a word: boundaries, quotes, expansions, escapes. */
const SPECIAL_IN_WORD = new Set([...BOUNDARY, "\r", "'", '"', "$", "`", "\\"]);
const PS_ESCAPES: Record<string, string> = {
  n: "\n",
  t: "\t",
  r: "\r",
  "0": "\0",
  a: "\x07",
  b: "\b",
  e: "\x1b",
  f: "\f",
  v: "\v",
};

const BASH_ASSIGNMENT = /(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_]*)=/y;
/** The name inside `${…}` (PowerShell's `${env:NAME}` too); longer is no variable of a script. */
const BRACED = /^(env:)?[A-Za-z_][A-Za-z0-9_]*/;
const MAX_NAME = 256;
/** `${A:-${B:-…}}` deeper than this is no script's; each level scans its default again. */
const MAX_DEFAULT_DEPTH = 8;
const PS_ASSIGNMENT = /\$((?:env:)?[A-Za-z_][A-Za-z0-9_]*)[ \t]*=(?!=)/y;
const REDIRECTION = /(?:\d+|&|\*)?>>?(?:&(?:\d+|-))?/y;

class WordBuilder {
  text = "";
  runs: number[] = [];
  quoted = false;
  readonly words: Word[] = [];
  segmentStart: number;
  constructor(segmentStart: number) {
    this.segmentStart = segmentStart;
  }

  add(chars: string, offset: number, consecutive: boolean) {
    if (chars.length === 0) return;
    const runs = this.runs;
    const n = runs.length;
    const step = consecutive ? 1 : 0;
    // Extend the last run when these characters continue it in the source.
    // An expansion's characters all point at its `$`, so pieces of one expansion share a run too.
    const continues =
      n > 0 &&
      runs[n - 1] === step &&
      (step === 1 ? runs[n - 2]! + (this.text.length - runs[n - 3]!) === offset : runs[n - 2] === offset);
    if (!continues) runs.push(this.text.length, offset, step);
    this.text += chars;
  }
  get hasContent() {
    return this.text.length > 0 || this.quoted;
  }
  /** Ends the current word (Bash word splitting of an unquoted expansion). */
  split(end: number, nextStart: number) {
    if (this.hasContent) this.words.push({ text: this.text, start: this.segmentStart, end, runs: this.runs });
    this.text = "";
    this.runs = [];
    this.quoted = false;
    this.segmentStart = nextStart;
  }
  finish(end: number): Word[] {
    this.split(end, end);
    return this.words;
  }
}

interface Shared {
  vars: Map<string, string>;
  /** Characters brought in by variable references and substitutions so far (see MAX_SCRIPT_EXPANSION). */
  expanded: number;
}

export class ShellReader {
  pos = 0;
  readonly errors: ShellError[] = [];
  #broken = false;
  /** Variables and the expansion budget; a `$(…)`'s reader shares its script's. */
  readonly #shared: Shared;
  readonly #substitute: Substitute | undefined;
  /** True for the reader of a `$(…)`: no assignments (a subshell's would be lost) and no nesting. */
  readonly #inner: boolean;
  /** `${NAME:-…}` defaults being expanded inside one another. */
  #defaults = 0;
  /** For a handler's reader (`handlerReader`): where its text is in the script. */
  readonly #placed: Placement | undefined;

  readonly text: string;
  readonly dialect: Dialect;

  constructor(
    text: string,
    dialect: Dialect,
    options: ShellReaderOptions = {},
    shared?: Shared,
    placed?: Placement,
  ) {
    this.text = text;
    this.dialect = dialect;
    this.#substitute = options.substitute;
    this.#inner = shared !== undefined && placed === undefined;
    this.#placed = placed;
    this.#shared = shared ?? { vars: new Map(), expanded: 0 };
  }

  /**
   * A reader of the commands a word holds, run later in this script (a `trap` handler, which
   * Bash reads and runs when it fires): it shares the script's variables and `$(…)` answers, and
   * its words and errors point into the script. A handler written as one verbatim word (quoted
   * `'…'`) is located character by character; one built by expansions is located at its word.
   */
  handlerReader(word: Word): ShellReader {
    const verbatim = word.runs.length === 3 && word.runs[0] === 0 && word.runs[2] === 1;
    const placed: Placement = verbatim
      ? { shift: word.runs[1]! }
      : { at: { start: word.start, end: word.end } };
    return new ShellReader(word.text, this.dialect, { substitute: this.#substitute }, this.#shared, placed);
  }

  /** The next statement with at least one word, or undefined at the end of the text. */
  next(): Statement | undefined {
    while (this.pos < this.text.length) {
      const statement = this.#readStatement();
      if (statement.words.length > 0) {
        const placed = this.#placed;
        if (!placed) return statement;
        return { ...statement, words: statement.words.map((w) => placedWord(w, placed)) };
      }
    }
    return undefined;
  }

  #error(code: IssueCode, message: string, start: number, end: number) {
    const at = this.#placed && placedSpan(this.#placed, start, Math.max(end, start + 1));
    this.errors.push({
      code,
      message,
      start: at?.start ?? start,
      end: at?.end ?? Math.max(end, start + 1),
    });
    this.#broken = true;
  }

  #lineEndLength(p: number): number {
    const t = this.text;
    if (t[p] === "\n") return 1;
    if (t[p] === "\r" && t[p + 1] === "\n") return 2;
    return 0;
  }

  /**
   * At an escape character (`\` or a backtick): returns how many characters a line continuation
   * takes, or 0. A continuation character followed by spaces is reported: it escapes the
   * space, so the command really ends at that line (a classic copy-paste trap).
   */
  #continuation(p: number): number {
    const direct = this.#lineEndLength(p + 1);
    if (direct > 0) return 1 + direct;
    let q = p + 1;
    while (isBlank(this.text[q])) q++;
    const nl = this.#lineEndLength(q);
    if (q > p + 1 && nl > 0) {
      this.#error(
        "broken-line-continuation",
        `"${this.text[p]}" is followed by spaces, so the line does not continue; remove the trailing spaces`,
        p,
        q,
      );
      return q - p + nl;
    }
    return 0;
  }

  /** True when only blanks separate position p+1 from the end of the line. */
  #lineEndAfterBlanks(p: number): boolean {
    let q = p + 1;
    while (isBlank(this.text[q])) q++;
    return this.#lineEndLength(q) > 0;
  }

  #readStatement(): Statement {
    const t = this.text;
    const words: Word[] = [];
    this.#broken = false;
    let assigned = false;
    while (this.pos < t.length) {
      const c = t[this.pos]!;
      if (isBlank(c) || (c === "\r" && this.#lineEndLength(this.pos) === 0)) {
        this.pos++;
        continue;
      }
      const nl = this.#lineEndLength(this.pos);
      if (nl > 0 || c === ";") {
        this.pos += nl || 1;
        if (words.length > 0 || this.#broken || assigned) break;
        continue;
      }
      if (c === "#") {
        while (this.pos < t.length && t[this.pos] !== "\n") this.pos++;
        continue;
      }
      if (c === "\\" || c === "`") {
        const cont = this.#continuation(this.pos);
        if (cont > 0) {
          this.pos += cont;
          continue;
        }
      }
      REDIRECTION.lastIndex = this.pos;
      const redirect = REDIRECTION.exec(t);
      if (redirect && (c === ">" || /[\d&*]/.test(c))) {
        this.#skipRedirection(redirect[0]);
        continue;
      }
      if (c === "&" && t[this.pos + 1] === "&") {
        if (words.length === 0)
          this.#error("unsupported-shell-syntax", '"&&" needs a command before it', this.pos, this.pos + 2);
        this.pos += 2;
        break;
      }
      if (c === "&" || c === "|" || c === "<" || c === "(" || c === ")") {
        this.#unsupportedOperator(c);
        continue;
      }
      if (words.length === 0 && this.#readAssignment()) {
        assigned = true;
        continue;
      }
      const start = this.pos;
      const read = this.#readWord(false);
      if (assigned && this.dialect === "powershell")
        this.#error(
          "invalid-assignment",
          "a PowerShell assignment takes one value; put the command on its own line",
          start,
          this.pos,
        );
      words.push(...read);
    }
    return { words, broken: this.#broken };
  }

  #unsupportedOperator(c: string) {
    const t = this.text;
    const start = this.pos;
    const op = (c === "|" || c === "&") && t[start + 1] === c ? c + c : c;
    this.pos += op.length;
    const what: Record<string, string> = {
      "|": "pipes (|) are not supported: run each az command on its own",
      "||": '"||" is not supported: run each az command on its own',
      "&": "background commands (&) are not supported",
      "<": "input redirection (<) is not supported",
      "(": "subshells and parentheses are not supported; quote the value if it contains ( or )",
      ")": 'unexpected ")"; quote the value if it contains ( or )',
    };
    this.#error("unsupported-shell-syntax", what[op] ?? `"${op}" is not supported`, start, this.pos);
  }

  /** `> file`, `2>/dev/null`, `2>&1`: output routing changes nothing in Azure; skip it and its target. */
  #skipRedirection(op: string) {
    this.pos += op.length;
    if (op.includes("&") && /&(\d+|-)$/.test(op)) return;
    while (isBlank(this.text[this.pos])) this.pos++;
    const start = this.pos;
    const target = this.#readWord(true);
    if (target.length === 0 && this.pos === start)
      this.#error("unsupported-shell-syntax", `"${op}" needs a file name after it`, start - op.length, start);
  }

  /** `NAME=value` / `export NAME=value` (Bash), `$NAME = "value"` (PowerShell). Returns true if consumed. */
  #readAssignment(): boolean {
    const pattern = this.dialect === "bash" ? BASH_ASSIGNMENT : PS_ASSIGNMENT;
    pattern.lastIndex = this.pos;
    const match = pattern.exec(this.text);
    if (!match) return false;
    const nameStart = this.pos;
    this.pos += match[0].length;
    if (this.dialect === "powershell") {
      while (isBlank(this.text[this.pos])) this.pos++;
      if (
        this.pos >= this.text.length ||
        this.#lineEndLength(this.pos) > 0 ||
        this.text[this.pos] === ";" ||
        this.text[this.pos] === "#"
      ) {
        this.#error("invalid-assignment", `$${match[1]} = needs a value`, nameStart, this.pos);
        return true;
      }
    }
    const value = this.#readWord(true)
      .map((w) => w.text)
      .join("");
    if (value.length > MAX_VARIABLE_LENGTH) {
      this.#error(
        "value-too-long",
        `variable ${match[1]} is longer than ${MAX_VARIABLE_LENGTH} characters`,
        nameStart,
        this.pos,
      );
      return true;
    }
    if (this.#inner) {
      this.#error(
        "unsupported-shell-syntax",
        "an assignment inside $(…) is lost when the subshell ends; set the variable outside it",
        nameStart,
        this.pos,
      );
      return true;
    }
    this.#shared.vars.set(this.#varKey(match[1]!), value);
    return true;
  }

  /** Bash variable names are case-sensitive; PowerShell's are not. */
  #varKey(name: string) {
    return this.dialect === "powershell" ? name.toLowerCase() : name;
  }

  /** Reads one source word; unquoted expansions in Bash may split it into several. */
  #readWord(noSplit: boolean): Word[] {
    const t = this.text;
    const b = new WordBuilder(this.pos);
    const ps = this.dialect === "powershell";
    while (this.pos < t.length) {
      const c = t[this.pos]!;
      if (BOUNDARY.has(c) || (c === "\r" && this.#lineEndLength(this.pos) > 0)) break;
      if (c === "'") this.#readSingleQuoted(b);
      else if (c === '"') this.#readDoubleQuoted(b);
      else if (c === "$") this.#expand(b, !noSplit && !ps);
      else if (c === "`") this.#backtick(b, false);
      else if (c === "\\" && !ps) this.#bashEscape(b);
      else if (c === "\\" && ps && this.#lineEndAfterBlanks(this.pos))
        this.pos += this.#continuation(this.pos);
      else {
        // A run of ordinary characters is copied in one go.
        let end = this.pos + 1;
        while (end < t.length && !SPECIAL_IN_WORD.has(t[end]!)) end++;
        b.add(t.slice(this.pos, end), this.pos, true);
        this.pos = end;
      }
    }
    return b.finish(this.pos);
  }

  #bashEscape(b: WordBuilder) {
    const p = this.pos;
    const cont = this.#continuation(p);
    if (cont > 0) {
      this.pos += cont;
      return;
    }
    const next = this.text[p + 1];
    if (next === undefined) {
      b.add("\\", p, true);
      this.pos++;
      return;
    }
    b.add(next, p + 1, true);
    this.pos += 2;
  }

  /** PowerShell's escape character; in Bash a backtick starts command substitution. */
  #backtick(b: WordBuilder, inDoubleQuotes: boolean) {
    const p = this.pos;
    const cont = this.#continuation(p);
    if (cont > 0) {
      this.pos += cont;
      return;
    }
    if (this.dialect === "bash") {
      const close = this.text.indexOf("`", p + 1);
      this.pos = close < 0 ? this.text.length : close + 1;
      this.#error(
        "unsupported-shell-syntax",
        "command substitution with backticks is not supported; write the value itself",
        p,
        this.pos,
      );
      return;
    }
    const next = this.text[p + 1];
    if (next === undefined) {
      b.add("`", p, true);
      this.pos++;
      return;
    }
    b.add(PS_ESCAPES[next] ?? next, p, false);
    b.quoted ||= inDoubleQuotes;
    this.pos += 2;
  }

  #readSingleQuoted(b: WordBuilder) {
    const t = this.text;
    const open = this.pos;
    b.quoted = true;
    let p = open + 1;
    for (;;) {
      const close = t.indexOf("'", p);
      if (close < 0) {
        this.pos = t.length;
        this.#error("unterminated-quote", "unterminated single quote: add the closing '", open, open + 1);
        return;
      }
      b.add(t.slice(p, close), p, true);
      // PowerShell doubles a single quote to escape it inside single quotes.
      if (this.dialect === "powershell" && t[close + 1] === "'") {
        b.add("'", close, true);
        p = close + 2;
        continue;
      }
      this.pos = close + 1;
      return;
    }
  }

  #readDoubleQuoted(b: WordBuilder) {
    const t = this.text;
    const open = this.pos;
    const ps = this.dialect === "powershell";
    b.quoted = true;
    this.pos++;
    while (this.pos < t.length) {
      const c = t[this.pos]!;
      if (c === '"') {
        if (ps && t[this.pos + 1] === '"') {
          b.add('"', this.pos, true);
          this.pos += 2;
          continue;
        }
        this.pos++;
        return;
      }
      if (c === "$") {
        this.#expand(b, false);
      } else if (c === "`") {
        this.#backtick(b, true);
      } else if (c === "\\" && !ps) {
        const next = t[this.pos + 1];
        const nl = this.#lineEndLength(this.pos + 1);
        if (nl > 0) {
          this.pos += 1 + nl;
        } else if (next === "$" || next === "`" || next === '"' || next === "\\") {
          b.add(next, this.pos + 1, true);
          this.pos += 2;
        } else {
          b.add("\\", this.pos, true);
          this.pos++;
        }
      } else {
        b.add(c, this.pos, true);
        this.pos++;
      }
    }
    this.#error("unterminated-quote", 'unterminated double quote: add the closing "', open, open + 1);
  }

  /** `$NAME`, `${NAME}` (and PowerShell `$env:NAME`); anything fancier is reported. */
  #expand(b: WordBuilder, split: boolean) {
    const t = this.text;
    const start = this.pos;
    const next = t[start + 1];
    let name: string | undefined;
    let end: number;
    if (next === "{") {
      const braced = BRACED.exec(t.slice(start + 2, start + 2 + MAX_NAME));
      const after = braced ? start + 2 + braced[0].length : -1;
      const op = braced ? (t.startsWith(":-", after) ? ":-" : t[after] === "-" ? "-" : undefined) : undefined;
      if (braced && op && this.dialect === "bash" && !braced[1]) {
        this.#expandWithDefault(b, start, braced[0], op === ":-", after + op.length, split);
        return;
      }
      const close = t.indexOf("}", start + 2);
      end = close < 0 ? t.length : close + 1;
      if (!braced || t[after] !== "}" || (braced[1] !== undefined && this.dialect === "bash")) {
        this.pos = end;
        this.#error(
          "unsupported-shell-syntax",
          `"${t.slice(start, Math.min(end, start + 40))}" is not supported; use a plain \${NAME}${this.dialect === "bash" ? " or ${NAME:-default}" : ""}`,
          start,
          end,
        );
        return;
      }
      name = braced[0];
    } else if (next === "(") {
      this.#commandSubstitution(b, start, split);
      return;
    } else if (isNameStart(next)) {
      end = start + 1;
      while (isNameChar(t[end])) end++;
      name = t.slice(start + 1, end);
      if (
        this.dialect === "powershell" &&
        name.toLowerCase() === "env" &&
        t[end] === ":" &&
        isNameStart(t[end + 1])
      ) {
        end++;
        while (isNameChar(t[end])) end++;
        name = t.slice(start + 1, end);
      }
    } else if (next !== undefined && this.dialect === "bash" && /[0-9@*#?$!-]/.test(next)) {
      this.pos = start + 2;
      this.#error(
        "unsupported-shell-syntax",
        `$${next} (a positional or special parameter) is not supported; set a variable with NAME=value`,
        start,
        this.pos,
      );
      return;
    } else {
      b.add("$", start, true);
      this.pos++;
      return;
    }
    this.pos = end;
    const value = this.#shared.vars.get(this.#varKey(name));
    if (value === undefined) {
      const hint = this.dialect === "bash" ? `${name}=value` : `$${name} = "value"`;
      this.#error(
        "unset-variable",
        `variable $${name} is not set; set it earlier in the script (${hint})`,
        start,
        end,
      );
      return;
    }
    this.#insert(b, value, `$${name}`, start, end, split);
  }

  /**
   * `${NAME:-word}` (NAME unset or empty) and `${NAME-word}` (NAME unset) give the word instead
   * of the variable, expanded only when it is used (Bash manual, "Shell Parameter Expansion").
   * The word may hold text, `\` escapes and `$` expansions; quotes inside it are refused.
   */
  #expandWithDefault(
    b: WordBuilder,
    start: number,
    name: string,
    colon: boolean,
    from: number,
    split: boolean,
  ) {
    const t = this.text;
    const value = this.#shared.vars.get(this.#varKey(name));
    const close = defaultWordEnd(t, from);
    if (close.problem) {
      // Past the whole `${…}` when it closes after the quote, so one error covers it.
      const brace = close.at < 0 ? -1 : t.indexOf("}", close.at);
      this.pos = brace < 0 ? t.length : brace + 1;
      this.#error(
        close.at < 0 ? "unterminated-quote" : "unsupported-shell-syntax",
        close.at < 0
          ? `\${${name} is never closed: add the closing }`
          : "quotes inside a ${NAME:-default} are not supported; write the default without them",
        close.at < 0 ? start : close.at,
        close.at < 0 ? start + 2 : close.at + 1,
      );
      return;
    }
    if (value !== undefined && (!colon || value !== "")) {
      this.pos = close.at + 1;
      this.#insert(b, value, `$${name}`, start, this.pos, split);
      return;
    }
    if (this.#defaults >= MAX_DEFAULT_DEPTH) {
      this.pos = close.at + 1;
      this.#error(
        "nesting-too-deep",
        `defaults nested deeper than ${MAX_DEFAULT_DEPTH} levels (\${A:-\${B:-…}}); no script needs that`,
        start,
        this.pos,
      );
      return;
    }
    const d = new WordBuilder(from);
    this.pos = from;
    this.#defaults++;
    try {
      while (this.pos < close.at) {
        const c = t[this.pos]!;
        if (c === "$") this.#expand(d, false);
        else if (c === "\\") this.#bashEscape(d);
        else {
          d.add(c, this.pos, true);
          this.pos++;
        }
      }
    } finally {
      this.#defaults--;
    }
    this.pos = close.at + 1;
    this.#insert(b, d.text, `\${${name}:-…}`, start, this.pos, split);
  }

  /** The text of an expansion into the word being built, within the length budgets. */
  #insert(b: WordBuilder, value: string, label: string, start: number, end: number, split: boolean) {
    if (b.text.length + value.length > MAX_WORD_LENGTH) {
      this.#error(
        "value-too-long",
        `${label} makes this word longer than ${MAX_WORD_LENGTH.toLocaleString("en-US")} characters; no az argument is that long`,
        start,
        end,
      );
      return;
    }
    this.#shared.expanded += value.length;
    if (this.#shared.expanded > MAX_SCRIPT_EXPANSION) {
      this.#error(
        "value-too-long",
        `the script's variables expand to more than ${MAX_SCRIPT_EXPANSION.toLocaleString("en-US")} characters in all; write the values out instead`,
        start,
        end,
      );
      return;
    }
    if (!split) {
      b.add(value, start, false);
      return;
    }
    // Bash splits an unquoted expansion on whitespace into separate words.
    for (const piece of value.split(/([ \t\n]+)/)) {
      if (piece === "") continue;
      if (/^[ \t\n]/.test(piece)) {
        if (b.hasContent) b.split(end, start);
        else b.segmentStart = start;
      } else {
        b.add(piece, start, false);
      }
    }
  }

  /**
   * `$(command)`: the command is read by a reader of its own (sharing the script's variables),
   * then run by `substitute`; its output is inserted as a variable's would be, split into words
   * when unquoted, so `--ids $(az vm list … -o tsv)` gives one ID per word.
   */
  #commandSubstitution(b: WordBuilder, start: number, split: boolean) {
    const t = this.text;
    const close = this.#closingParen(start + 1);
    this.pos = close < 0 ? t.length : close + 1;
    const end = this.pos;
    if (t[start + 2] === "(") {
      this.#error(
        "unsupported-shell-syntax",
        "arithmetic $((…)) is not supported; write the number",
        start,
        end,
      );
      return;
    }
    if (close < 0) {
      this.#error("unterminated-quote", "$( is never closed: add the closing )", start, start + 2);
      return;
    }
    if (!this.#substitute || this.#inner) {
      this.#error(
        "unsupported-shell-syntax",
        this.#inner
          ? "a $(…) inside another $(…) is not supported; set a variable with the inner one first"
          : "command substitution $(...) is not supported; write the value itself",
        start,
        end,
      );
      return;
    }
    if (this.#shared.expanded > MAX_SCRIPT_EXPANSION) {
      // The budget is spent: say so without working out (and building) another output.
      this.#insert(b, "", "this $(…)", start, end, split);
      return;
    }
    const base = start + 2;
    const inner = new ShellReader(t.slice(base, close), this.dialect, {}, this.#shared);
    const statement = inner.next();
    const more = statement ? inner.next() : undefined;
    for (const e of inner.errors) this.#error(e.code, e.message, e.start + base, e.end + base);
    if (inner.errors.length > 0) return;
    if (!statement || more) {
      this.#error(
        "unsupported-substitution",
        statement ? "$(…) runs one command here; split it into steps" : "$() runs no command",
        start,
        end,
      );
      return;
    }
    const words = statement.words.map((w) => shifted(w, base));
    const result = this.#substitute(words, { start, end });
    if (!("value" in result)) {
      this.#error(result.code, result.message, result.start, result.end);
      return;
    }
    this.#insert(b, result.value, "this $(…)", start, end, split);
  }

  /** Where the `)` closing the `(` at `open` is, skipping quoted text; -1 when none. */
  #closingParen(open: number): number {
    const t = this.text;
    const ps = this.dialect === "powershell";
    let depth = 0;
    for (let i = open; i < t.length; i++) {
      const c = t[i];
      if (c === "(") depth++;
      else if (c === ")") {
        if (--depth === 0) return i;
      } else if (c === "'") {
        const q = t.indexOf("'", i + 1);
        if (q < 0) return -1;
        i = q;
      } else if (c === '"') {
        let j = i + 1;
        while (j < t.length && t[j] !== '"') j += t[j] === (ps ? "`" : "\\") ? 2 : 1;
        if (j >= t.length) return -1;
        i = j;
      } else if (c === (ps ? "`" : "\\")) i++;
    }
    return -1;
  }
}

/** Where a handler reader's text is in its script: a verbatim slice, or a word built by expansions. */
type Placement = { shift: number } | { at: { start: number; end: number } };

function placedSpan(placed: Placement, start: number, end: number): { start: number; end: number } {
  return "shift" in placed ? { start: start + placed.shift, end: end + placed.shift } : placed.at;
}

function placedWord(word: Word, placed: Placement): Word {
  if ("shift" in placed) return shifted(word, placed.shift);
  return { text: word.text, start: placed.at.start, end: placed.at.end, runs: [0, placed.at.start, 0] };
}

/**
 * Where the default word of `${NAME:-word}` that starts at `from` ends (its `}`), passing over
 * nested `${…}` and `$(…)`; `problem` with `at` -1 when nothing closes it, or at a quote.
 */
function defaultWordEnd(text: string, from: number): { at: number; problem: boolean } {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === "\\") i++;
    else if (c === "'" || c === '"' || c === "`") return { at: i, problem: true };
    else if (c === "$" && text[i + 1] === "{") {
      depth++;
      i++;
    } else if (c === "$" && text[i + 1] === "(") {
      // The $(…) itself is read when the word is expanded; here only its end matters.
      let parens = 0;
      for (i++; i < text.length; i++) {
        if (text[i] === "(") parens++;
        else if (text[i] === ")" && --parens === 0) break;
      }
      if (i >= text.length) return { at: -1, problem: true };
    } else if (c === "}") {
      if (depth === 0) return { at: i, problem: false };
      depth--;
    }
  }
  return { at: -1, problem: true };
}

/** A word read from a slice of the text, moved to where that slice starts. */
function shifted(word: Word, by: number): Word {
  const runs = word.runs.slice();
  for (let r = 1; r < runs.length; r += 3) runs[r]! += by;
  return { text: word.text, start: word.start + by, end: word.end + by, runs };
}
