import { parseDataTree } from "../formats/data-tree.ts";
import { formatSpan } from "../formats/source-span.ts";
import type { Exercise } from "../grader/exercise-schema.ts";
import { loadExercise } from "../grader/load-exercise.ts";
import { fail, ok, type Issue, type Result } from "../result.ts";

/**
 * The exercises of the site, read from graders/ at build time. Any invalid file fails the
 * build with `file:line:col: message` (the same form as `npm run check:content`), because a
 * page must never ship an exercise the grader cannot run.
 */

export interface CatalogEntry {
  id: string;
  /** Path as given, e.g. "graders/ftp-active.yaml". */
  file: string;
  exercise: Exercise;
}

/** On failure each issue's message is the whole build error line, `file:line:col: message`. */
export type CatalogResult = Result<Map<string, CatalogEntry>>;

export const formatLocated = (file: string, issue: Issue): string =>
  `${issue.span ? `${file}:${formatSpan(issue.span)}` : file}: ${issue.message}${!issue.span && issue.path.length ? ` (at ${issue.path.join(".")})` : ""}`;

const inFile = (file: string, issue: Issue): Issue => ({ ...issue, message: formatLocated(file, issue) });

const stem = (file: string) =>
  file
    .split("/")
    .pop()!
    .replace(/\.(ya?ml|json)$/, "");

/** `files`: path → text (paths may start with "/" as import.meta.glob gives them). */
export function buildCatalog(files: Readonly<Record<string, string>>): CatalogResult {
  const errors: Issue[] = [];
  const entries = new Map<string, CatalogEntry>();
  for (const [path, text] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
    const file = path.replace(/^\/+/, "");
    const loaded = loadExercise(text, file.endsWith(".json") ? "json" : "auto");
    if (!loaded.ok) {
      errors.push(...loaded.errors.map((e) => inFile(file, e)));
      continue;
    }
    const { id } = loaded.value;
    const idAt = () => {
      const tree = parseDataTree(text);
      return tree.ok ? tree.value.spanAt(["id"]) : undefined;
    };
    if (stem(file) !== id) {
      errors.push(
        inFile(file, {
          code: "file-name-mismatch",
          message: `exercise id "${id}" must match the file name (${id}.yaml)`,
          path: ["id"],
          span: idAt(),
        }),
      );
      continue;
    }
    const other = entries.get(id);
    if (other) {
      errors.push(
        inFile(file, {
          code: "duplicate-id",
          message: `exercise id "${id}" is already used by ${other.file}`,
          path: ["id"],
          span: idAt(),
        }),
      );
      continue;
    }
    entries.set(id, { id, file, exercise: loaded.value });
  }
  return errors.length > 0 ? fail(errors) : ok(entries);
}

/** The entry for an `<Exercise id>`, or the build error naming the files that exist. */
export function findExercise(
  catalog: ReadonlyMap<string, CatalogEntry>,
  id: string,
  usedIn = "<Exercise>",
): CatalogEntry {
  const entry = catalog.get(id);
  if (entry) return entry;
  const known = [...catalog.keys()].sort();
  throw new Error(
    `${usedIn}: unknown exercise id "${id}": there is no graders/${id}.yaml (known: ${known.join(", ") || "none"})`,
  );
}

/** Fixtures for browser tests are built but not listed. */
export const isListed = (id: string): boolean => !id.startsWith("e2e-");

/** A lesson as the course orders it, with the exercises it embeds in page order. */
export interface LessonExercises {
  slug: string;
  exerciseIds: readonly string[];
}

/**
 * Exercises in the order a learner meets them: lesson by lesson (`lessons` in course order),
 * and inside a lesson in the order the page embeds them. An exercise no lesson embeds comes
 * after its own lesson's embedded ones (by title); one without a lesson comes last (by title).
 */
export function inLessonOrder<E extends Pick<CatalogEntry, "id" | "exercise">>(
  entries: Iterable<E>,
  lessons: readonly LessonExercises[],
): E[] {
  const place = new Map<string, [number, number]>();
  lessons.forEach((lesson, l) =>
    lesson.exerciseIds.forEach((id, i) => {
      if (!place.has(id)) place.set(id, [l, i]);
    }),
  );
  const lessonIndex = new Map(lessons.map((l, i) => [l.slug, i]));
  const key = (e: E): [number, number] =>
    place.get(e.id) ?? [lessonIndex.get(e.exercise.lesson ?? "") ?? lessons.length, Number.MAX_SAFE_INTEGER];
  return [...entries].sort((a, b) => {
    const [la, ia] = key(a);
    const [lb, ib] = key(b);
    return la - lb || ia - ib || a.exercise.title.localeCompare(b.exercise.title) || a.id.localeCompare(b.id);
  });
}
