/**
 * The tiny Markdown subset exercise descriptions and hints may use: paragraphs (blank lines),
 * `- ` / `* ` and `1. ` lists, simple `| a | b |` tables, **bold**, *emphasis* and `code`. Everything is HTML-escaped first, so the
 * output is safe for `set:html` whatever an author (or a pull request) writes: no raw HTML,
 * no links, no images.
 *
 * Assignment instructions, which arrive in a link anyone can write, use the same renderer with
 * `MarkdownOptions`: `[text](address)` links whose address is http(s) or relative (any other
 * scheme, `javascript:` above all, stays text and is reported by `refusedLinks`), and `#`–`###`
 * headings. Still no raw HTML and no images: the text is escaped before any tag is written.
 */

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

export interface MarkdownOptions {
  /** `[text](address)` becomes a link when `isSafeLinkAddress(address)`; otherwise it stays text. */
  links?: boolean;
  /** `#`, `##` and `###` lines become headings of this level and the two below (3: h3–h5). */
  headingLevel?: 2 | 3 | 4;
}

/** `[label](address)`; the address may hold balanced parentheses one deep, as Markdown allows. */
const LINK = /\[([^\]\n]+)\]\(([^()\s]*(?:\([^()\s]*\)[^()\s]*)*)\)/g;
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * A link address an untrusted text may use: http:// or https://, or relative to the page (a
 * path, `?query` or `#fragment`). Any other scheme (javascript:, data:, vbscript:, file:…), a
 * protocol-relative `//host`, and any control character, space or backslash are refused:
 * browsers drop tabs and newlines inside a scheme ("java\tscript:"), and read "\\" as "/".
 */
export function isSafeLinkAddress(address: string): boolean {
  // eslint-disable-next-line no-control-regex
  if (address === "" || /[\u0000-\u0020\u007f-\u009f\\]/.test(address)) return false;
  if (SCHEME.test(address)) return /^https?:\/\/[^/]/i.test(address);
  return !address.startsWith("//");
}

function emphasis(text: string): string {
  return escapeHtml(text)
    .replace(/\*\*(?=\S)(.+?)(?<=\S)\*\*/g, "<strong>$1</strong>")
    .replace(/(^|[^*\w])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![*\w])/g, "$1<em>$2</em>");
}

function linked(text: string): string {
  let html = "";
  let at = 0;
  for (const m of text.matchAll(LINK)) {
    const [whole, label, address] = m as unknown as [string, string, string];
    if (!isSafeLinkAddress(address)) continue;
    html += emphasis(text.slice(at, m.index));
    const external = SCHEME.test(address) ? ' rel="noopener noreferrer"' : "";
    html += `<a href="${escapeHtml(address)}"${external}>${emphasis(label)}</a>`;
    at = m.index + whole.length;
  }
  return html + emphasis(text.slice(at));
}

/** Inline formatting of one escaped-later line: code spans are literal, bold elsewhere. */
export function renderInline(text: string, options: MarkdownOptions = {}): string {
  return text
    .split(/(`[^`\n]+`)/)
    .map((part, i) => {
      if (i % 2 === 1) return `<code>${escapeHtml(part.slice(1, -1))}</code>`;
      return options.links ? linked(part) : emphasis(part);
    })
    .join("");
}

/** A link the text holds that stays text, where it is (1-based line and column). */
export interface RefusedLink {
  label: string;
  address: string;
  line: number;
  column: number;
}

/** The `[text](address)` links outside code spans whose address `isSafeLinkAddress` refuses. */
export function refusedLinks(markdown: string): RefusedLink[] {
  const refused: RefusedLink[] = [];
  markdown
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .forEach((line, l) => {
      let offset = 0;
      line.split(/(`[^`\n]+`)/).forEach((part, i) => {
        if (i % 2 === 0)
          for (const m of part.matchAll(LINK))
            if (!isSafeLinkAddress(m[2]!))
              refused.push({ label: m[1]!, address: m[2]!, line: l + 1, column: offset + m.index + 1 });
        offset += part.length;
      });
    });
  return refused;
}

