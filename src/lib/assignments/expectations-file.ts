import { parseDataTree } from "../formats/data-tree.ts";
import { expectationSchema, writesRules, type Exercise } from "../grader/exercise-schema.ts";
import { gradeSubmission } from "../grader/grade.ts";
import { customIssue, parseSchema } from "../nsg/zod-issues.ts";
import { fail, ok, type Issue, type IssuePath, type Result, type SourceSpan } from "../result.ts";
import { z } from "../zod.ts";

/**
 * Assessment mode: an instructor's extra checks, kept in a file of their own and never in
 * graders/ or the site, so no learner's browser ever holds them. Only what grades for the
 * instructor applies them: `npm run grade -- … --expectations <file>` (one exercise, a folder of
 * submissions, an assignment repository's workflow) and the gradebook page when given the file.
 *
 * Each check is written exactly as an exercise's `expectations` entry (docs/exercise-format.md):
 *
 * ```yaml
 * format: nsg-lab-expectations
 * version: 1
 * exercises:
 *   ftp-active:
 *     - name: The studio's second office cannot reach FTP
 *       flow: { from: 198.51.100.200, to: vm-ingest, protocol: TCP, port: 21 }
 *       expect: deny
 * ```
 */
export const EXPECTATIONS_FORMAT = "nsg-lab-expectations";

const EXERCISE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const expectationsFileSchema = z.strictObject({
  format: z.literal(EXPECTATIONS_FORMAT, { error: `format must be "${EXPECTATIONS_FORMAT}"` }),
  version: z.literal(1, { error: "version must be 1" }),
  exercises: z
    .record(
      z.string().regex(EXERCISE_ID, { error: "an exercise id is kebab-case (ftp-active)" }),
      z.array(expectationSchema).min(1, { error: "give at least one check, or leave the exercise out" }),
    )
    .superRefine((exercises, ctx) => {
      for (const [id, checks] of Object.entries(exercises)) {
        const names = new Set<string>();
        checks.forEach((c, i) => {
          if (names.has(c.name))
            ctx.addIssue(
              customIssue("duplicate-name", `check name "${c.name}" is used twice for ${id}`, [
                id,
                i,
                "name",
              ]),
            );
          names.add(c.name);
        });
      }
    }),
});

export type ExpectationsFile = z.output<typeof expectationsFileSchema>;

export interface LoadedExpectations {
  expectations: ExpectationsFile;
  /** Where a path of the file is, for issues found later (by `withExpectations`). */
  spanAt: (path: IssuePath) => SourceSpan;
}

/** Reads an expectations file (YAML or JSON); every error carries its line and column. */
export function loadExpectations(text: string): Result<LoadedExpectations> {
  const tree = parseDataTree(text);
  if (!tree.ok) return tree;
  const parsed = parseSchema(expectationsFileSchema, tree.value.value);
  if (!parsed.ok) return fail(parsed.errors.map((e) => ({ ...e, span: tree.value.spanAt(e.path) })));
  return ok({ expectations: parsed.value, spanAt: (path) => tree.value.spanAt(path) });
}

export interface AugmentedExercises {
  /** Every exercise, those the file names with its checks after their own. */
  exercises: Map<string, Exercise>;
  /** How many checks each exercise had before (the rest are the file's). */
  ownChecks: Map<string, number>;
  /** Checks the exercise's reference solution fails: no learner can pass them as the task is written. */
  warnings: Issue[];
}

/**
 * The exercises with the file's checks added, or why the file does not fit them. Paths point
 * into the file (`["exercises", id, i, …]`), for `LoadedExpectations.spanAt`. A check must be
 * new (its name not one of the exercise's) and must evaluate in the exercise's network; a check
 * the reference solution fails is a warning. Only exercises whose learners write rules take
 * checks: a predict exercise's answers are one per flow, and a hand-in could not match more.
 */
export function withExpectations(
  exercises: ReadonlyMap<string, Exercise>,
  file: ExpectationsFile,
): Result<AugmentedExercises> {
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  const out = new Map(exercises);
  const ownChecks = new Map<string, number>();
  for (const [id, checks] of Object.entries(file.exercises)) {
    const at = (...rest: (string | number)[]) => ["exercises", id, ...rest];
    const exercise = exercises.get(id);
    if (!exercise) {
      errors.push({ code: "unknown-exercise", message: `no exercise "${id}" to add checks to`, path: at() });
      continue;
    }
    if (!writesRules(exercise)) {
      errors.push({
        code: "invalid-value",
        message: `"${id}" is a ${exercise.kind} exercise: its learners answer its own flows, one answer each, so it takes no extra checks`,
        path: at(),
      });
      continue;
    }
    const own = new Set(exercise.expectations.map((e) => e.name));
    checks.forEach((c, i) => {
      if (own.has(c.name))
        errors.push({
          code: "duplicate-name",
          message: `"${id}" already has a check named "${c.name}": give the extra check a name of its own`,
          path: at(i, "name"),
        });
    });
    const augmented: Exercise = { ...exercise, expectations: [...exercise.expectations, ...checks] };
    if (exercise.solution !== undefined) {
      const solved = gradeSubmission(augmented, exercise.solution);
      solved.results.slice(exercise.expectations.length).forEach((r, i) => {
        if (r.actual === "error")
          errors.push({
            code: "invalid-flow",
            message: `check "${r.name}" of ${id} cannot be evaluated: ${r.explanation ?? r.decider}`,
            path: at(i, "flow"),
          });
        else if (!r.pass)
          warnings.push({
            code: "solution-fails",
            message: `the reference solution of ${id} fails check "${r.name}" (expected ${r.expect}, got ${r.actual}, ${r.decider}): no learner can pass it as the task is written`,
            path: at(i),
            severity: "warning",
          });
      });
    }
    out.set(id, augmented);
    ownChecks.set(id, exercise.expectations.length);
  }
  return errors.length > 0 ? fail(errors) : ok({ exercises: out, ownChecks, warnings });
}
