/**
 * A lesson's in-page table of contents, from the headings Astro renders out of its MDX, and the
 * section holding its exercises (the `##` heading above the first `<Exercise>`), for the "jump to
 * the exercises" link. Pure, so it is tested without a build.
 */

/** A heading as Astro's `render(entry)` gives it. */
export interface LessonHeading {
  depth: number;
  slug: string;
  text: string;
}

export interface TocEntry {
  slug: string;
  text: string;
  children: TocEntry[];
}

export interface LessonToc {
  /** The `##` sections, each with its `###` subsections. */
  entries: TocEntry[];
  /** Where the exercises are: the section that holds the first one, and how many there are. */
  exercises?: { slug: string; text: string; count: number };
}

interface SourceHeading {
  depth: number;
  text: string;
  offset: number;
}

const FENCE = /^(```|~~~)/;
const ATX = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const EXERCISE = /<Exercise\s[^>]*?\bid=["'][^"']*["']/g;

/** The Markdown headings of an MDX body, outside fenced code, with their offsets. */
function sourceHeadings(mdx: string): SourceHeading[] {
  const found: SourceHeading[] = [];
  let offset = 0;
  let fence: string | undefined;
  for (const line of mdx.split("\n")) {
    const trimmed = line.trimStart();
    const opener = FENCE.exec(trimmed)?.[1];
    if (fence) {
      if (opener === fence) fence = undefined;
    } else if (opener) fence = opener;
    else {
      const heading = ATX.exec(line);
      if (heading) found.push({ depth: heading[1]!.length, text: heading[2]!, offset });
    }
    offset += line.length + 1;
  }
  return found;
}

/** Heading text without Markdown marks, to compare source headings with rendered ones. */
const plain = (text: string) =>
  text
    .replace(/[`*_]/g, "")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\s+/g, " ")
    .trim();

export function lessonToc(headings: readonly LessonHeading[], mdx: string): LessonToc {
  const entries: TocEntry[] = [];
  for (const h of headings) {
    if (h.depth === 2 || (h.depth === 3 && entries.length === 0))
      entries.push({ slug: h.slug, text: h.text, children: [] });
    else if (h.depth === 3) entries.at(-1)!.children.push({ slug: h.slug, text: h.text, children: [] });
  }

  const embeds = [...mdx.matchAll(EXERCISE)];
  const first = embeds[0]?.index;
  if (first === undefined) return { entries };
  const source = sourceHeadings(mdx);
  const before = source.filter((h) => h.offset < first);
  // The rendered heading of each source heading: by position when both lists agree, else by text.
  const aligned =
    source.length === headings.length && source.every((s, i) => s.depth === headings[i]!.depth)
      ? (i: number) => headings[i]
      : (i: number) => headings.find((h) => plain(h.text) === plain(source[i]!.text));
  for (let i = before.length - 1; i >= 0; i--) {
    if (before[i]!.depth !== 2) continue;
    const heading = aligned(i);
    if (heading)
      return { entries, exercises: { slug: heading.slug, text: heading.text, count: embeds.length } };
    break;
  }
  return { entries };
}
