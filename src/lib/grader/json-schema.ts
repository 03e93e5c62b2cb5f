import { z } from "../zod.ts";
import { exerciseSchema } from "./exercise-schema.ts";

/** JSON Schema (draft 2020-12) of an exercise file as authors write it (zod's input side). */
export function exerciseJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(exerciseSchema, {
    io: "input",
    unrepresentable: "any",
    target: "draft-2020-12",
  }) as Record<string, unknown>;
  return {
    ...schema,
    $id: "https://nsg-lab.github.io/schema/exercise.schema.json",
    title: "NSG Lab exercise",
    description:
      "An NSG Lab exercise: a network scenario, the NSGs a learner edits and the flows to check (scenario format v1).",
  };
}