const BULLET = /^\s*[-*]\s+/;
const HEADING = /^\s{0,3}(#{1,3})\s+(.*?)(?:\s+#+)?\s*$/;
const NUMBERED = /^\s*\d+[.)]\s+/;

const TABLE_ROW = /^\s*\|.*\|\s*$/;
const TABLE_RULE = /^\s*\|(\s*:?-{3,}:?\s*\|)+\s*$/;

const cells = (row: string): string[] =>
  row
    .trim()
    .replace(/^\|/, "")
    .replace(/\|$/, "")
    .split("|")
    .map((c) => c.trim());

function renderTable(lines: string[], options: MarkdownOptions): string {
  const [head, , ...body] = lines;
  const th = cells(head!)
    .map((c) => `<th scope="col">${renderInline(c, options)}</th>`)
    .join("");
  const rows = body
    .map(
      (r) =>
        `<tr>${cells(r)
          .map((c) => `<td>${renderInline(c, options)}</td>`)
          .join("")}</tr>`,
    )
    .join("");
  // Focusable: a table wider than a phone scrolls, and keyboard users must reach it.
  return `<table tabindex="0"><thead><tr>${th}</tr></thead><tbody>${rows}</tbody></table>`;
}

function renderBlock(lines: string[], options: MarkdownOptions): string {
  const inline = (text: string) => renderInline(text, options);
  const heading = options.headingLevel && lines.length === 1 ? HEADING.exec(lines[0]!) : null;
  if (heading) {
    const level = options.headingLevel! + heading[1]!.length - 1;
    return `<h${level}>${inline(heading[2]!)}</h${level}>`;
  }
  if (lines.length >= 2 && lines.every((l) => TABLE_ROW.test(l)) && TABLE_RULE.test(lines[1]!))
    return renderTable(lines, options);
  if (lines.every((l) => BULLET.test(l)))
    return `<ul>${lines.map((l) => `<li>${inline(l.replace(BULLET, ""))}</li>`).join("")}</ul>`;
  if (lines.every((l) => NUMBERED.test(l)))
    return `<ol>${lines.map((l) => `<li>${inline(l.replace(NUMBERED, ""))}</li>`).join("")}</ol>`;
  return `<p>${inline(lines.map((l) => l.trim()).join(" "))}</p>`;
}

/** Markdown-lite to HTML. A list item may continue on indented lines. */
export function renderMarkdownLite(markdown: string, options: MarkdownOptions = {}): string {
  const blocks: string[][] = [];
  let current: string[] = [];
  for (const raw of markdown.replace(/\r\n?/g, "\n").split("\n")) {
    if (raw.trim() === "") {
      if (current.length) blocks.push(current);
      current = [];
      continue;
    }
    // A heading is a block of its own, with or without blank lines around it.
    if (options.headingLevel && HEADING.test(raw)) {
      if (current.length) blocks.push(current);
      blocks.push([raw]);
      current = [];
      continue;
    }
    const isItem = BULLET.test(raw) || NUMBERED.test(raw);
    const inList = current.length > 0 && (BULLET.test(current[0]!) || NUMBERED.test(current[0]!));
    if (inList && !isItem && /^\s/.test(raw)) current[current.length - 1] += ` ${raw.trim()}`;
    else if (current.length > 0 && isItem !== inList) {
      blocks.push(current);
      current = [raw];
    } else current.push(raw);
  }
  if (current.length) blocks.push(current);
  return blocks.map((b) => renderBlock(b, options)).join("\n");
}

/** Plain text (for meta descriptions and aria labels): markup stripped, not escaped. */
export const markdownToText = (markdown: string): string =>
  markdown
    .split(/\r?\n/)
    .filter((l) => !TABLE_ROW.test(l))
    .join(" ")
    .replace(/\*\*(.+?)\*\*/g, "$1")
    .replace(/\*([^*\s][^*]*?)\*/g, "$1")
    .replace(/`([^`]+)`/g, "$1")
    .replace(/\s+/g, " ")
    .trim();

/** JSON for a `<script type="application/json">`: `<` escaped so no `</script>` can close it early. */
export const embedJson = (value: unknown): string =>
  JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
