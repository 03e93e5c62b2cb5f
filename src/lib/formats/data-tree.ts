import { getNodeValue, parseTree, type Node, type ParseError } from "jsonc-parser";
import {
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  visit,
  type Document,
  type Node as YamlNode,
  type Pair,
  type YAMLError,
  type YAMLMap,
} from "yaml";
import type { Issue, IssuePath, Result, SourceSpan } from "../result.ts";
import { describeJsonSyntaxError } from "./json-syntax-error.ts";
import { blankBom, MAX_NESTING, startsLikeJson, tooDeepAt, yamlTooDeepAt } from "./sniff.ts";
import { formatSpan, LineIndex } from "./source-span.ts";
import { readStrictJson } from "./strict-json.ts";

/**
 * Parsed JSON or YAML that remembers where every value came from, so that an issue found
 * later (by zod, by the evaluator) can be pointed at in the learner's or author's text.
 */
export interface DataTree {
  value: unknown;
  /** Span of the value at `path`, or of the closest ancestor that exists. */
  spanAt(path: IssuePath): SourceSpan;
  /** Span of the key of the property at `path` (for "unknown property" issues). */
  keySpanAt(path: IssuePath): SourceSpan | undefined;
}

const DOCUMENT_START: SourceSpan = { line: 1, column: 1, endLine: 1, endColumn: 1 };

export type DataTreeResult = Result<DataTree>;

const tooDeep = (lines: LineIndex, at: number): { ok: false; errors: Issue[] } => ({
  ok: false,
  errors: [
    {
      code: "nesting-too-deep",
      message: `nested more than ${MAX_NESTING} levels deep here; rules and scenarios need only a few levels`,
      path: [],
      span: lines.span(at, at + 1),
    },
  ],
});

/**
 * JSON as ARM accepts it: comments allowed, trailing commas not, a byte-order mark ignored.
 * Strict JSON, as nearly every paste is, is read natively and located only when an issue asks
 * where: the located tree costs ten times the read (7,994 rules: 90 ms against 7) and a text
 * without mistakes never needs it. Any other text is read located, which also says where it is
 * wrong.
 */
export function parseJsonTree(input: string): DataTreeResult {
  const text = blankBom(input);
  const strict = readStrictJson(text);
  if (strict) {
    let located: JsonLocator | undefined;
    const locator = (): JsonLocator => {
      if (located) return located;
      const read = readLocatedJson(text);
      // Strict JSON always reads located (the property test in tests/formats/strict-json.test.ts).
      located = read.ok
        ? read.value.locator
        : { spanAt: () => DOCUMENT_START, keySpanAt: () => DOCUMENT_START };
      return located;
    };
    return {
      ok: true,
      value: {
        value: strict.value,
        spanAt: (path) => locator().spanAt(path),
        keySpanAt: (path) => locator().keySpanAt(path),
      },
    };
  }
  const read = readLocatedJson(text);
  return read.ok
    ? { ok: true, value: { value: getNodeValue(read.value.root), ...read.value.locator } }
    : read;
}

type JsonLocator = Pick<DataTree, "spanAt" | "keySpanAt">;

