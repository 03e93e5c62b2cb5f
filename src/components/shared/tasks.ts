/**
 * Splitting work into tasks, so the browser can paint and answer input between them (a task
 * over 50 ms is a "long task": it counts towards Total Blocking Time).
 */
export const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Runs steps one task each, in order; `run` again or `cancel` drops the steps not yet run. */
export function taskQueue(): { run: (steps: readonly (() => void)[]) => void; cancel: () => void } {
  let generation = 0;
  const cancel = () => {
    generation += 1;
  };
  const run = (steps: readonly (() => void)[]) => {
    cancel();
    const mine = generation;
    const next = (i: number) => {
      if (mine !== generation || i >= steps.length) return;
      steps[i]!();
      setTimeout(() => next(i + 1), 0);
    };
    setTimeout(() => next(0), 0);
  };
  return { run, cancel };
}
