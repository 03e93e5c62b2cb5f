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

/** Exercises grouped by the lesson that embeds them (`lesson:` in the file). */
export function exercisesByLesson(catalog: ReadonlyMap<string, CatalogEntry>): Map<string, string[]> {
  const byLesson = new Map<string, string[]>();
  for (const { id, exercise } of catalog.values()) {
    if (!exercise.lesson) continue;
    byLesson.set(exercise.lesson, [...(byLesson.get(exercise.lesson) ?? []), id]);
  }
  return byLesson;
}

/** Fixtures for browser tests are built but not listed. */
export const isListed = (id: string): boolean => !id.startsWith("e2e-");
