/**
 * The tiny Markdown subset exercise descriptions and hints may use: paragraphs (blank lines),
 * `- ` / `* ` and `1. ` lists, simple `| a | b |` tables, **bold**, *emphasis* and `code`. Everything is HTML-escaped first, so the
 * output is safe for `set:html` whatever an author (or a pull request) writes: no raw HTML,
 * no links, no images.
 */

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** Inline formatting of one escaped-later line: code spans are literal, bold elsewhere. */
export function renderInline(text: string): string {
  return text
    .split(/(`[^`\n]+`)/)
    .map((part, i) => {
      if (i % 2 === 1) return `<code>${escapeHtml(part.slice(1, -1))}</code>`;
      return escapeHtml(part)
        .replace(/\*\*(?=\S)(.+?)(?<=\S)\*\*/g, "<strong>$1</strong>")
        .replace(/(^|[^*\w])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![*\w])/g, "$1<em>$2</em>");
    })
    .join("");
}

const BULLET = /^\s*[-*]\s+/;
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

function renderTable(lines: string[]): string {
  const [head, , ...body] = lines;
  const th = cells(head!)
    .map((c) => `<th scope="col">${renderInline(c)}</th>`)
    .join("");
  const rows = body
    .map(
      (r) =>
        `<tr>${cells(r)
          .map((c) => `<td>${renderInline(c)}</td>`)
          .join("")}</tr>`,
    )
    .join("");
  // Focusable: a table wider than a phone scrolls, and keyboard users must reach it.
  return `<table tabindex="0"><thead><tr>${th}</tr></thead><tbody>${rows}</tbody></table>`;
}

function renderBlock(lines: string[]): string {
  if (lines.length >= 2 && lines.every((l) => TABLE_ROW.test(l)) && TABLE_RULE.test(lines[1]!))
    return renderTable(lines);
  if (lines.every((l) => BULLET.test(l)))
    return `<ul>${lines.map((l) => `<li>${renderInline(l.replace(BULLET, ""))}</li>`).join("")}</ul>`;
  if (lines.every((l) => NUMBERED.test(l)))
    return `<ol>${lines.map((l) => `<li>${renderInline(l.replace(NUMBERED, ""))}</li>`).join("")}</ol>`;
  return `<p>${renderInline(lines.map((l) => l.trim()).join(" "))}</p>`;
}

/** Markdown-lite to HTML. A list item may continue on indented lines. */
export function renderMarkdownLite(markdown: string): string {
  const blocks: string[][] = [];
  let current: string[] = [];
  for (const raw of markdown.replace(/\r\n?/g, "\n").split("\n")) {
    if (raw.trim() === "") {
      if (current.length) blocks.push(current);
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
  return blocks.map(renderBlock).join("\n");
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
