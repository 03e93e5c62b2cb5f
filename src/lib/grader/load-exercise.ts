import { parseDataTree } from "../formats/data-tree.ts";
import type { LocatedIssue } from "../formats/source-span.ts";
import { fromZodError } from "../nsg/zod-issues.ts";
import { validateTopology } from "../nsg/validate-topology.ts";
import { exerciseSchema, type Exercise } from "./exercise-schema.ts";

export type ExerciseResult = { ok: true; value: Exercise } | { ok: false; errors: LocatedIssue[] };

/** Validates already-parsed exercise data (e.g. bundled JSON in the browser). */
export function validateExercise(
  data: unknown,
): { ok: true; value: Exercise } | { ok: false; errors: LocatedIssue[] } {
  const parsed = exerciseSchema.safeParse(data);
  if (!parsed.success) return { ok: false, errors: fromZodError(parsed.error) };
  const issues = validateTopology(parsed.data.topology).map((i) => ({ ...i, path: ["topology", ...i.path] }));
  return issues.length > 0 ? { ok: false, errors: issues } : { ok: true, value: parsed.data };
}

/** Parses an exercise file's text (YAML or JSON); every error carries its line and column. */
export function loadExercise(text: string, format: "json" | "yaml" | "auto" = "auto"): ExerciseResult {
  const tree = parseDataTree(text, format);
  if (!tree.ok) return tree;
  const result = validateExercise(tree.value.value);
  if (result.ok) return result;
  return { ok: false, errors: result.errors.map((e) => ({ ...e, span: tree.value.spanAt(e.path) })) };
}
