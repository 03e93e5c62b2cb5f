/** Timing helpers: warm up, then take the median of several timed runs. */
export interface Timing {
  median: number;
  min: number;
  max: number;
  runs: number[];
}

export function measure(run: () => void, options: { warmup?: number; runs?: number } = {}): Timing {
  const { warmup = 2, runs = 7 } = options;
  for (let i = 0; i < warmup; i++) run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(timed(run));
  return timingOf(times);
}

/**
 * Two runs timed in turn (a, b, a, b, …), so that a burst of load on the machine lands on both
 * alike: the fair way to take a ratio of one to the other.
 */
export function measureAlternating(
  a: () => void,
  b: () => void,
  options: { warmup?: number; runs?: number } = {},
): [Timing, Timing] {
  const { warmup = 2, runs = 9 } = options;
  for (let i = 0; i < warmup; i++) {
    a();
    b();
  }
  const timesA: number[] = [];
  const timesB: number[] = [];
  for (let i = 0; i < runs; i++) {
    timesA.push(timed(a));
    timesB.push(timed(b));
  }
  return [timingOf(timesA), timingOf(timesB)];
}

function timed(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

function timingOf(times: number[]): Timing {
  const sorted = [...times].sort((x, y) => x - y);
  return {
    median: sorted[Math.floor(sorted.length / 2)]!,
    min: sorted[0]!,
    max: sorted.at(-1)!,
    runs: times,
  };
}

export const ms = (value: number) => `${value.toFixed(value < 1 ? 3 : 1)} ms`;
export const us = (value: number) => `${(value * 1000).toFixed(2)} µs`;
export const ratio = (value: number, target: number) =>
  `${(value / target).toFixed(3)}× target (${value < target ? "met" : "MISSED"})`;

/** One figure of a section: its label in a column, then its value. */
export const printLine = (label: string, value: string) => console.log(`  ${label.padEnd(44)} ${value}`);
