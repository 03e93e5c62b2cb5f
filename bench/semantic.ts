/**
 * The semantic comparison's cost (src/lib/compare): for every exercise, a learner's network (its
 * starter, which differs) and the reference itself compared with the reference; and a
 * 200-rule learner NSG. Each is also given as a ratio to evaluating the exercise's listed checks,
 * measured in the same run, so the figure means the same on a faster or slower machine.
 */
import { readdirSync, readFileSync } from "node:fs";
import { applyRules, loadExercise, parseLearnerRules, type Exercise } from "../src/lib/grader/index.ts";
import { compareWithReference } from "../src/lib/grader/semantic-check.ts";
import { createEvaluator, type Evaluator } from "../src/lib/nsg/index.ts";
import { measure, ms, ratio } from "./measure.ts";

/** The budgets: every current exercise within 5 ms, a 200-rule learner NSG within 50 ms. */
const EXERCISE_TARGET_MS = 5;
const LARGE_TARGET_MS = 50;

function network(exercise: Exercise, text: string): Evaluator {
  const doc = parseLearnerRules(text, exercise);
  if (!doc.ok) throw new Error(`${exercise.id}: ${doc.errors[0]?.message}`);
  const applied = applyRules(exercise, doc.value);
  if (!applied.ok) throw new Error(`${exercise.id}: ${applied.errors[0]?.message}`);
  const built = createEvaluator(applied.value, exercise.subscription);
  if (!built.ok) throw new Error(`${exercise.id}: ${built.errors[0]?.message}`);
  return built.value;
}

const scattered = (nsg: string, count: number) =>
  JSON.stringify({
    [nsg]: Array.from({ length: count }, (_, i) => ({
      name: `r${i}`,
      priority: 100 + i,
      direction: "Inbound",
      access: i % 5 === 0 ? "Deny" : "Allow",
      protocol: i % 3 === 0 ? "Udp" : "Tcp",
      sourceAddressPrefix: `198.51.${(i * 7) % 256}.${(i * 13) % 256}`,
      sourcePortRange: "*",
      destinationAddressPrefix: "*",
      destinationPortRange: `${1000 + ((i * 37) % 60000)}-${1000 + ((i * 37) % 60000) + (i % 50)}`,
    })),
  });

export function semanticBench(line: (label: string, value: string) => void): void {
  const exercises = readdirSync("graders")
    .map((f) => loadExercise(readFileSync(`graders/${f}`, "utf8")))
    .flatMap((r) => (r.ok && r.value.kind === "author-rules" && r.value.solution ? [r.value] : []));
  console.log("\n4. Semantic comparison with the reference solution (every flow the edited NSGs can affect)");
  let worst = { id: "", median: 0, checks: 1, withFixes: 0 };
  for (const exercise of exercises) {
    const starter = network(exercise, exercise.starter ?? "");
    const checks = measure(() => exercise.expectations.forEach((e) => starter.evaluate(e.flow)), {
      warmup: 5,
      runs: 21,
    });
    // What every re-grade pays (fixes are verified only when the learner asks for them).
    const run = measure(() => compareWithReference(exercise, starter, "json", false), {
      warmup: 3,
      runs: 11,
    });
    const withFixes = measure(() => compareWithReference(exercise, starter), { warmup: 1, runs: 5 });
    if (run.median > worst.median)
      worst = { id: exercise.id, median: run.median, checks: checks.median, withFixes: withFixes.median };
  }
  line(
    `slowest of ${exercises.length} exercises, starter vs reference (${worst.id})`,
    `${ms(worst.median)}  ${ratio(worst.median, EXERCISE_TARGET_MS)}; ${(worst.median / worst.checks).toFixed(0)}× its listed checks`,
  );
  line("  the same, verifying the suggested fixes (on request)", ms(worst.withFixes));
  const ftp = exercises.find((e) => e.id === "ftp-active")!;
  const large = network(ftp, scattered(ftp.editable[0]!, 200));
  const checks = measure(() => ftp.expectations.forEach((e) => large.evaluate(e.flow)), {
    warmup: 5,
    runs: 21,
  });
  const run = measure(() => compareWithReference(ftp, large, "json", false), { warmup: 1, runs: 5 });
  line(
    "200-rule learner NSG (ftp-active)",
    `${ms(run.median)}  ${ratio(run.median, LARGE_TARGET_MS)}; ${(run.median / checks.median).toFixed(0)}× its listed checks`,
  );
}
