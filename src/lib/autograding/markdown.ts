import { printable } from "../text/printable.ts";

/**
 * Text from a rules file, an exercise or a grade as literal GitHub Markdown. A job summary is
 * rendered as GitHub-flavoured Markdown with HTML, so a rule named `<img src=…>`, `**bold**` or
 * `a | b` must neither format, link, embed nor break the table it sits in. CommonMark lets any
 * ASCII punctuation be backslash-escaped, so every one is; control characters are written as
 * escapes first (printable), and newlines can no longer end a table row.
 */
const ASCII_PUNCTUATION = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g;

export const markdownText = (text: string): string =>
  printable(text).replace(ASCII_PUNCTUATION, (ch) => `\\${ch}`);

/** One table row of already-escaped cells. */
export const tableRow = (cells: readonly string[]): string => `| ${cells.join(" | ")} |`;

/** A table header and its delimiter row. */
export const tableHead = (headers: readonly string[]): string[] => [
  tableRow(headers),
  tableRow(headers.map(() => "---")),
];
