/**
 * 7. How the evaluator scales, and what it costs over the least work that answers the same flows:
 *    grading one NSG of 1,000 to 7,994 rules (Azure's priorities 100–4096 in both directions), the
 *    per-flow cost at 10,000 and 100,000 flows, and the evaluator against bench/baseline-loop.ts.
 */
import type { Evaluator, FlowInput } from "../src/lib/nsg/index.ts";
import { baselineAllowed } from "./baseline-loop.ts";
import { generateFlows } from "./generators.ts";
import { measure, measureAlternating, ms, us } from "./measure.ts";
import { seeded } from "./random.ts";
import { largePasteGrade } from "./grading.ts";

/** One NSG's most rules: priorities 100–4096 are 3,997 a direction. */
const MAX_RULES = 7994;
/** Goals from the performance issue: the largest NSG grades in 100 ms; the evaluator within 2× the baseline. */
const MAX_RULES_TARGET_MS = 100;
const BASELINE_RATIO_TARGET = 2;

type Line = (label: string, value: string) => void;

const evaluateAll = (evaluator: Evaluator, flows: readonly FlowInput[]) => {
  let allowed = 0;
  for (const flow of flows) {
    const v = evaluator.evaluate(flow);
    if (v.ok && v.value.access === "Allow") allowed++;
  }
  return allowed;
};

export function scalingBench(line: Line, evaluator: Evaluator, endpoints: readonly string[]): void {
  console.log("\n7. Scaling (linear means ×N time for ×N work)");
  const sizes = [1000, 2000, 4000, MAX_RULES];
  const times = sizes.map((n) => measure(largePasteGrade(n), { warmup: 1, runs: 5 }).median);
  sizes.forEach((n, i) => {
    const growth =
      i === 0
        ? ""
        : `  ×${(times[i]! / times[i - 1]!).toFixed(2)} time for ×${(n / sizes[i - 1]!).toFixed(2)} rules`;
    line(`grade one NSG of ${n.toLocaleString("en")} rules (JSON paste)`, `${ms(times[i]!)}${growth}`);
  });
  const largest = times.at(-1)!;
  line(
    `${MAX_RULES.toLocaleString("en")} rules against the ${MAX_RULES_TARGET_MS} ms goal`,
    `${(largest / MAX_RULES_TARGET_MS).toFixed(3)}× (${largest <= MAX_RULES_TARGET_MS ? "met" : "MISSED"})`,
  );

  const small = generateFlows(seeded(11), 10_000, endpoints);
  const large = generateFlows(seeded(12), 100_000, endpoints);
  const smallRun = measure(() => evaluateAll(evaluator, small), { warmup: 1, runs: 5 });
  const largeRun = measure(() => evaluateAll(evaluator, large), { warmup: 1, runs: 3 });
  const perSmall = smallRun.median / small.length;
  const perLarge = largeRun.median / large.length;
  line("per flow at 10,000 flows", us(perSmall));
  line(
    "per flow at 100,000 flows",
    `${us(perLarge)}  ×${(perLarge / perSmall).toFixed(2)} the 10,000-flow cost (linear: ×1)`,
  );

  const evaluated = evaluateAll(evaluator, small);
  const baselined = baselineAllowed(evaluator, small);
  if (evaluated !== baselined)
    throw new Error(
      `the baseline loop disagrees with the evaluator: ${baselined} vs ${evaluated} flows allowed`,
    );
  const [evaluatorRun, baseRun] = measureAlternating(
    () => evaluateAll(evaluator, small),
    () => baselineAllowed(evaluator, small),
    { warmup: 1, runs: 9 },
  );
  const vs = evaluatorRun.median / baseRun.median;
  line(
    "hand-written baseline loop, 10,000 flows",
    `${ms(baseRun.median)} (evaluator ${ms(evaluatorRun.median)}, runs alternated)`,
  );
  line(
    "evaluator vs the baseline (same answers)",
    `${vs.toFixed(2)}× (goal ≤ ${BASELINE_RATIO_TARGET}×: ${vs <= BASELINE_RATIO_TARGET ? "met" : "MISSED"})`,
  );
}