/** jsonc-parser's tree of a JSON text, with where each value is, or the first thing wrong with it. */
function readLocatedJson(text: string): Result<{ root: Node; locator: JsonLocator }> {
  const lines = new LineIndex(text);
  const deepAt = tooDeepAt(text, "json");
  if (deepAt >= 0) return tooDeep(lines, deepAt);
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, {
    allowTrailingComma: false,
    disallowComments: false,
    allowEmptyContent: false,
  });
  if (errors.length > 0 || !root) {
    // Only the first error: the parser's recovery turns one slip into a cascade of others.
    const first: ParseError = errors[0] ?? { error: 4 /* ValueExpected */, offset: 0, length: 0 };
    const described = describeJsonSyntaxError(text, first, lines);
    return {
      ok: false,
      errors: [
        {
          code: "invalid-json",
          message: `Invalid JSON: ${described.message}`,
          path: [],
          span: lines.span(described.start, described.end),
        },
      ],
    };
  }
  const { propertiesOf, duplicates } = indexProperties(root);
  if (duplicates.length > 0) {
    const at = (n: Node) => lines.span(n.offset, n.offset + n.length);
    return {
      ok: false,
      errors: duplicates.slice(0, 20).flatMap(([first, second]) => {
        const key = JSON.stringify(String(first.value));
        const note = "only the last one would count, silently";
        return [
          {
            code: "duplicate-key",
            message: `duplicate key ${key}: it is written again at ${formatSpan(at(second))}; ${note}`,
            path: [],
            span: at(first),
          },
          {
            code: "duplicate-key",
            message: `duplicate key ${key}: it is already written at ${formatSpan(at(first))}; ${note}`,
            path: [],
            span: at(second),
          },
        ];
      }),
    };
  }
  /** The node at `path`: each step is one map lookup, so locating every issue stays linear. */
  const nodeAt = (path: IssuePath): Node | undefined => {
    let node: Node | undefined = root;
    for (const key of path) {
      if (!node) return undefined;
      if (node.type === "object") node = propertiesOf.get(node)?.get(String(key))?.children?.[1];
      else if (node.type === "array" && typeof key === "number") node = node.children?.[key];
      else return undefined;
    }
    return node;
  };
  const nearest = (path: IssuePath): Node | undefined => {
    for (let n = path.length; n >= 0; n--) {
      const node = nodeAt(path.slice(0, n));
      if (node) return node;
    }
    return undefined;
  };
  const spanAt = (path: IssuePath): SourceSpan => {
    const node = nearest(path);
    return node ? lines.span(node.offset, node.offset + node.length) : DOCUMENT_START;
  };
  return {
    ok: true,
    value: {
      root,
      locator: {
        spanAt,
        keySpanAt(path) {
          const node = nodeAt(path);
          const key = node?.parent?.type === "property" ? node.parent.children?.[0] : undefined;
          return key ? lines.span(key.offset, key.offset + key.length) : spanAt(path);
        },
      },
    },
  };
}

/**
 * Every object's properties by name, built in one pass over the tree (iterative: depth is
 * bounded before parsing, but a walk should not depend on that), with the keys written twice.
 */
function indexProperties(root: Node): {
  propertiesOf: Map<Node, Map<string, Node>>;
  duplicates: [Node, Node][];
} {
  const propertiesOf = new Map<Node, Map<string, Node>>();
  const duplicates: [Node, Node][] = [];
  const stack: Node[] = [root];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.type === "object") {
      const byName = new Map<string, Node>();
      for (const property of node.children ?? []) {
        const key = property.children?.[0];
        if (!key) continue;
        const name = String(key.value);
        const earlier = byName.get(name);
        if (earlier?.children?.[0]) duplicates.push([earlier.children[0], key]);
        byName.set(name, property);
        const value = property.children?.[1];
        if (value) stack.push(value);
      }
      propertiesOf.set(node, byName);
    } else if (node.type === "array") stack.push(...(node.children ?? []));
  }
  duplicates.sort((a, b) => a[1].offset - b[1].offset);
  return { propertiesOf, duplicates };
}

/**
 * Every YAML map's pairs by key, built in one iterative pass, with the keys written twice.
 * (The yaml package's own `uniqueKeys` check compares each key with every earlier one: 25,000
 * keys took seven seconds.)
 */
function indexPairs(root: unknown): {
  pairsOf: Map<YAMLMap, Map<unknown, Pair>>;
  duplicates: [Pair, Pair][];
} {
  const pairsOf = new Map<YAMLMap, Map<unknown, Pair>>();
  const duplicates: [Pair, Pair][] = [];
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const pairs = new Map<unknown, Pair>();
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? pair.key.value : pair.key;
        const earlier = pairs.get(key);
        if (earlier) duplicates.push([earlier, pair]);
        pairs.set(key, pair);
        stack.push(pair.value);
      }
      pairsOf.set(node, pairs);
    } else if (isSeq(node)) stack.push(...node.items);
  }
  return { pairsOf, duplicates };
}

