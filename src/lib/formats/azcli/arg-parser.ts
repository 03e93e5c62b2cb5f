import { sourceOffset, type Word } from "./shell-words.ts";
import { closestMatch } from "../../text/closest-match.ts";
import type { IssueCode } from "../../issue-codes.ts";

/**
 * az parses arguments with Python's argparse, so we do what argparse does: `--flag value` and
 * `--flag=value`, `-gVALUE`, space-separated lists that run until the next option, last
 * occurrence wins, and unambiguous prefixes of long options are accepted. That prefix rule is
 * why the quickstart's `--source-address-prefix Internet` works: az registers only
 * `--source-address-prefixes`, and the singular spelling is a unique prefix of it.
 */

export type ArgKind =
  /** exactly one value */
  | "value"
  /** one or more values (argparse nargs="+") */
  | "list"
  /** zero or more values (nargs="*"), e.g. --tags */
  | "list0"
  /** no value (store_true) */
  | "flag"
  /** optional true/false value, as az's boolean arguments (--no-wait, --accelerated-networking) */
  | "bool";

export interface ArgSpec {
  key: string;
  /** Long names first (`--name`), then short (`-n`). */
  names: readonly string[];
  kind: ArgKind;
  required?: boolean;
  /** Part of the resource ID: not required when `--ids` names the resource instead. */
  idPart?: boolean;
}

export interface Offsets {
  start: number;
  end: number;
}

export interface ArgValue extends Offsets {
  text: string;
  word: Word;
  /** Index in word.text where the value starts (after `--flag=`). */
  from: number;
}

export interface ArgOccurrence {
  spec: ArgSpec;
  /** The option token as written. */
  flag: Offsets;
  values: ArgValue[];
}

export type ParsedArgs = Map<string, ArgOccurrence>;
export type Report = (code: IssueCode, message: string, at: Offsets, severity?: "error" | "warning") => void;

/** Options every az command accepts. */
export const GLOBAL_ARGS: readonly ArgSpec[] = [
  { key: "subscription", names: ["--subscription"], kind: "value" },
  { key: "output", names: ["--output", "-o"], kind: "value" },
  { key: "query", names: ["--query"], kind: "value" },
  { key: "debug", names: ["--debug"], kind: "flag" },
  { key: "verbose", names: ["--verbose"], kind: "flag" },
  { key: "onlyShowErrors", names: ["--only-show-errors"], kind: "flag" },
  { key: "help", names: ["--help", "-h"], kind: "flag" },
];

const BOOLEAN_WORDS = new Set(["true", "false", "yes", "no", "y", "n", "t", "f", "1", "0", "on", "off"]);
const NEGATIVE_NUMBER = /^-\d+$|^-\d*\.\d+$/;

/** The span of word.text[from, to) in the source. */
export function subSpan(word: Word, from: number, to: number = word.text.length): Offsets {
  const start = from < word.text.length ? sourceOffset(word, from) : word.end;
  const end = to > from ? sourceOffset(word, Math.min(to, word.text.length) - 1) + 1 : start;
  return { start, end: Math.max(end, start) };
}

type Classified =
  | { type: "option"; spec: ArgSpec; explicit?: { text: string; from: number } }
  | { type: "unknown"; name: string }
  | { type: "ambiguous"; name: string; candidates: string[] }
  | { type: "value" };

export class ArgParser {
  readonly #byName = new Map<string, ArgSpec>();
  readonly #longNames: string[] = [];

  readonly specs: readonly ArgSpec[];

  constructor(specs: readonly ArgSpec[]) {
    this.specs = specs;
    for (const spec of [...specs, ...GLOBAL_ARGS]) {
      for (const name of spec.names) {
        this.#byName.set(name, spec);
        if (name.startsWith("--")) this.#longNames.push(name);
      }
    }
  }

