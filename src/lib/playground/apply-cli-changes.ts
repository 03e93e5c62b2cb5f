import { capIssues } from "../cap-issues.ts";
import { applyDocument } from "../grader/apply-rules.ts";
import type { Exercise } from "../grader/exercise-schema.ts";
import { detectRuleFormat, isBlankRules, parseLearnerRules } from "../grader/parse-learner-rules.ts";
import type { SubscriptionType, Topology } from "../nsg/topology-schema.ts";
import { ok, type Issue, type Result } from "../result.ts";

export type CliChangesResult = Result<{ topology: Topology; warnings: Issue[] }>;

/** The two script languages the changes editor reads. */
export type ChangesLanguage = "azcli" | "powershell";

export const CHANGES_LANGUAGE_LABEL: Record<ChangesLanguage, string> = {
  azcli: "az CLI",
  powershell: "Azure PowerShell",
};

/**
 * Which language a text of changes is in, decided per text as the grader decides it (its first
 * command: `az …` or a `Verb-Az…` cmdlet), so a learner pastes either without choosing. Text with
 * no command yet reads as az CLI.
 */
export const changesLanguage = (text: string): ChangesLanguage =>
  detectRuleFormat(text) === "powershell" ? "powershell" : "azcli";

/**
 * Changes run on top of the scenario, as the grader runs a learner's script on an exercise,
 * except that every NSG of the scenario may be changed: az CLI commands (nsg rule
 * create/update/delete, nsg create, nic / subnet update) or Azure PowerShell (the Az.Network
 * rule and NSG cmdlets), whichever the text is written in. The script may build the network too
 * (VNets, subnets, ASGs, NICs, VMs: a whole tutorial pasted on a blank scenario). `avoid` are
 * addresses the scenario's sample flows use, which an invented public IP keeps clear of.
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
  const doc = parseLearnerRules(text, asExercise, changesLanguage(text), { buildNetwork: true });
  if (!doc.ok) return doc;
  const applied = applyDocument(asExercise, doc.value, { avoid });
  if (!applied.ok) return applied;
  return ok({
    topology: applied.value.topology,
    warnings: capIssues([...doc.value.warnings, ...applied.value.notes]),
  });
}
