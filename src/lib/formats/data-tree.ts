import {
  findNodeAtLocation,
  getNodeValue,
  parseTree,
  printParseErrorCode,
  type Node,
  type ParseError,
} from "jsonc-parser";
import {
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  visit,
  type Document,
  type Node as YamlNode,
  type YAMLError,
} from "yaml";
import { fail, ok, type IssuePath, type Result, type SourceSpan } from "../result.ts";
import { LineIndex } from "./source-span.ts";

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

const JSON_ERRORS: Record<string, string> = {
  InvalidSymbol: "unexpected character",
  InvalidNumberFormat: "invalid number",
  PropertyNameExpected: "expected a property name in double quotes",
  ValueExpected: "expected a value",
  ColonExpected: 'expected ":" after the property name',
  CommaExpected: 'expected "," between items',
  CloseBraceExpected: 'expected "}" to close the object',
  CloseBracketExpected: 'expected "]" to close the list',
  EndOfFileExpected: "unexpected text after the end of the document",
  InvalidCommentToken: "invalid comment",
  UnexpectedEndOfComment: "comment is not closed",
  UnexpectedEndOfString: 'string is not closed (missing ")',
  UnexpectedEndOfNumber: "number is cut short",
  InvalidUnicode: "invalid unicode escape",
  InvalidEscapeCharacter: "invalid escape character in string",
  InvalidCharacter: "invalid character in string (use \\n for line breaks)",
};

function jsonErrorMessage(error: ParseError, text: string): string {
  const code = printParseErrorCode(error.error);
  const near = text.slice(error.offset, error.offset + Math.min(Math.max(error.length, 1), 20));
  const base = JSON_ERRORS[code] ?? code;
  if (code === "PropertyNameExpected" && near.startsWith("}"))
    return 'trailing comma before "}" is not allowed in JSON';
  if (code === "ValueExpected" && near.startsWith("]"))
    return 'trailing comma before "]" is not allowed in JSON';
  return near.trim() ? `${base} (near ${JSON.stringify(near)})` : base;
}

/** JSON as ARM accepts it: comments allowed, trailing commas not. */
export function parseJsonTree(text: string): DataTreeResult {
  const lines = new LineIndex(text);
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, {
    allowTrailingComma: false,
    disallowComments: false,
    allowEmptyContent: false,
  });
  if (errors.length > 0 || !root) {
    const found =
      errors.length > 0 ? errors : [{ error: 4 /* ValueExpected */, offset: 0, length: 0 } as ParseError];
    return fail(
      found.slice(0, 20).map((e) => ({
        code: "invalid-json",
        message: `Invalid JSON: ${jsonErrorMessage(e, text)}`,
        path: [],
        span: lines.span(e.offset, e.offset + e.length),
      })),
    );
  }
  const nearest = (path: IssuePath): Node | undefined => {
    for (let n = path.length; n >= 0; n--) {
      const node = findNodeAtLocation(root, path.slice(0, n));
      if (node) return node;
    }
    return undefined;
  };
  return ok<DataTree>({
    value: getNodeValue(root),
    spanAt(path) {
      const node = nearest(path);
      return node ? lines.span(node.offset, node.offset + node.length) : DOCUMENT_START;
    },
    keySpanAt(path) {
      const node = findNodeAtLocation(root, path as (string | number)[]);
      const key = node?.parent?.type === "property" ? node.parent.children?.[0] : undefined;
      return key ? lines.span(key.offset, key.offset + key.length) : this.spanAt(path);
    },
  });
}

function yamlNodeAt(doc: Document, path: IssuePath): YamlNode | undefined {
  const node = doc.getIn(path as (string | number)[], true);
  return node && typeof node === "object" && "range" in node ? (node as YamlNode) : undefined;
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

/** YAML 1.2 (JSON is valid YAML, so authors may use either). */
export function parseYamlTree(text: string): DataTreeResult {
  const lines = new LineIndex(text);
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, strict: true });
  if (doc.errors.length > 0) {
    return fail(
      doc.errors.slice(0, 20).map((e) => ({
        code: "yaml-syntax",
        message: `Invalid YAML: ${e.message.split("\n")[0]}${isAliasError(e, text) ? ' (quote a lone asterisk: "*")' : ""}`,
        path: [],
        span: lines.span(e.pos[0], e.pos[1]),
      })),
    );
  }
  const rangeSpan = (node: YamlNode) =>
    node.range ? lines.span(node.range[0], node.range[1]) : DOCUMENT_START;
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    // Aliases are only resolved here (e.g. "*x" with no "&x" anchor, or an alias bomb).
    const at = hasAlias(doc) ? text.indexOf("*") : 0;
    return fail([
      {
        code: "yaml-syntax",
        message: `Invalid YAML: ${(e as Error).message} (quote a lone asterisk: "*")`,
        path: [],
        span: lines.span(Math.max(0, at), Math.max(0, at) + 1),
      },
    ]);
  }
  return ok<DataTree>({
    value,
    spanAt(path) {
      for (let n = path.length; n >= 0; n--) {
        const node =
          n === 0 ? ((doc.contents as YamlNode | null) ?? undefined) : yamlNodeAt(doc, path.slice(0, n));
        if (node) return rangeSpan(node);
      }
      return DOCUMENT_START; // an empty document: point at its start
    },
    keySpanAt(path) {
      const parent =
        path.length === 0 ? undefined : path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
      const last = path[path.length - 1];
      if (isMap(parent)) {
        const pair = parent.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === last);
        if (pair && isScalar(pair.key)) return rangeSpan(pair.key as YamlNode);
      }
      if (isSeq(parent)) return this.spanAt(path);
      return this.spanAt(path);
    },
  });
}

/** JSON when the text starts like JSON, YAML otherwise. */
export function parseDataTree(text: string, format: "json" | "yaml" | "auto" = "auto"): DataTreeResult {
  const looksJson = /^\s*(?:\/\/[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*[[{]/.test(text);
  return format === "json" || (format === "auto" && looksJson) ? parseJsonTree(text) : parseYamlTree(text);
}
