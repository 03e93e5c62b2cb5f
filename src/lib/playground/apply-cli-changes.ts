import { applyDocument } from "../grader/apply-rules.ts";
import type { Exercise } from "../grader/exercise-schema.ts";
import { isBlankRules, parseLearnerRules } from "../grader/parse-learner-rules.ts";
import type { SubscriptionType, Topology } from "../nsg/topology-schema.ts";
import { ok, type Issue, type Result } from "../result.ts";

export type CliChangesResult = Result<{ topology: Topology; warnings: Issue[] }>;

/**
 * az CLI commands run on top of the scenario, as the grader runs a learner's script on an
 * exercise, except that every NSG of the scenario may be changed and the script may build the
 * network too (VNets, subnets, ASGs, NICs, VMs: a whole tutorial pasted on a blank scenario).
 * `avoid` are addresses the scenario's sample flows use, which an invented public IP keeps clear of.
 */
export function applyCliChanges(
  topology: Topology,
  subscription: SubscriptionType,
  text: string,
  avoid: readonly string[] = [],
): CliChangesResult {
  if (isBlankRules(text)) return ok({ topology, warnings: [] });
  const asExercise: Exercise = {
    id: "playground",
    title: "Playground",
    kind: "author-rules",
    subscription,
    topology,
    editable: topology.nsgs.map((n) => n.name),
    expectations: [],
    hints: [],
    acceptedDifferences: [],
  };
  const doc = parseLearnerRules(text, asExercise, "azcli", { buildNetwork: true });
  if (!doc.ok) return doc;
  const applied = applyDocument(asExercise, doc.value, { avoid });
  if (!applied.ok) return applied;
  return ok({ topology: applied.value.topology, warnings: [...doc.value.warnings, ...applied.value.notes] });
}
