import type { NsgRuleSet } from "../formats/export/index.ts";
import type { Exercise } from "../grader/exercise-schema.ts";
import type { Topology } from "../nsg/topology-schema.ts";
import { ok, type Result } from "../result.ts";
import { readRuleSets, ruleSetsToJson, withStartingRules } from "./format-conversion.ts";

/**
 * The portal form of an author-rules exercise is a view over rules kept as text: its draft,
 * share links and submissions hold the JSON `ruleSetsToJson` writes, one list per editable NSG,
 * so everything that reads a draft keeps working. These read that text into the form's rule
 * sets and write them back.
 */

/** Every editable NSG's rules from the form's text, or why the text cannot be shown in the form. */
export function readFormRules(exercise: Exercise, text: string): Result<NsgRuleSet[]> {
  const read = readRuleSets(exercise, text, "form");
  return read.ok ? ok(withStartingRules(exercise, read.value)) : read;
}

/** The form's text for its rule sets. */
export const formRulesText = (exercise: Exercise, sets: readonly NsgRuleSet[]): string =>
  ruleSetsToJson(sets, exercise.editable);

/** The exercise's network with the form's rules in its editable NSGs: what a new rule is checked against. */
export function topologyWithRules(exercise: Exercise, sets: readonly NsgRuleSet[]): Topology {
  const topology = exercise.topology;
  return {
    ...topology,
    nsgs: topology.nsgs.map((n) => {
      const set = sets.find((s) => s.nsg === n.name);
      return set ? { ...n, securityRules: set.rules } : n;
    }),
  };
}
