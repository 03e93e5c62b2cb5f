import { applyRules } from "../grader/apply-rules.ts";
import type { Exercise } from "../grader/exercise-schema.ts";
import { isBlankRules, parseLearnerRules } from "../grader/parse-learner-rules.ts";
import type { RuleFormat } from "../formats/rule-document.ts";
import { createEvaluator } from "../nsg/evaluator.ts";
import type { Topology } from "../nsg/topology-schema.ts";
import { ok, type Result } from "../result.ts";
import { verificationPlan, type NamedFlow, type VerificationPlan } from "./ip-flow-tests.ts";
import type { ScriptTarget } from "./script-facts.ts";

/** An exercise's checks as flows to verify: its expectations, by name. */
export const exerciseChecks = (exercise: Exercise): NamedFlow[] =>
  exercise.expectations.map((e) => ({ name: e.name, flow: e.flow }));

export interface Verification {
  target: ScriptTarget;
  plan: VerificationPlan;
}

/**
 * What to build and test on Azure for an exercise with these rules (blank: the exercise as it
 * starts): the network the grader would judge, and one IP flow verify plan over its checks.
 */
export function exerciseVerification(
  exercise: Exercise,
  rules: string,
  format?: RuleFormat,
): Result<Verification> {
  let topology: Topology = exercise.topology;
  if (!isBlankRules(rules)) {
    const doc = parseLearnerRules(rules, exercise, format);
    if (!doc.ok) return doc;
    const applied = applyRules(exercise, doc.value);
    if (!applied.ok) return applied;
    topology = applied.value;
  }
  return scenarioVerification(
    { id: exercise.id, title: exercise.title, topology, subscription: exercise.subscription },
    exerciseChecks(exercise),
  );
}

/** The same for any scenario (the playground's), with its own flows to check. */
export function scenarioVerification(
  target: ScriptTarget,
  checks: readonly NamedFlow[],
): Result<Verification> {
  const evaluator = createEvaluator(target.topology, target.subscription);
  if (!evaluator.ok) return evaluator;
  return ok({ target, plan: verificationPlan(evaluator.value, checks) });
}
