import { loadExercise, type Exercise } from "../grader/index.ts";

/**
 * The current exercises from their files' texts (graders/*.yaml), by id, and a line for each
 * file that did not load: the CLI reads them from the folder, the gradebook page's worker has
 * them bundled at build time, and both load them with the same `loadExercise`.
 */
export function exercisesFromTexts(files: readonly { name: string; text: string }[]): {
  exercises: Map<string, Exercise>;
  problems: string[];
} {
  const exercises = new Map<string, Exercise>();
  const problems: string[] = [];
  for (const { name, text } of [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (!/\.(ya?ml|json)$/.test(name)) continue;
    const loaded = loadExercise(text);
    if (loaded.ok) exercises.set(loaded.value.id, loaded.value);
    else problems.push(`${name}: ${loaded.errors[0]?.message}`);
  }
  return { exercises, problems };
}
