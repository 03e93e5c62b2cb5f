/**
 * Section 7 of the benchmark alone (`node bench/scaling-only.ts`), without the browser sections:
 * the scaling of one NSG's grade with its rules, and of the evaluator with its flows, over the
 * same scenario as section 1 (bench/run.ts).
 */
import { availableParallelism, loadavg } from "node:os";
import { buildEvaluator } from "./build-evaluator.ts";
import { largeScenario } from "./generators.ts";
import { printLine } from "./measure.ts";
import { seeded } from "./random.ts";
import { scalingBench } from "./scaling.ts";

const large = largeScenario(seeded(20240611));
console.log(
  `Section 7 only — Node ${process.version}, ${availableParallelism()} CPUs, load average ${loadavg()[0]!.toFixed(1)}`,
);
scalingBench(printLine, buildEvaluator(large.topology), large.endpoints);
