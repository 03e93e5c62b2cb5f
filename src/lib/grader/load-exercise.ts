import { parseDataTree } from "../formats/data-tree.ts";
import { parseSchema } from "../nsg/zod-issues.ts";
import { validateTopology } from "../nsg/validate-topology.ts";
import { fail, type Result } from "../result.ts";
import { exerciseSchema, type Exercise } from "./exercise-schema.ts";

export type ExerciseResult = Result<Exercise>;

/** Validates already-parsed exercise data (e.g. bundled JSON in the browser). */
export function validateExercise(data: unknown): ExerciseResult {
  const parsed = parseSchema(exerciseSchema, data);
  if (!parsed.ok) return parsed;
  const issues = validateTopology(parsed.value.topology).map((i) => ({
    ...i,
    path: ["topology", ...i.path],
  }));
  return issues.length > 0 ? fail(issues) : parsed;
}

/** Parses an exercise file's text (YAML or JSON); every error carries its line and column. */
export function loadExercise(text: string, format: "json" | "yaml" | "auto" = "auto"): ExerciseResult {
  const tree = parseDataTree(text, format);
  if (!tree.ok) return tree;
  const result = validateExercise(tree.value.value);
  if (result.ok) return result;
  return fail(result.errors.map((e) => ({ ...e, span: tree.value.spanAt(e.path) })));
}
