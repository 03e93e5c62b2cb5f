import type { RuleLint } from "../analysis/lint-rules.ts";
import { compareNetworks } from "../compare/compare-networks.ts";
import { createEvaluator, type Evaluator } from "../nsg/evaluator.ts";
import type { Exercise } from "./exercise-schema.ts";

/** Each rule costs one comparison; past this many, the review is not worth a keystroke's time. */
const REVIEW_UP_TO_RULES = 20;

/**
^ * The least-privilege review, once every check is green: rules that change no flow at all, found
 * exactly by comparing the network with and without each rule (a leftover `Allow-SMTP-Out` that
 * the platform blocks anyway, an allow that the defaults already give). Warnings, not failures.
 */
export function deadRules(exercise: Exercise, learner: Evaluator): RuleLint[] {
  const topology = learner.network.topology;
  const editable = topology.nsgs.filter((n) => exercise.editable.includes(n.name));
  if (editable.reduce((n, nsg) => n + nsg.securityRules.length, 0) > REVIEW_UP_TO_RULES) return [];
  const lints: RuleLint[] = [];
  for (const nsg of editable) {
    // Allows only: an explicit deny that repeats what the defaults already deny is a documented
    // safeguard (it still holds when someone adds a broader allow later), not a mistake.
    for (const rule of nsg.securityRules.filter((r) => r.access === "Allow")) {
      const without = createEvaluator(
        {
          ...topology,
          nsgs: topology.nsgs.map((n) =>
            n === nsg ? { ...n, securityRules: n.securityRules.filter((r) => r !== rule) } : n,
          ),
        },
        exercise.subscription,
      );
      if (!without.ok) continue;
      try {
        if (compareNetworks(without.value, learner, { editable: exercise.editable }).length > 0) continue;
      } catch {
        continue; // too large to tell: say nothing rather than guess
      }
      lints.push({
        kind: "dead-rule",
        severity: "warning",
        nsg: nsg.name,
        rule: rule.name,
        message: `${rule.name} changes nothing: without it your network lets through exactly the same traffic. Remove it; least privilege keeps only the rules the task needs.`,
      });
    }
  }
  return lints;
}
