import { refusedLinks, renderMarkdownLite } from "../exercise-ui/markdown-lite.ts";
import type { Issue } from "../result.ts";

/**
 * An assignment's instructions as HTML for the assignment page (and the builder's preview).
 * They come from a link anyone can write, so they go through the exercises' Markdown-lite: every
 * character escaped before a tag is written (no raw HTML, no images, no attributes but a link's
 * href), headings from h3 down (the page's "Instructions" is h2), and links only to http(s) or
 * relative addresses. A refused link stays as text and is reported with its line and column.
 */
export interface RenderedInstructions {
  html: string;
  /** Warnings: each link left as text, located in the instructions. */
  notices: Issue[];
}

export function renderInstructions(markdown: string): RenderedInstructions {
  const html = renderMarkdownLite(markdown, { links: true, headingLevel: 3 });
  const notices = refusedLinks(markdown).map((link): Issue => ({
    code: "unsafe-link",
    message: `Line ${link.line}, column ${link.column} of the instructions: the link “${link.label}” goes to “${link.address.slice(0, 80)}”, which is not a web (http or https) or relative address, so it is shown as text.`,
    path: ["instructions"],
    span: {
      line: link.line,
      column: link.column,
      endLine: link.line,
      endColumn: link.column + link.label.length + link.address.length + 4,
    },
    severity: "warning",
  }));
  return { html, notices };
}
