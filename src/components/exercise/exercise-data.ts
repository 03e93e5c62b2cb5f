import type { ExerciseData } from "../../lib/exercise-ui/island-data.ts";

/** The exercise an island works on, from the JSON its <Exercise> embedded at build time. */
export function readExerciseData(root: HTMLElement): ExerciseData {
  const script = root.querySelector<HTMLScriptElement>("script[data-exercise-data]");
  if (!script?.textContent) throw new Error("exercise data is missing from the page");
  return JSON.parse(script.textContent) as ExerciseData;
}
