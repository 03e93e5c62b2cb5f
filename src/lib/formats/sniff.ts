/**
 * Cheap looks at a text before it is parsed. Everything here is a single linear pass: these run
 * on every keystroke and on whatever a share link or a submission file holds, so no regular
 * expression with nested repetition (a run of "/**\/" once froze the page for a minute).
 */

/** A UTF-8 byte-order mark, as editors on Windows save it. Azure tools ignore it; so do we. */
export const BYTE_ORDER_MARK = "\uFEFF";

/**
 * The text with a leading byte-order mark turned into a space: every offset stays where it was,
 * so spans still point into the text the learner sees, and JSON and shell readers skip spaces.
 */
export const blankBom = (text: string): string =>
  text.startsWith(BYTE_ORDER_MARK) ? ` ${text.slice(1)}` : text;

/** The offset of the first character after leading whitespace and JSON comments. */
export function skipSpaceAndComments(text: string, from = 0): number {
  let i = from;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xfeff) i++;
    else if (c === 47 /* / */ && text.charCodeAt(i + 1) === 47) {
      const end = text.indexOf("\n", i + 2);
      i = end < 0 ? text.length : end + 1;
    } else if (c === 47 && text.charCodeAt(i + 1) === 42 /* * */) {
      const end = text.indexOf("*/", i + 2);
      i = end < 0 ? text.length : end + 2;
    } else break;
  }
  return i;
}

/** JSON when, past whitespace and comments, the text opens an object or a list. */
export function startsLikeJson(text: string): boolean {
  const c = text[skipSpaceAndComments(text)];
  return c === "{" || c === "[";
}

/** Deeper than any NSG, exercise or ARM template needs (those stay under ten levels). */
export const MAX_NESTING = 64;

/**
 * The offset of the first `[` or `{` that opens a level deeper than `max`, outside strings and
 * comments, or -1. Parsers recurse once per level, so a few kilobytes of brackets would
 * otherwise overflow the stack.
 */
export function tooDeepAt(text: string, format: "json" | "yaml", max = MAX_NESTING): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > max) return i;
    } else if (c === 93 /* ] */ || c === 125 /* } */) {
      if (depth > 0) depth--;
    } else if (c === 34 /* " */ || (c === 39 /* ' */ && format === "yaml")) {
      i = closingQuote(text, i, c);
    } else if (format === "json" && c === 47 /* / */) {
      const next = text.charCodeAt(i + 1);
      if (next === 47 || next === 42) i = skipSpaceAndComments(text, i) - 1;
    } else if (format === "yaml" && c === 35 /* # */ && (i === 0 || /\s/.test(text[i - 1]!))) {
      const end = text.indexOf("\n", i);
      i = end < 0 ? text.length : end;
    }
  }
  return -1;
}

/**
 * YAML also nests by indentation and by compact list items ("- - - x"), which no bracket shows.
 * Each level takes at least one column, so a line whose indentation and leading "- " markers
 * reach past this many columns is nested too deeply (real files stay within a few dozen).
 */
export const MAX_YAML_INDENT = 256;

/** The offset of the first line indented or list-nested past MAX_YAML_INDENT columns, or -1. */
export function yamlTooDeepAt(text: string, max = MAX_YAML_INDENT): number {
  let lineStart = 0;
  while (lineStart < text.length) {
    let i = lineStart;
    for (;;) {
      if (text.charCodeAt(i) === 32) i++;
      else if (text.charCodeAt(i) === 45 /* - */ && text.charCodeAt(i + 1) === 32) i += 2;
      else break;
      if (i - lineStart > max) return i;
    }
    const end = text.indexOf("\n", i);
    if (end < 0) break;
    lineStart = end + 1;
  }
  return -1;
}

/** The offset of the quote that closes the string opened at `open` (or the end of the text). */
function closingQuote(text: string, open: number, quote: number): number {
  for (let i = open + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 92 /* \ */ && quote === 34) i++;
    else if (c === quote) {
      // YAML's single-quoted strings escape a quote by doubling it.
      if (quote === 39 && text.charCodeAt(i + 1) === 39) i++;
      else return i;
    }
  }
  return text.length;
}