/** yaml's error codes for aliases and anchors; an unquoted lone "*" (any port) reads as an alias. */
const ALIAS_ERRORS: ReadonlySet<YAMLError["code"]> = new Set(["BAD_ALIAS", "ALIAS_PROPS"]);
const isAliasError = (e: YAMLError, text: string) => ALIAS_ERRORS.has(e.code) && text[e.pos[0]] !== "&";

function hasAlias(doc: Document): boolean {
  let found = false;
  visit(doc, {
    Alias() {
      found = true;
      return visit.BREAK;
    },
  });
  return found;
}

/** One YAML slip can cascade; the first few say what is wrong. */
const YAML_ERRORS_LISTED = 20;
/** How much of a large text is read first, to see whether it is hopelessly broken. */
const YAML_PROBE_CHARS = 8 * 1024;
const YAML_OPTIONS = { prettyErrors: false, uniqueKeys: false, strict: true } as const;

/**
 * The yaml package spends about 5 µs on each problem it finds, and 64 KB of quotes holds 32,000
 * of them: over 300 ms per keystroke. So a large text is read in two steps. When its first 8 KB
 * already show more problems than are listed (well before the cut, so none is an artefact of
 * cutting), those are the answer; otherwise the whole text is read. Stack traces are off while
 * parsing: each problem is an Error, and capturing its stack is most of that cost.
 */
function parseYamlDocument(text: string): { doc: Document; moreErrors: boolean } {
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    // Cut at a line end when there is one near the probe's size (else mid-line: errors near the
    // cut are not counted anyway).
    const lineEnd = text.lastIndexOf("\n", YAML_PROBE_CHARS);
    const cut =
      text.length <= 2 * YAML_PROBE_CHARS ? -1 : lineEnd > YAML_PROBE_CHARS / 2 ? lineEnd : YAML_PROBE_CHARS;
    if (cut > 0) {
      const probe = parseDocument(text.slice(0, cut + 1), YAML_OPTIONS);
      const early = probe.errors.filter((e) => e.pos[1] < cut / 2);
      if (early.length > YAML_ERRORS_LISTED) {
        probe.errors = early;
        return { doc: probe, moreErrors: true };
      }
    }
    const doc = parseDocument(text, YAML_OPTIONS);
    return { doc, moreErrors: doc.errors.length > YAML_ERRORS_LISTED };
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}

