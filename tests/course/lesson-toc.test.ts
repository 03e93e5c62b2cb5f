import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { FURTHER_READING, LESSON_TAKEAWAYS } from "../../src/lib/course/course-summary.ts";
import { embeddedExerciseIds } from "../../src/lib/course/embedded-exercises.ts";
import { lessonSlug } from "../../src/lib/course/lesson-slug.ts";
import { lessonToc, type LessonHeading } from "../../src/lib/course/lesson-toc.ts";

const h = (depth: number, text: string): LessonHeading => ({
  depth,
  text,
  slug: text.toLowerCase().replace(/[^a-z0-9]+/g, "-"),
});

/** Headings as Astro would render them from an MDX body (slugs are made up: only order matters). */
const headingsOf = (mdx: string): LessonHeading[] => {
  const found: LessonHeading[] = [];
  let fenced = false;
  for (const line of mdx.split("\n")) {
    if (/^\s*```/.test(line)) fenced = !fenced;
    const match = !fenced && /^(#{2,3}) (.*)$/.exec(line);
    if (match) found.push(h(match[1]!.length, match[2]!));
  }
  return found;
};

const MDX = [
  "Intro.",
  "## The brief",
  "```bash",
  "# Only needed if outbound traffic is locked down",
  "az network nsg rule create --name x",
  "```",
  "## Rules",
  "### Rule 1",
  "### Rule 2",
  "## Try it",
  "Some words.",
  '<Exercise id="a" headingLevel={3} />',
  '<Exercise id="b" headingLevel={3} />',
  "## Check your understanding",
].join("\n");

describe("a lesson's table of contents", () => {
  it("lists the ## sections with their ### subsections, and finds the section holding the exercises", () => {
    const toc = lessonToc(headingsOf(MDX), MDX);
    expect(toc.entries.map((e) => [e.text, e.children.map((c) => c.text)])).toEqual([
      ["The brief", []],
      ["Rules", ["Rule 1", "Rule 2"]],
      ["Try it", []],
      ["Check your understanding", []],
    ]);
    expect(toc.exercises).toEqual({ slug: "try-it", text: "Try it", count: 2 });
  });

  it("finds the section by its text when the rendered headings differ from the source", () => {
    const headings = headingsOf(MDX).filter((x) => x.text !== "The brief");
    expect(lessonToc(headings, MDX).exercises?.slug).toBe("try-it");
    const marked = MDX.replace("## Try it", "## Try *it*");
    expect(
      lessonToc(
        headings.filter((x) => x.text !== "Rules"),
        marked,
      ).exercises?.text,
    ).toBe("Try it");
  });

  it("offers no jump for a lesson without exercises", () => {
    const text = "## Only reading\n\nWords.";
    expect(lessonToc(headingsOf(text), text)).toEqual({
      entries: [{ slug: "only-reading", text: "Only reading", children: [] }],
    });
  });

  it("sends every lesson of the course to its Try it section, counting its exercises", () => {
    for (const file of readdirSync("content/lessons")) {
      const mdx = readFileSync(`content/lessons/${file}`, "utf8").replace(/^---[\s\S]*?\n---\n/, "");
      const toc = lessonToc(headingsOf(mdx), mdx);
      expect(toc.exercises, file).toMatchObject({ text: "Try it", count: embeddedExerciseIds(mdx).length });
      expect(toc.entries.length, file).toBe(mdx.split("\n").filter((l) => l.startsWith("## ")).length);
    }
  });
});

describe("the end of the course", () => {
  it("sums up every lesson in one sentence, and no lesson that isn't there", () => {
    const slugs = readdirSync("content/lessons").map((f) => lessonSlug(f.replace(/\.mdx$/, "")));
    expect(Object.keys(LESSON_TAKEAWAYS).sort()).toEqual([...slugs].sort());
    for (const sentence of Object.values(LESSON_TAKEAWAYS)) expect(sentence).toMatch(/^[A-Z].{40,200}\.$/);
  });

  it("points further reading at Microsoft Learn", () => {
    expect(FURTHER_READING.length).toBeGreaterThanOrEqual(4);
    for (const step of FURTHER_READING)
      expect(step.href).toMatch(/^https:\/\/learn\.microsoft\.com\/en-us\//);
    expect(FURTHER_READING.map((s) => s.title)).toContain("NSG diagnostics");
  });
});
