import { createScanner, printParseErrorCode, type ParseError } from "jsonc-parser";
import { formatSpan, type LineIndex } from "./source-span.ts";

/**
 * One JSON syntax error, said the way a learner can act on it. jsonc-parser recovers after an
 * error and goes on reporting what follows from it (a missing comma gave 5 to 18 errors), so
 * only the first error is described. Its code, and the tokens around it, tell the usual slips
 * apart: a missing or trailing comma, an unquoted key, single quotes, a bracket never closed,
 * properties pasted without their braces.
 *
 * The tokens are read once, from the start of the text up to the error (linear in the text),
 * so the brackets still open there and the token before it are known exactly: up to the first
 * error the text is valid JSON.
 */

/** jsonc-parser's SyntaxKind values (a `const enum`, which this project's settings cannot import). */
const OPEN_BRACE = 1;
const CLOSE_BRACE = 2;
const OPEN_BRACKET = 3;
const CLOSE_BRACKET = 4;
const COMMA = 5;
const COLON = 6;
const STRING = 10;
const NUMBER = 11;
const UNKNOWN = 16;
const EOF = 17;

interface Token {
  kind: number;
  offset: number;
  length: number;
}

export interface JsonSyntaxError {
  message: string;
  /** Offsets of the text to mark: where the fix goes, which may be before the parser's error. */
  start: number;
  end: number;
}

const BASE: Record<string, string> = {
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
  UnexpectedEndOfComment: 'comment is not closed (missing "*/")',
  UnexpectedEndOfString: 'string is not closed (missing ")',
  UnexpectedEndOfNumber: "number is cut short",
  InvalidUnicode: "invalid unicode escape",
  InvalidEscapeCharacter: "invalid escape character in string",
  InvalidCharacter: "invalid character in string (use \\n for line breaks)",
};

/** Words people carry over from Python, YAML or PowerShell, and the JSON for them. */
const KEYWORDS: Record<string, string> = { true: "true", false: "false", null: "null", none: "null" };

const closerOf = (kind: number) => (kind === OPEN_BRACE ? "}" : "]");
const openerOf = (kind: number) => (kind === OPEN_BRACE ? "{" : "[");

