import { parseYamlTree } from "../formats/data-tree.ts";
import { LineIndex } from "../formats/source-span.ts";
import { embeddedExercises } from "../course/embedded-exercises.ts";
import { lessonFrontmatterSchema, type LessonFrontmatter } from "../course/lesson-frontmatter.ts";
import { parseSchema } from "../nsg/zod-issues.ts";
import type { Issue } from "../result.ts";

/**
 * What `npm run check:content` asks of a lesson: valid frontmatter, and every
 * `<Exercise id="…" />` naming an exercise that exists. Issues point into the .mdx file.
 */
export interface LessonCheck {
  frontmatter?: LessonFrontmatter;
  exerciseIds: string[];
  errors: Issue[];
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;

export function checkLessonText(text: string, knownExercises: ReadonlySet<string>): LessonCheck {
  const lines = new LineIndex(text);
  const errors: Issue[] = [];
  const match = FRONTMATTER.exec(text);
  let frontmatter: LessonFrontmatter | undefined;
  if (!match) {
    errors.push({
      code: "missing-frontmatter",
      message: "a lesson starts with a frontmatter block between --- lines",
      path: [],
      span: lines.span(0, 1),
    });
  } else {
    // The YAML starts on line 2: shift its spans down by one line.
    const shift = (e: Issue): Issue =>
      e.span ? { ...e, span: { ...e.span, line: e.span.line + 1, endLine: e.span.endLine + 1 } } : e;
    const tree = parseYamlTree(match[1]!);
    if (!tree.ok) errors.push(...tree.errors.map(shift));
    else {
      const parsed = parseSchema(lessonFrontmatterSchema, tree.value.value);
      if (parsed.ok) frontmatter = parsed.value;
      else errors.push(...parsed.errors.map((e) => shift({ ...e, span: tree.value.spanAt(e.path) })));
    }
  }
  const exerciseIds: string[] = [];
  for (const { id, at } of embeddedExercises(text)) {
    exerciseIds.push(id);
    if (!knownExercises.has(id)) {
      errors.push({
        code: "unknown-exercise",
        message: `<Exercise id="${id}"> names no exercise in graders/`,
        path: [],
        span: lines.span(at, at + id.length),
      });
    }
  }
  return { ...(frontmatter ? { frontmatter } : {}), exerciseIds, errors };
}
