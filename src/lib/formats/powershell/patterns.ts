/**
 * The patterns of `-like` (wildcards: `*`, `?`, `[a-z]`) and `-match` (.NET regular expressions),
 * matched without backtracking: `-match` compiles to an NFA that is run over the text once
 * (Thompson's construction), so a pattern such as `(a+)+$` cannot hang the reader as it would a
 * backtracking engine. The subset covers what filters on rule names use: literals, `.`, classes,
 * `\d \w \s \b`, anchors, groups, `|` and the quantifiers. Back-references and look-arounds are
 * refused by name. Every step is counted against a budget that the whole script shares.
 */

export interface Budget {
  steps: number;
}

export type PatternResult = { ok: true; match: boolean } | { ok: false; reason: string };

const MAX_STATES = 2000;

/** `-like`: the whole text matches the wildcard pattern (case-insensitive unless told). */
export function wildcardMatch(
  text: string,
  pattern: string,
  caseSensitive: boolean,
  budget: Budget,
): PatternResult {
  const t = caseSensitive ? text : text.toLowerCase();
  const p = caseSensitive ? pattern : pattern.toLowerCase();
  // Greedy matching that remembers only the last `*`: O(text × pattern) at worst.
  let ti = 0;
  let pi = 0;
  let starPi = -1;
  let starTi = 0;
  while (ti < t.length) {
    if (--budget.steps < 0)
      return { ok: false, reason: "the script's -like patterns take too long to check" };
    const step = pi < p.length ? wildStep(t[ti]!, p, pi) : -1;
    if (step > 0) {
      ti++;
      pi += step;
    } else if (pi < p.length && p[pi] === "*") {
      starPi = pi++;
      starTi = ti;
    } else if (starPi >= 0) {
      pi = starPi + 1;
      ti = ++starTi;
    } else return { ok: true, match: false };
  }
  while (p[pi] === "*") pi++;
  return { ok: true, match: pi === p.length };
}

/** How far the pattern moves when `c` matches at `pi` (0 when it does not; `*` is handled by the caller). */
function wildStep(c: string, p: string, pi: number): number {
  const k = p[pi]!;
  if (k === "*") return 0;
  if (k === "?") return 1;
  if (k === "`" && pi + 1 < p.length) return p[pi + 1] === c ? 2 : 0;
  if (k === "[") {
    const close = p.indexOf("]", pi + 2);
    if (close < 0) return k === c ? 1 : 0;
    const body = p.slice(pi + 1, close);
    for (let i = 0; i < body.length; i++) {
      if (body[i + 1] === "-" && i + 2 < body.length) {
        if (c >= body[i]! && c <= body[i + 2]!) return close - pi + 1;
        i += 2;
      } else if (body[i] === c) return close - pi + 1;
    }
    return 0;
  }
  return k === c ? 1 : 0;
}

// --- -match ----------------------------------------------------------------------------------

type CharTest = (c: string) => boolean;
type Assertion = "start" | "end" | "word" | "notword";

type Node =
  | { kind: "char"; test: CharTest }
  | { kind: "assert"; what: Assertion }
  | { kind: "seq"; items: Node[] }
  | { kind: "alt"; options: Node[] }
  | { kind: "repeat"; node: Node; min: number; max: number };

type State =
  | { kind: "char"; test: CharTest; out: number }
  | { kind: "assert"; what: Assertion; out: number }
  | { kind: "split"; out: number; out2: number }
  | { kind: "match" };

const isWord = (c: string | undefined) => c !== undefined && /\w/.test(c);
const CLASSES: Readonly<Record<string, CharTest>> = {
  d: (c) => c >= "0" && c <= "9",
  D: (c) => !(c >= "0" && c <= "9"),
  w: (c) => isWord(c),
  W: (c) => !isWord(c),
  s: (c) => /\s/.test(c),
  S: (c) => !/\s/.test(c),
};
const ESCAPED: Readonly<Record<string, string>> = {
  t: "\t",
  n: "\n",
  r: "\r",
  f: "\f",
  v: "\v",
  e: "\u001b",
};

class PatternSyntaxError extends Error {}

class RegexParser {
  #i = 0;
  readonly #p: string;
  readonly #fold: boolean;

  constructor(pattern: string, fold: boolean) {
    this.#p = pattern;
    this.#fold = fold;
  }

