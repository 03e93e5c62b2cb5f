/**
 * NSG evaluator benchmark (`npm run bench`).
 *
 * 1. Azure's limit, 1,000 custom rules in every NSG, against 10,000 flows: each flow crosses up to
 *    four such NSGs. Rules are compiled once; the flows are timed (target: all 10,000 < 100 ms).
 * 2. Grading-sized: 50 flows over a typical small exercise, as the grader runs them after every
 *    edit (target: well under 1 ms).
 * 3. Whole grading pipeline: a typical edit (target: one 60 Hz frame) and a 1,000-rule paste;
 *    3b. the script readers alone on 1,000-rule Azure PowerShell and az CLI scripts (100 ms each).
 * 4. The semantic comparison with the reference solution, per exercise and for a 200-rule NSG.
 * 5. Hostile input: the slowest 64 KB adversarial input for every reader (budget 100 ms).
 * 6. The same in the browser: re-grade + render per pause while typing in Monaco (Chromium);
 *    first, the build those pages come from (its time against Starlight's, Monaco's core once).
 * 6b. Opening the editor in Chromium: bytes downloaded until the first grade and until Monaco is in
 *    (az CLI, JSON), the same on Fast 3G + 4× CPU against issue 18's CodeMirror 6 anchor, and a
 *    second open from the service worker's copy (target: under 300 ms).
 * 6c. Page weight in the browser: lesson JS before load, the playground's blocking time at 4× CPU.
 * 6d. Lighthouse's mobile run (performance, accessibility, best practices, SEO; CLS, TBT, LCP) on
 *    every lesson page, an exercise and the playground, built under "/nsg-lab/" (targets: 100 and
 *    CLS 0 on lessons; the playground performance ≥ 95, TBT ≤ 200 ms).
 * 7. Scaling: grading 1,000 to 7,994 rules, 10,000 vs 100,000 flows, and the evaluator against a
 *    hand-written baseline loop (bench/baseline-loop.ts) giving the same answers.
 * 8. A class's inbox: 1,000 submission files re-graded by the CLI (10 s) and on the gradebook
 *    page's worker in Chromium (20 s, the page's longest task meanwhile against 100 ms).
 * Each figure is the median of several runs after warm-up.
 */
import { availableParallelism, loadavg } from "node:os";
import { joinMessages } from "../src/lib/result.ts";
import { createEvaluator, parseTopology, type Evaluator, type FlowInput } from "../src/lib/nsg/index.ts";
import { RULES_PER_NSG, generateFlows, largeScenario, smallExercise } from "./generators.ts";
import { measure, ms, printLine, ratio, us } from "./measure.ts";
import { buildEvaluator as build } from "./build-evaluator.ts";
import { seeded } from "./random.ts";
import { gradingBench } from "./grading.ts";
import { browserRegradeBench } from "./browser-regrade.ts";
import { scalingBench } from "./scaling.ts";
import { gradebookBench } from "./gradebook.ts";
import { pageWeightBench } from "./page-weight.ts";
import { lighthouseBench } from "./lighthouse.ts";
import { hostileBench } from "./hostile.ts";
import { scriptParseBench } from "./script-parse.ts";
import { semanticBench } from "./semantic.ts";

const FLOWS = 10_000;
const LARGE_TARGET_MS = 100;
const GRADING_TARGET_MS = 1;

function evaluateAll(evaluator: Evaluator, flows: readonly FlowInput[]): { allow: number; deny: number } {
  let allow = 0;
  let deny = 0;
  for (const flow of flows) {
    const result = evaluator.evaluate(flow);
    if (!result.ok) throw new Error(`flow ${JSON.stringify(flow)}: ${joinMessages(result.errors)}`);
    if (result.value.access === "Allow") allow++;
    else deny++;
  }
  return { allow, deny };
}

function compileAll(evaluator: Evaluator) {
  for (const nsg of evaluator.network.topology.nsgs)
    for (const vnet of evaluator.network.topology.vnets) evaluator.cache.get(nsg.name, vnet.name);
}

const line = printLine;

// --- 1. 1,000 rules per NSG × 10,000 flows -------------------------------------------------
const rng = seeded(20240611);
const large = largeScenario(rng);
const flows = generateFlows(rng, FLOWS, large.endpoints);
const nsgCount = large.topology.nsgs!.length;

