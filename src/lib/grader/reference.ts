import { createEvaluator, type Evaluator } from "../nsg/evaluator.ts";
import type { Topology } from "../nsg/topology-schema.ts";
import { fail, ok, type Result } from "../result.ts";
import { applyRules } from "./apply-rules.ts";
import { writesRules, type Exercise } from "./exercise-schema.ts";
import { parseLearnerRules } from "./parse-learner-rules.ts";

/**
 * The exercise's network with its reference solution applied: what a learner's network is
 * compared with. Built once per exercise (the editor re-grades on every pause in typing).
 */
const cache = new WeakMap<Exercise, Result<{ topology: Topology; evaluator: Evaluator }> | undefined>();

export function referenceNetwork(
  exercise: Exercise,
): Result<{ topology: Topology; evaluator: Evaluator }> | undefined {
  if (cache.has(exercise)) return cache.get(exercise);
  const built = build(exercise);
  cache.set(exercise, built);
  return built;
}

function build(exercise: Exercise): Result<{ topology: Topology; evaluator: Evaluator }> | undefined {
  if (!writesRules(exercise) || exercise.solution === undefined) return undefined;
  const doc = parseLearnerRules(exercise.solution, exercise);
  if (!doc.ok) return fail(doc.errors);
  const applied = applyRules(exercise, doc.value);
  if (!applied.ok) return fail(applied.errors);
  const evaluator = createEvaluator(applied.value, exercise.subscription);
  return evaluator.ok ? ok({ topology: applied.value, evaluator: evaluator.value }) : fail(evaluator.errors);
}

/**
 * True when the task is about where NSGs are associated, not what their rules say: the reference
 * solution leaves every editable NSG's rules as the scenario has them and changes associations.
 * Feedback then talks about associations (advising a new rule there would contradict the brief).
 */
const associationOnly = new WeakMap<Exercise, boolean>();
export function isAssociationExercise(exercise: Exercise): boolean {
  const known = associationOnly.get(exercise);
  if (known !== undefined) return known;
  const reference = referenceNetwork(exercise);
  const rulesOf = (topology: Topology, nsg: string) =>
    JSON.stringify(topology.nsgs.find((n) => n.name === nsg)?.securityRules ?? []);
  const placement = (topology: Topology) =>
    JSON.stringify([
      topology.vnets.map((v) => v.subnets.map((s) => s.nsg ?? null)),
      topology.vms.map((vm) => vm.nics.map((n) => n.nsg ?? null)),
    ]);
  const result =
    reference?.ok === true &&
    exercise.editable.every(
      (nsg) => rulesOf(reference.value.topology, nsg) === rulesOf(exercise.topology, nsg),
    ) &&
    placement(reference.value.topology) !== placement(exercise.topology);
  associationOnly.set(exercise, result);
  return result;
}