/** YAML 1.2 (JSON is valid YAML, so authors may use either). */
export function parseYamlTree(text: string): DataTreeResult {
  // Only blank lines: an empty document, without the yaml package's per-line work.
  if (text.length > 0 && text.trim() === "") return parseYamlTree("");
  // JSON is YAML 1.2, and the JSON reader is many times faster than the YAML one: YAML that is
  // valid JSON (or JSON with a duplicate key) is read as JSON, with the same meaning.
  if (startsLikeJson(text)) {
    const json = parseJsonTree(text);
    if (json.ok || json.errors.every((e) => e.code === "duplicate-key" || e.code === "nesting-too-deep"))
      return json;
  }
  const lines = new LineIndex(text);
  const bracketsAt = tooDeepAt(text, "yaml");
  const deepAt = bracketsAt >= 0 ? bracketsAt : yamlTooDeepAt(text);
  if (deepAt >= 0) return tooDeep(lines, deepAt);
  const { doc, moreErrors } = parseYamlDocument(text);
  if (doc.errors.length > 0) {
    const listed = doc.errors.slice(0, YAML_ERRORS_LISTED).map((e): Issue => ({
      code: "yaml-syntax",
      message: `Invalid YAML: ${e.message.split("\n")[0]}${isAliasError(e, text) ? ' (quote a lone asterisk: "*")' : ""}`,
      path: [],
      span: lines.span(e.pos[0], e.pos[1]),
    }));
    const last = listed.at(-1)!;
    const more = moreErrors
      ? [{ ...last, message: "…and more problems after these, not listed: fix the ones above first" }]
      : [];
    return { ok: false, errors: [...listed, ...more] };
  }
  const rangeSpan = (node: YamlNode) =>
    node.range ? lines.span(node.range[0], node.range[1]) : DOCUMENT_START;
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    // Aliases are only resolved here (e.g. "*x" with no "&x" anchor, or an alias bomb).
    const at = hasAlias(doc) ? text.indexOf("*") : 0;
    return {
      ok: false,
      errors: [
        {
          code: "yaml-syntax",
          message: `Invalid YAML: ${(e as Error).message} (quote a lone asterisk: "*")`,
          path: [],
          span: lines.span(Math.max(0, at), Math.max(0, at) + 1),
        },
      ],
    };
  }
  const { pairsOf, duplicates } = indexPairs(doc.contents);
  if (duplicates.length > 0) {
    const keySpan = (pair: Pair) => rangeSpan(pair.key as YamlNode);
    return {
      ok: false,
      errors: duplicates.slice(0, 20).flatMap(([first, second]) => {
        const key = JSON.stringify(String(isScalar(first.key) ? first.key.value : first.key));
        return [
          {
            code: "duplicate-key",
            message: `Invalid YAML: map keys must be unique: ${key} is written again at ${formatSpan(keySpan(second))}`,
            path: [],
            span: keySpan(first),
          },
          {
            code: "duplicate-key",
            message: `Invalid YAML: map keys must be unique: ${key} is already written at ${formatSpan(keySpan(first))}`,
            path: [],
            span: keySpan(second),
          },
        ];
      }),
    };
  }
  const child = (node: unknown, key: string | number): unknown =>
    isMap(node)
      ? pairsOf.get(node)?.get(key)
      : isSeq(node) && typeof key === "number"
        ? node.items[key]
        : undefined;
  /** The pair (in a map) or item (in a list) at `path`, and the node of each step on the way. */
  const walk = (path: IssuePath): unknown[] => {
    const nodes: unknown[] = [doc.contents];
    let node: unknown = doc.contents;
    for (const key of path) {
      const found = child(node, key);
      if (found === undefined) break;
      node = isPairLike(found) ? found.value : found;
      nodes.push(found);
    }
    return nodes;
  };
  return {
    ok: true,
    value: {
      value,
      spanAt(path) {
        const nodes = walk(path);
        for (let n = nodes.length - 1; n >= 0; n--) {
          const found = nodes[n];
          const node = isPairLike(found) ? found.value : found;
          if (hasRange(node)) return rangeSpan(node);
        }
        return DOCUMENT_START; // an empty document: point at its start
      },
      keySpanAt(path) {
        const nodes = walk(path);
        const last = nodes.length === path.length + 1 ? nodes[nodes.length - 1] : undefined;
        if (path.length > 0 && isPairLike(last) && isScalar(last.key)) return rangeSpan(last.key as YamlNode);
        return this.spanAt(path);
      },
    },
  };
}

const isPairLike = (value: unknown): value is Pair =>
  typeof value === "object" && value !== null && "key" in value && "value" in value && !("range" in value);
const hasRange = (value: unknown): value is YamlNode =>
  typeof value === "object" && value !== null && "range" in value;

/** JSON when the text starts like JSON, YAML otherwise. */
export function parseDataTree(text: string, format: "json" | "yaml" | "auto" = "auto"): DataTreeResult {
  return format === "json" || (format === "auto" && startsLikeJson(text))
    ? parseJsonTree(text)
    : parseYamlTree(text);
}