let evaluator!: Evaluator;
const setup = measure(
  () => {
    evaluator = build(large.topology);
  },
  { warmup: 1, runs: 5 },
);
const compile = measure(
  () => {
    evaluator = build(large.topology);
    compileAll(evaluator);
  },
  { warmup: 1, runs: 5 },
);
compileAll(evaluator);
let counts = { allow: 0, deny: 0 };
const largeRun = measure(
  () => {
    counts = evaluateAll(evaluator, flows);
  },
  { warmup: 3, runs: 9 },
);

console.log(
  `\nNSG evaluator benchmark — Node ${process.version}, ${availableParallelism()} CPUs, load average ${loadavg()[0]!.toFixed(1)} (timings are noisy when busy)\n`,
);
console.log(
  `1. ${RULES_PER_NSG} custom rules in each of ${nsgCount} NSGs × ${FLOWS.toLocaleString("en")} flows (${counts.allow} allowed, ${counts.deny} denied)`,
);
line("validate topology (parse + checks)", ms(setup.median));
line("validate + compile every NSG once", ms(compile.median));
line(
  `evaluate ${FLOWS.toLocaleString("en")} flows (median of ${largeRun.runs.length})`,
  `${ms(largeRun.median)}  [min ${ms(largeRun.min)}, max ${ms(largeRun.max)}]`,
);
line("per flow", us(largeRun.median / FLOWS));
line("throughput", `${Math.round(FLOWS / (largeRun.median / 1000)).toLocaleString("en")} flows/s`);
line(
  `vs target (< ${LARGE_TARGET_MS} ms for ${FLOWS.toLocaleString("en")} flows)`,
  ratio(largeRun.median, LARGE_TARGET_MS),
);

// --- 2. Grading-sized: 50 flows over a small exercise ----------------------------------------
const exercise = smallExercise();
const ready = build(exercise.topology);
compileAll(ready);
evaluateAll(ready, exercise.flows);
const parsedExercise = parseTopology(exercise.topology);
if (!parsedExercise.ok) throw new Error("small exercise is invalid");
const REPEAT = 200;
const warmEval = measure(
  () => {
    for (let i = 0; i < REPEAT; i++) evaluateAll(ready, exercise.flows);
  },
  { warmup: 3, runs: 9 },
);
const compileAndEval = measure(
  () => {
    for (let i = 0; i < REPEAT; i++) {
      const fresh = createEvaluator(parsedExercise.value);
      if (fresh.ok) evaluateAll(fresh.value, exercise.flows);
    }
  },
  { warmup: 3, runs: 9 },
);
const endToEnd = measure(
  () => {
    for (let i = 0; i < REPEAT; i++) evaluateAll(build(exercise.topology), exercise.flows);
  },
  { warmup: 3, runs: 9 },
);

console.log(
  `\n2. Grading-sized: ${exercise.flows.length} flows over a small exercise (${exercise.topology.nsgs!.length} NSGs, ${exercise.topology.nsgs!.reduce((n, g) => n + (g.securityRules?.length ?? 0), 0)} rules)`,
);
line(
  "50 flows, evaluator ready",
  `${ms(warmEval.median / REPEAT)}  ${ratio(warmEval.median / REPEAT, GRADING_TARGET_MS)}`,
);
line(
  "50 flows, new rules compiled first",
  `${ms(compileAndEval.median / REPEAT)}  ${ratio(compileAndEval.median / REPEAT, GRADING_TARGET_MS)}`,
);
line(
  "50 flows, topology validated + compiled first",
  `${ms(endToEnd.median / REPEAT)}  ${ratio(endToEnd.median / REPEAT, GRADING_TARGET_MS)}`,
);
line("per flow, evaluator ready", us(warmEval.median / REPEAT / exercise.flows.length));
gradingBench(line);
scriptParseBench(line);
semanticBench(line);
await hostileBench();
await browserRegradeBench(line);
await pageWeightBench(line);
await lighthouseBench(line);
scalingBench(line, evaluator, large.endpoints);
await gradebookBench(line);
console.log("");