export function describeJsonSyntaxError(text: string, error: ParseError, lines: LineIndex): JsonSyntaxError {
  const code = printParseErrorCode(error.error);
  const scanner = createScanner(text, true);
  const read = (): Token => {
    const kind = scanner.scan();
    return { kind, offset: scanner.getTokenOffset(), length: scanner.getTokenLength() };
  };
  const open: Token[] = [];
  let prev: Token | undefined;
  let at = read();
  while (at.kind !== EOF && at.offset < error.offset) {
    if (at.kind === OPEN_BRACE || at.kind === OPEN_BRACKET) open.push(at);
    else if (at.kind === CLOSE_BRACE || at.kind === CLOSE_BRACKET) open.pop();
    prev = at;
    at = read();
  }
  const next = at.kind === EOF ? at : read();

  const source = (t: Token) =>
    t.length > 30 ? `${text.slice(t.offset, t.offset + 27)}…` : text.slice(t.offset, t.offset + t.length);
  /** A token as the learner wrote it: strings keep their own quotes, punctuation gets some. */
  const shown = (t: Token | undefined) =>
    !t ? "the start" : t.kind === STRING || t.kind === NUMBER ? source(t) : `"${source(t)}"`;
  const where = (offset: number) => formatSpan(lines.span(offset, offset));
  const inner = open.at(-1);
  const inObject = inner?.kind === OPEN_BRACE;
  const inList = inner?.kind === OPEN_BRACKET;
  const markAt = (message: string): JsonSyntaxError => ({
    message,
    start: error.offset,
    end: error.offset + error.length,
  });
  const markPrev = (message: string): JsonSyntaxError =>
    prev ? { message, start: prev.offset, end: prev.offset + prev.length } : markAt(message);
  const near = () => {
    const snippet = text.slice(error.offset, error.offset + Math.min(Math.max(error.length, 1), 20));
    return snippet.trim() ? ` (near ${JSON.stringify(snippet)})` : "";
  };

  if (at.kind === UNKNOWN && at.offset === error.offset) {
    const word = source(at);
    const keyword = KEYWORDS[word.toLowerCase()];
    const expectingKey = inObject && (prev?.kind === OPEN_BRACE || prev?.kind === COMMA);
    const expectingValue =
      prev?.kind === COLON || (inList && (prev?.kind === OPEN_BRACKET || prev?.kind === COMMA));
    if (word.startsWith("'")) {
      const lineEnd = text.indexOf("\n", at.offset);
      const close = text.indexOf("'", at.offset + 1);
      const closed = close > 0 && (lineEnd < 0 || close < lineEnd);
      return markAt(
        closed
          ? `JSON takes double quotes, not single quotes: write "${text.slice(at.offset + 1, close)}"`
          : `JSON takes double quotes ("), not single quotes (')`,
      );
    }
    if (keyword && !expectingKey)
      return markAt(
        keyword === word.toLowerCase()
          ? `write ${keyword} in lowercase: JSON has no ${word}`
          : `write ${keyword}: JSON has no ${word}`,
      );
    if (/^[A-Za-z_$][\w$-]*$/.test(word)) {
      if (expectingKey) return markAt(`property names take double quotes: write "${word}"`);
      if (expectingValue) return markAt(`text values take double quotes: write "${word}"`);
    }
  }

  switch (code) {
    case "CommaExpected": {
      if (inner && ((inObject && at.kind === CLOSE_BRACKET) || (inList && at.kind === CLOSE_BRACE)))
        return markAt(
          `the "${openerOf(inner.kind)}" at ${where(inner.offset)} is not closed: add "${closerOf(inner.kind)}" before this "${source(at)}"`,
        );
      if (prev?.kind === NUMBER && at.kind === NUMBER && prev.offset + prev.length === at.offset)
        return markPrev(`numbers cannot start with 0 in JSON: write ${Number(source(prev) + source(at))}`);
      if (inObject && at.kind === STRING && next.kind === COLON)
        return markPrev(
          `missing "," after ${shown(prev)}: properties are separated by commas (the next one, ${shown(at)}, is at ${where(at.offset)})`,
        );
      if (inList)
        return markPrev(
          `missing "," after ${shown(prev)}: list items are separated by commas (the next one starts at ${where(at.offset)})`,
        );
      return markAt(`${BASE.CommaExpected}${near()}`);
    }
    case "PropertyNameExpected":
      if (prev?.kind === COMMA && at.kind === CLOSE_BRACE)
        return markPrev('trailing comma: JSON allows no "," before "}"; delete this comma');
      if (prev?.kind === COMMA && at.kind === COMMA) return markAt("two commas in a row: delete one");
      if (inner && prev?.kind === COMMA && (at.kind === OPEN_BRACE || at.kind === OPEN_BRACKET))
        return markAt(
          `expected a property name in double quotes, not "${source(at)}": is a "}" missing before it, to close the object at ${where(inner.offset)}?`,
        );
      return markAt(`${BASE.PropertyNameExpected}${near()}`);
    case "ValueExpected":
      if (prev?.kind === COMMA && at.kind === CLOSE_BRACKET)
        return markPrev('trailing comma: JSON allows no "," before "]"; delete this comma');
      if (prev?.kind === COMMA && at.kind === COMMA) return markAt("two commas in a row: delete one");
      if (prev?.kind === COLON) return markPrev(`missing value after ":"${near()}`);
      if (at.kind === EOF && !prev) return markAt("expected a value, but the text is empty");
      if (at.kind === EOF) return markAt("the text ends where a value should be");
      return markAt(`${BASE.ValueExpected}${near()}`);
    case "ColonExpected":
      return prev?.kind === STRING
        ? markPrev(`missing ":" after the property name ${shown(prev)}`)
        : markAt(`${BASE.ColonExpected}${near()}`);
    case "CloseBraceExpected":
    case "CloseBracketExpected":
      if (inner && prev && at.kind === EOF)
        return markPrev(
          `the "${openerOf(inner.kind)}" at ${where(inner.offset)} is never closed: the text ends at ${where(prev.offset + prev.length)} without its "${closerOf(inner.kind)}"`,
        );
      return markAt(`${BASE[code]}${near()}`);
    case "EndOfFileExpected":
      if (at.kind === COLON && prev?.kind === STRING)
        return markPrev("properties without the { } around them: wrap the whole text in { and }");
      if (at.kind === COMMA && next.kind === EOF)
        return markAt('a "," after the end of the document: delete it');
      if (prev && (at.kind === CLOSE_BRACE || at.kind === CLOSE_BRACKET))
        return markAt(`an extra "${source(at)}": the document already ended at ${where(prev.offset)}`);
      if (at.kind === COMMA || at.kind === OPEN_BRACE || at.kind === OPEN_BRACKET)
        return markAt(
          "more than one value: the document ended before this; put several rules in one list, [ {…}, {…} ]",
        );
      return markAt(`${BASE.EndOfFileExpected}${near()}`);
    case "UnexpectedEndOfString":
      return markAt(`the string ${source(at)} is not closed: add the closing " on the same line`);
    default:
      return markAt(`${BASE[code] ?? code}${near()}`);
  }
}
