import { join } from "node:path";
import { loadExercise, type Exercise } from "../lib/grader/index.ts";
import type { BatchIo } from "./io.ts";

/** Every exercise file of a folder (graders/), by id, and a line for each one that did not load. */
export function loadExercises(
  dir: string,
  io: BatchIo,
): { exercises: Map<string, Exercise>; problems: string[] } {
  const exercises = new Map<string, Exercise>();
  const problems: string[] = [];
  for (const name of [...(io.listDir(dir) ?? [])].sort()) {
    if (!/\.(ya?ml|json)$/.test(name)) continue;
    let text: string;
    try {
      text = io.readFile(join(dir, name));
    } catch (e) {
      problems.push(`${join(dir, name)}: cannot read: ${(e as Error).message}`);
      continue;
    }
    const loaded = loadExercise(text);
    if (loaded.ok) exercises.set(loaded.value.id, loaded.value);
    else problems.push(`${join(dir, name)}: ${loaded.errors[0]?.message}`);
  }
  return { exercises, problems };
}
