import { describe, expect, it } from "vitest";
import {
  embedJson,
  escapeHtml,
  markdownToText,
  renderInline,
  renderMarkdownLite,
} from "../../src/lib/exercise-ui/markdown-lite.ts";

describe("markdown-lite", () => {
  it("escapes HTML before anything else", () => {
    expect(renderMarkdownLite('<img src=x onerror="alert(1)"> & <script>')).toBe(
      "<p>&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &lt;script&gt;</p>",
    );
    expect(escapeHtml(`'"`)).toBe("&#39;&quot;");
  });

  it("renders bold, emphasis and code; code stays literal", () => {
    expect(renderInline("**ingest-vm** on `10.0.1.4` is *new*")).toBe(
      "<strong>ingest-vm</strong> on <code>10.0.1.4</code> is <em>new</em>",
    );
    expect(renderInline("`**not bold** <b>`")).toBe("<code>**not bold** &lt;b&gt;</code>");
    expect(renderInline("ports 2 * 3 * 4")).toBe("ports 2 * 3 * 4");
  });

  it("makes paragraphs from blank-line separated blocks and joins wrapped lines", () => {
    expect(renderMarkdownLite("one\ntwo\n\nthree")).toBe("<p>one two</p>\n<p>three</p>");
  });

  it("renders bullet and numbered lists, with continued items", () => {
    expect(renderMarkdownLite("- a\n- b\n  continued")).toBe("<ul><li>a</li><li>b continued</li></ul>");
    expect(renderMarkdownLite("1. first\n2. **second**")).toBe(
      "<ol><li>first</li><li><strong>second</strong></li></ol>",
    );
    expect(renderMarkdownLite("Intro:\n- a")).toBe("<p>Intro:</p>\n<ul><li>a</li></ul>");
  });

  it("renders simple tables with header cells", () => {
    const html = renderMarkdownLite("| VM | IP |\n|---|---|\n| vm-web1 | `10.0.1.4` |");
    expect(html).toBe(
      '<table tabindex="0"><thead><tr><th scope="col">VM</th><th scope="col">IP</th></tr></thead><tbody><tr><td>vm-web1</td><td><code>10.0.1.4</code></td></tr></tbody></table>',
    );
  });

  it("gives plain text for summaries", () => {
    expect(markdownToText("The **studio** uses `ftp`\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n*done*")).toBe(
      "The studio uses ftp done",
    );
  });

  it("embeds JSON that cannot close its script element", () => {
    const text = embedJson({ name: "</script><script>alert(1)</script>", line: "\u2028" });
    expect(text).not.toContain("</script>");
    expect(JSON.parse(text)).toEqual({ name: "</script><script>alert(1)</script>", line: "\u2028" });
  });
});
