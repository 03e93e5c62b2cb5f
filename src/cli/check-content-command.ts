import { parseDataTree } from "../lib/formats/data-tree.ts";
import { checkExerciseText } from "../lib/content/check-exercise.ts";
import { checkLessonText } from "../lib/content/check-lesson.ts";
import { lessonSlug } from "../lib/course/lesson-slug.ts";
import { issue, type Issue } from "../lib/result.ts";
import { formatIssue } from "./format-report.ts";

/** An exercise's `lesson:` field, where it was written. */
interface LessonClaim {
  file: string;
  lesson: string;
  span: Issue["span"];
}

export interface ContentFile {
  file: string;
  text: string;
}

/**
 * Checks every exercise file (unique ids) and, when given, every lesson (frontmatter, unique
 * order, embedded exercises exist, each exercise's lesson exists and embeds it). Returns the exit code.
 */
export function runContentCheck(
  files: ContentFile[],
  print: (line: string) => void,
  lessons: ContentFile[] = [],
): number {
  let problems = 0;
  const ids = new Map<string, string>();
  const lessonOf = new Map<string, LessonClaim>();
  for (const { file, text } of files) {
    const check = checkExerciseText(text);
    const tree = parseDataTree(text);
    const errors = check.errors.map((e) => ({
      ...e,
      span: e.span ?? (tree.ok ? tree.value.spanAt(e.path) : undefined),
    }));
    const id = check.exercise?.id;
    if (id !== undefined) {
      const other = ids.get(id);
      if (other)
        errors.push({
          code: "duplicate-id",
          message: `exercise id "${id}" is already used by ${other}`,
          path: ["id"],
          span: tree.ok ? tree.value.spanAt(["id"]) : undefined,
        });
      ids.set(id, file);
      const expectedName = file
        .split("/")
        .pop()!
        .replace(/\.(ya?ml|json)$/, "");
      if (expectedName !== id)
        errors.push({
          code: "file-name-mismatch",
          message: `file name should match the id: ${id}.yaml`,
          path: ["id"],
          span: tree.ok ? tree.value.spanAt(["id"]) : undefined,
        });
      const lesson = check.exercise?.lesson;
      if (lesson !== undefined)
        lessonOf.set(id, { file, lesson, span: tree.ok ? tree.value.spanAt(["lesson"]) : undefined });
    }
    for (const e of errors) print(formatIssue(file, e));
    for (const note of check.notes) print(`${file}: note: ${note}`);
    problems += errors.length;
    if (errors.length === 0) print(`ok  ${file}`);
  }
  if (lessons.length > 0) problems += checkLessons(lessons, new Set(ids.keys()), lessonOf, print);
  const what =
    lessons.length > 0
      ? `${files.length} exercises and ${lessons.length} lessons`
      : `${files.length} exercises`;
  print(problems === 0 ? `${what} checked, no problems` : `${problems} problem(s) in ${what}`);
  return problems === 0 ? 0 : 1;
}

function checkLessons(
  lessons: ContentFile[],
  exerciseIds: ReadonlySet<string>,
  lessonOf: Map<string, LessonClaim>,
  print: (line: string) => void,
): number {
  let problems = 0;
  const orders = new Map<number, string>();
  const embedded = new Map<string, Set<string>>();
  for (const { file, text } of lessons) {
    const check = checkLessonText(text, exerciseIds);
    const errors = [...check.errors];
    const slug = lessonSlug(
      file
        .split("/")
        .pop()!
        .replace(/\.mdx$/, ""),
    );
    embedded.set(slug, new Set(check.exerciseIds));
    const order = check.frontmatter?.order;
    if (order !== undefined) {
      if (orders.has(order))
        errors.push({
          code: "duplicate-order",
          message: `order ${order} is also used by ${orders.get(order)}`,
          path: ["order"],
        });
      orders.set(order, file);
    }
    for (const e of errors) print(formatIssue(file, e));
    problems += errors.length;
    if (errors.length === 0) print(`ok  ${file}`);
  }
  // Each exercise's lesson must exist and embed it: a lesson is done when all its exercises pass.
  for (const [id, { file, lesson, span }] of lessonOf) {
    const inLesson = embedded.get(lesson);
    const problem: Issue | undefined = !inLesson
      ? issue(
          "unknown-lesson",
          `lesson "${lesson}" does not exist (lessons: ${[...embedded.keys()].join(", ")})`,
          ["lesson"],
        )
      : !inLesson.has(id)
        ? issue(
            "exercise-not-embedded",
            `lesson "${lesson}" does not embed this exercise: add <Exercise id="${id}" /> to it`,
            ["lesson"],
          )
        : undefined;
    if (problem) {
      print(formatIssue(file, { ...problem, span }));
      problems += 1;
    }
  }
  return problems;
}