  parse(): Node {
    const node = this.#alternation(0);
    if (this.#i < this.#p.length) throw new PatternSyntaxError(`unexpected ")" at ${this.#i + 1}`);
    return node;
  }

  #alternation(depth: number): Node {
    if (depth > 32) throw new PatternSyntaxError("groups nested too deep");
    const options = [this.#sequence(depth)];
    while (this.#p[this.#i] === "|") {
      this.#i++;
      options.push(this.#sequence(depth));
    }
    return options.length === 1 ? options[0]! : { kind: "alt", options };
  }

  #sequence(depth: number): Node {
    const items: Node[] = [];
    while (this.#i < this.#p.length && this.#p[this.#i] !== "|" && this.#p[this.#i] !== ")") {
      const atom = this.#atom(depth);
      items.push(this.#quantified(atom));
    }
    return { kind: "seq", items };
  }

  /** A quantifier at the position (consumed), if there is one. */
  #quantifier(): { min: number; max: number } | undefined {
    const p = this.#p;
    const c = p[this.#i];
    if (c === "*" || c === "+" || c === "?") {
      this.#i++;
      return c === "*"
        ? { min: 0, max: Infinity }
        : c === "+"
          ? { min: 1, max: Infinity }
          : { min: 0, max: 1 };
    }
    const m = c === "{" ? /^\{(\d+)(,(\d*))?\}/.exec(p.slice(this.#i, this.#i + 16)) : null;
    if (!m) return undefined;
    const min = Number(m[1]);
    const max = m[2] === undefined ? min : m[3] === "" ? Infinity : Number(m[3]);
    if (min > 1000 || (max !== Infinity && max > 1000) || max < min)
      throw new PatternSyntaxError(`the count ${m[0]} is not one NSG Lab checks`);
    this.#i += m[0].length;
    return { min, max };
  }

  #quantified(atom: Node): Node {
    const q = this.#quantifier();
    if (!q) return atom;
    if (atom.kind === "assert") throw new PatternSyntaxError("an anchor cannot repeat");
    // A lazy ? changes which match is found, not whether there is one.
    if (this.#p[this.#i] === "?") this.#i++;
    // .NET refuses a quantifier after another ("nested quantifier"), possessive + included.
    const at = this.#i;
    if (this.#quantifier()) throw new PatternSyntaxError(`nested quantifier "${this.#p.slice(at, this.#i)}"`);
    return { kind: "repeat", node: atom, ...q };
  }

  #atom(depth: number): Node {
    const p = this.#p;
    const c = p[this.#i]!;
    this.#i++;
    if (c === "(") {
      if (p[this.#i] === "?") {
        const next = p[this.#i + 1];
        if (next === ":") this.#i += 2;
        else if (next === "<" && /[A-Za-z]/.test(p[this.#i + 2] ?? ""))
          this.#i = p.indexOf(">", this.#i) + 1 || p.length;
        else if (next === "'") this.#i = p.indexOf("'", this.#i + 2) + 1 || p.length;
        else
          throw new PatternSyntaxError(
            `(?${next ?? ""} (look-arounds and inline options) are not read by NSG Lab`,
          );
      }
      const inner = this.#alternation(depth + 1);
      if (p[this.#i] !== ")") throw new PatternSyntaxError("a ( is never closed");
      this.#i++;
      return inner;
    }
    if (c === "[") return this.#class();
    if (c === ".") return { kind: "char", test: (x) => x !== "\n" };
    if (c === "^") return { kind: "assert", what: "start" };
    if (c === "$") return { kind: "assert", what: "end" };
    if (c === "\\") return this.#escape();
    if (c === "*" || c === "+" || c === "?" || c === ")")
      throw new PatternSyntaxError(`"${c}" has nothing to repeat`);
    return this.#literal(c);
  }

  #literal(c: string): Node {
    if (!this.#fold) return { kind: "char", test: (x) => x === c };
    const lower = c.toLowerCase();
    return { kind: "char", test: (x) => x.toLowerCase() === lower };
  }

  #escape(): Node {
    const p = this.#p;
    const e = p[this.#i];
    if (e === undefined) throw new PatternSyntaxError("the pattern ends with a lone \\");
    this.#i++;
    const cls = CLASSES[e];
    if (cls) return { kind: "char", test: cls };
    if (e === "b") return { kind: "assert", what: "word" };
    if (e === "B") return { kind: "assert", what: "notword" };
    if (e === "A") return { kind: "assert", what: "start" };
    if (e === "z" || e === "Z") return { kind: "assert", what: "end" };
    if (/[1-9k]/.test(e))
      throw new PatternSyntaxError("back-references (\\1, \\k<name>) are not read by NSG Lab");
    if (/[pPuxc]/.test(e)) throw new PatternSyntaxError(`\\${e} escapes are not read by NSG Lab`);
    return this.#literal(ESCAPED[e] ?? e);
  }

  #class(): Node {
    const p = this.#p;
    const negate = p[this.#i] === "^";
    if (negate) this.#i++;
    const tests: CharTest[] = [];
    let first = true;
    while (this.#i < p.length && (p[this.#i] !== "]" || first)) {
      first = false;
      let c = p[this.#i]!;
      this.#i++;
      if (c === "\\") {
        const e = p[this.#i++];
        if (e === undefined) break;
        const cls = CLASSES[e];
        if (cls) {
          tests.push(cls);
          continue;
        }
        c = ESCAPED[e] ?? e;
      }
      if (p[this.#i] === "-" && p[this.#i + 1] !== "]" && this.#i + 1 < p.length) {
        let hi = p[this.#i + 1]!;
        this.#i += 2;
        if (hi === "\\") hi = p[this.#i++] ?? hi;
        const lo = c;
        tests.push(
          this.#fold
            ? (x) =>
                (x >= lo && x <= hi) ||
                (x.toLowerCase() >= lo && x.toLowerCase() <= hi) ||
                (x.toUpperCase() >= lo && x.toUpperCase() <= hi)
            : (x) => x >= lo && x <= hi,
        );
      } else {
        const lit = this.#fold ? c.toLowerCase() : c;
        tests.push(this.#fold ? (x) => x.toLowerCase() === lit : (x) => x === lit);
      }
    }
    if (p[this.#i] !== "]") throw new PatternSyntaxError("a [ is never closed");
    this.#i++;
    return { kind: "char", test: (x) => tests.some((t) => t(x)) !== negate };
  }
}

/** Thompson's construction: states in an array, each fragment with the outs to patch. */
class Compiler {
  readonly states: State[] = [];

  #add(state: State): number {
    if (this.states.length >= MAX_STATES)
      throw new PatternSyntaxError("the pattern is too large for NSG Lab to check");
    this.states.push(state);
    return this.states.length - 1;
  }

  /** Compiles `node` so that it continues to `next`; returns its entry state. */
  compile(node: Node, next: number): number {
    switch (node.kind) {
      case "char":
        return this.#add({ kind: "char", test: node.test, out: next });
      case "assert":
        return this.#add({ kind: "assert", what: node.what, out: next });
      case "seq": {
        let entry = next;
        for (let i = node.items.length - 1; i >= 0; i--) entry = this.compile(node.items[i]!, entry);
        return entry;
      }
      case "alt": {
        let entry = this.compile(node.options[node.options.length - 1]!, next);
        for (let i = node.options.length - 2; i >= 0; i--)
          entry = this.#add({ kind: "split", out: this.compile(node.options[i]!, next), out2: entry });
        return entry;
      }
      case "repeat": {
        let entry = next;
        if (node.max === Infinity) {
          // A loop: split → body → back to the split.
          const loop = this.#add({ kind: "split", out: -1, out2: next });
          const body = this.compile(node.node, loop);
          (this.states[loop] as { out: number }).out = body;
          entry = loop;
        } else {
          for (let i = node.min; i < node.max; i++)
            entry = this.#add({ kind: "split", out: this.compile(node.node, entry), out2: next });
        }
        for (let i = 0; i < node.min; i++) entry = this.compile(node.node, entry);
        return entry;
      }
    }
  }
}

interface Compiled {
  states: State[];
  start: number;
}

const cache = new Map<string, Compiled | string>();

function compileRegex(pattern: string, fold: boolean): Compiled | string {
  const key = `${fold ? "i" : "c"}${pattern}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  let result: Compiled | string;
  try {
    const node = new RegexParser(pattern, fold).parse();
    const compiler = new Compiler();
    const match = compiler.states.push({ kind: "match" }) - 1;
    result = { states: compiler.states, start: compiler.compile(node, match) };
  } catch (error) {
    if (!(error instanceof PatternSyntaxError)) throw error;
    result = error.message;
  }
  if (cache.size > 200) cache.clear();
  cache.set(key, result);
  return result;
}

/** `-match`: the pattern is found somewhere in the text (case-insensitive unless told). */
export function regexMatch(
  text: string,
  pattern: string,
  caseSensitive: boolean,
  budget: Budget,
): PatternResult {
  const compiled = compileRegex(pattern, !caseSensitive);
  if (typeof compiled === "string") return { ok: false, reason: compiled };
  const { states, start } = compiled;
  let current: number[] = [];
  const mark = new Int32Array(states.length).fill(-1);
  let generation = 0;
  const add = (list: number[], s: number, i: number): boolean => {
    const stack = [s];
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (mark[id] === generation) continue;
      mark[id] = generation;
      const state = states[id]!;
      if (state.kind === "match") return true;
      if (state.kind === "split") stack.push(state.out2, state.out);
      else if (state.kind === "assert") {
        if (holds(state.what, text, i)) stack.push(state.out);
      } else list.push(id);
    }
    return false;
  };
  for (let i = 0; ; i++) {
    budget.steps -= current.length + 1;
    if (budget.steps < 0) return { ok: false, reason: "the script's -match patterns take too long to check" };
    // Unanchored: a match may start at every position.
    if (add(current, start, i)) return { ok: true, match: true };
    if (i >= text.length) return { ok: true, match: false };
    const c = text[i]!;
    generation++;
    const next: number[] = [];
    for (const id of current) {
      const state = states[id] as Extract<State, { kind: "char" }>;
      if (state.test(c) && add(next, state.out, i + 1)) return { ok: true, match: true };
    }
    current = next;
  }
}

function holds(what: Assertion, text: string, i: number): boolean {
  switch (what) {
    case "start":
      return i === 0;
    case "end":
      return i === text.length || (i === text.length - 1 && text[i] === "\n");
    case "word":
      return isWord(text[i - 1]) !== isWord(text[i]);
    case "notword":
      return isWord(text[i - 1]) === isWord(text[i]);
  }
}
