import { scenarioFromExercise } from "../../lib/playground/scenario-from-exercise.ts";

/**
 * The exercise files, bundled at build time as text, one small chunk each: a scenario is
 * fetched from the site itself only when someone loads it.
 */
const files = import.meta.glob("/graders/*.{yaml,yml,json}", { query: "?raw", import: "default" }) as Record<
  string,
  () => Promise<string>
>;

export async function loadExerciseScenario(file: string): Promise<string> {
  const load = files[`/${file.replace(/^\/+/, "")}`];
  if (!load) throw new Error(`no exercise file ${file}`);
  return scenarioFromExercise(await load(), file);
}
