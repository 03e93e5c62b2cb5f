import { join } from "node:path";
import type { Exercise } from "../lib/grader/index.ts";
import { exercisesFromTexts } from "../lib/gradebook/exercise-set.ts";
import type { BatchIo } from "./io.ts";

/** Every exercise file of a folder (graders/), by id, and a line for each one that did not load. */
export function loadExercises(
  dir: string,
  io: BatchIo,
): { exercises: Map<string, Exercise>; problems: string[] } {
  const texts: { name: string; text: string }[] = [];
  const problems: string[] = [];
  for (const name of [...(io.listDir(dir) ?? [])].sort()) {
    if (!/\.(ya?ml|json)$/.test(name)) continue;
    try {
      texts.push({ name: join(dir, name), text: io.readFile(join(dir, name)) });
    } catch (e) {
      problems.push(`${join(dir, name)}: cannot read: ${(e as Error).message}`);
    }
  }
  const loaded = exercisesFromTexts(texts);
  return { exercises: loaded.exercises, problems: [...problems, ...loaded.problems] };
}