  #classify(text: string): Classified {
    if (!text.startsWith("-") || text.length < 2 || text === "--") return { type: "value" };
    const exact = this.#byName.get(text);
    if (exact) return { type: "option", spec: exact };
    const eq = text.indexOf("=");
    const name = eq >= 0 ? text.slice(0, eq) : text;
    const explicit = eq >= 0 ? { text: text.slice(eq + 1), from: eq + 1 } : undefined;
    const named = this.#byName.get(name);
    if (named) return { type: "option", spec: named, explicit };
    if (name.startsWith("--")) {
      const candidates = this.#longNames.filter((n) => n.startsWith(name));
      if (candidates.length === 1)
        return { type: "option", spec: this.#byName.get(candidates[0]!)!, explicit };
      if (candidates.length > 1) return { type: "ambiguous", name, candidates };
    } else {
      // argparse reads `-gmy-rg` as `-g my-rg` (and `-g=my-rg` as `-g my-rg`).
      const short = this.#byName.get(text.slice(0, 2));
      if (short && short.kind !== "flag" && short.kind !== "bool") {
        const from = text[2] === "=" ? 3 : 2;
        return { type: "option", spec: short, explicit: { text: text.slice(from), from } };
      }
    }
    if (NEGATIVE_NUMBER.test(text) || text.includes(" ")) return { type: "value" };
    return { type: "unknown", name };
  }

  parse(words: readonly Word[], report: Report): ParsedArgs {
    const parsed: ParsedArgs = new Map();
    const kinds = words.map((w) => this.#classify(w.text));
    let i = 0;
    const isValue = (j: number) => j < words.length && kinds[j]!.type === "value";
    while (i < words.length) {
      const word = words[i]!;
      const kind = kinds[i]!;
      const at = { start: word.start, end: word.end };
      i++;
      if (kind.type === "value") {
        if (word.text === "--")
          report("unknown-argument", '"--" ends the options; az takes no positional arguments here', at);
        else report("unknown-argument", `unrecognized arguments: ${word.text}`, at);
        continue;
      }
      if (kind.type === "unknown" || kind.type === "ambiguous") {
        report(
          kind.type === "ambiguous" ? "ambiguous-argument" : "unknown-argument",
          kind.type === "ambiguous"
            ? `ambiguous option: ${kind.name} could match ${kind.candidates.join(", ")}`
            : `unrecognized arguments: ${kind.name}${this.#suggest(kind.name)}`,
          kind.name.length < word.text.length ? subSpan(word, 0, kind.name.length) : at,
        );
        while (isValue(i)) i++; // its values belong to it, not to a cascade of errors
        continue;
      }
      const { spec, explicit } = kind;
      const flagName = spec.names.join("/");
      const values: ArgValue[] = [];
      const take = (j: number) =>
        values.push({
          text: words[j]!.text,
          word: words[j]!,
          from: 0,
          start: words[j]!.start,
          end: words[j]!.end,
        });
      if (explicit) {
        if (spec.kind === "flag") {
          report(
            "invalid-argument-value",
            `argument ${flagName}: ignored explicit argument '${explicit.text}'`,
            at,
          );
          continue;
        }
        const value: ArgValue = {
          text: explicit.text,
          word,
          from: explicit.from,
          ...subSpan(word, explicit.from),
        };
        if (spec.kind === "bool" && !BOOLEAN_WORDS.has(explicit.text.toLowerCase())) {
          report(
            "invalid-argument-value",
            `argument ${flagName}: invalid bool value: '${explicit.text}' (use true or false)`,
            value.end > value.start ? value : at,
          );
          continue;
        }
        values.push(value);
      } else if (spec.kind === "value") {
        if (!isValue(i)) {
          report("missing-argument-value", `argument ${flagName}: expected one argument`, at);
          continue;
        }
        take(i++);
      } else if (spec.kind === "list" || spec.kind === "list0") {
        while (isValue(i)) take(i++);
        if (values.length === 0 && spec.kind === "list") {
          report("missing-argument-value", `argument ${flagName}: expected at least one argument`, at);
          continue;
        }
      } else if (spec.kind === "bool" && isValue(i) && BOOLEAN_WORDS.has(words[i]!.text.toLowerCase())) {
        take(i++);
      }
      parsed.set(spec.key, { spec, flag: at, values });
    }
    return parsed;
  }

  #suggest(name: string): string {
    const best = closestMatch(name, this.#longNames, 3);
    return best ? ` (did you mean ${best}?)` : "";
  }
}

/** Names of required arguments that were not given, as az lists them. */
export function missingRequired(specs: readonly ArgSpec[], parsed: ParsedArgs): string[] {
  return specs.filter((s) => s.required && !parsed.has(s.key)).map((s) => s.names.join("/"));
}
