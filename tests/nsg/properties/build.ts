/** Property-test support: evaluators from generated scenarios, and verdicts reduced to comparable data. */
import {
  createEvaluator,
  parseTopology,
  type Evaluator,
  type NsgStep,
  type Verdict,
  type VerdictResult,
} from "../../../src/lib/nsg/index.ts";
import { traceOf } from "../support/scenario.ts";
import type { Scenario } from "./arbitraries.ts";
import { joinMessages } from "../../../src/lib/result.ts";

/** Generated scenarios are valid by construction; a validation failure is a generator bug worth seeing. */
export function evaluatorOf(scenario: Pick<Scenario, "topology" | "subscription">): Evaluator {
  const topology = parseTopology(scenario.topology);
  if (!topology.ok) throw new Error(`generated topology is invalid: ${JSON.stringify(topology.errors)}`);
  const evaluator = createEvaluator(topology.value, scenario.subscription);
  if (!evaluator.ok) throw new Error(`generated topology is invalid: ${JSON.stringify(evaluator.errors)}`);
  return evaluator.value;
}

/** What must not change: the decision, and which rule decided at every NSG (the initiator's, for replies). */
export function summary(result: VerdictResult): unknown {
  if (!result.ok) return { error: joinMessages(result.errors) };
  const verdict = result.value;
  const initiator = verdict.decidingStep.kind === "stateful" ? verdict.decidingStep.initiator : undefined;
  return { access: verdict.access, trace: traceOf(verdict), initiator: initiator && traceOf(initiator) };
}

/** Every NSG step a verdict went through, the initiating connection's for a reply. */
export function nsgSteps(verdict: Verdict): NsgStep[] {
  const own = verdict.steps.filter((s): s is NsgStep => s.kind === "nsg");
  const initiator = verdict.decidingStep.kind === "stateful" ? nsgSteps(verdict.decidingStep.initiator) : [];
  return [...own, ...initiator];
}

/** A deterministic shuffle (Fisher–Yates driven by a small LCG), so counterexamples replay. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Property tests run hundreds of scenarios; give them room on a busy machine. */
export const PROPERTY_TIMEOUT_MS = 120_000;
