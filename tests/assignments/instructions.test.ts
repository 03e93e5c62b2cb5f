import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { renderInstructions } from "../../src/lib/assignments/instructions.ts";
import { isSafeLinkAddress, renderMarkdownLite } from "../../src/lib/exercise-ui/markdown-lite.ts";

describe("assignment instructions (Markdown from a link anyone can write)", () => {
  it("renders headings from h3, lists, emphasis and safe links", () => {
    const { html, notices } = renderInstructions(
      "# Week 4\nDo **both** exercises.\n\n- read [the lesson](../lessons/processing-order/)\n- see [Learn](https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview)",
    );
    expect(html).toBe(
      [
        "<h3>Week 4</h3>",
        "<p>Do <strong>both</strong> exercises.</p>",
        '<ul><li>read <a href="../lessons/processing-order/">the lesson</a></li><li>see <a href="https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview" rel="noopener noreferrer">Learn</a></li></ul>',
      ].join("\n"),
    );
    expect(notices).toEqual([]);
    expect(renderInstructions("## a\n### b").html).toBe("<h4>a</h4>\n<h5>b</h5>");
  });

  it("escapes raw HTML: no tag, attribute or entity trick gets through", () => {
    for (const hostile of [
      "<script>alert(1)</script>",
      '<img src=x onerror="alert(1)">',
      "<a href=javascript:alert(1)>x</a>",
      '[x](https://a.example/" onmouseover="alert(1))',
      "[x](javascript&#58;alert(1))",
      '[x](https://a.example/"onmouseover="alert(1))',
    ]) {
      const { html } = renderInstructions(hostile);
      expect(html, hostile).not.toMatch(/<(script|img)|\son\w+="/i);
      // An href is escaped once: what the browser reads is the address as written, never a scheme.
      for (const [, href] of html.matchAll(/href="([^"]*)"/g))
        expect(href!.replace(/&amp;/g, "&"), hostile).not.toMatch(/^[a-z][a-z0-9+.-]*:(?!\/\/)/i);
      expect(html, hostile).not.toMatch(/<(?!\/?(p|a|strong|em|code|h[3-5])\b)/);
    }
  });

  it("leaves a link to any other scheme as text and says where it is", () => {
    const { html, notices } = renderInstructions(
      "Start here.\nThen [click me](javascript:alert(document.cookie)) now.",
    );
    expect(html).not.toContain("<a");
    expect(html).toContain("[click me](javascript:alert(document.cookie))");
    expect(notices).toMatchObject([
      {
        code: "unsafe-link",
        severity: "warning",
        span: { line: 2, column: 6 },
        message: expect.stringMatching(
          /^Line 2, column 6 of the instructions: the link “click me”/,
        ) as unknown,
      },
    ]);
  });

  it("allows only http(s) and relative addresses", () => {
    for (const good of [
      "https://example.org/x",
      "http://example.org",
      "../lessons/a/",
      "/nsg-lab/",
      "#part-2",
      "?x=1",
      "page.html",
    ])
      expect(isSafeLinkAddress(good), good).toBe(true);
    for (const bad of [
      "javascript:alert(1)",
      "JavaScript:alert(1)",
      "data:text/html,<script>",
      "vbscript:x",
      "file:///etc/passwd",
      "//evil.example/",
      "https:evil",
      "java\tscript:alert(1)",
      "\\\\evil.example",
      "",
    ])
      expect(isSafeLinkAddress(bad), bad).toBe(false);
  });

  it("leaves exercise descriptions as they were: no links, no headings", () => {
    expect(renderMarkdownLite("# Not a heading\n[a](https://example.org)")).toBe(
      "<p># Not a heading [a](https://example.org)</p>",
    );
  });

  it("keeps links inside code spans literal", () => {
    const { html, notices } = renderInstructions("`[x](javascript:y)`");
    expect(html).toBe("<p><code>[x](javascript:y)</code></p>");
    expect(notices).toEqual([]);
  });

  it("never writes a tag or attribute outside its few, whatever the text", () => {
    const pieces = fc.constantFrom(
      "<",
      ">",
      '"',
      "'",
      "&",
      "[",
      "]",
      "(",
      ")",
      "`",
      "*",
      "#",
      "-",
      "|",
      "\n",
      " ",
      "javascript:",
      "https://x.org/",
      "onerror=",
      "a",
    );
    fc.assert(
      fc.property(
        fc.array(pieces, { maxLength: 60 }).map((p) => p.join("")),
        (text) => {
          const { html } = renderInstructions(text);
          for (const [tag] of html.matchAll(/<[^>]*>/g))
            expect(tag, text).toMatch(
              /^<\/?(p|ul|ol|li|strong|em|code|h[3-5]|table|thead|tbody|tr|th|td)( scope="col"| tabindex="0")?>$|^<a href="[^"<>]*"( rel="noopener noreferrer")?>$|^<\/a>$/,
            );
        },
      ),
      { numRuns: 500 },
    );
  });
});
