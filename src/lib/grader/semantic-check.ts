import {
  ComparisonTooLarge,
  MAX_EVALUATIONS,
  compareNetworks,
  type Difference,
  type AcceptedDifference,
  type DifferenceKind,
  type FlowDirection,
} from "../compare/compare-networks.ts";
import { differenceCause, differenceSummary } from "../compare/describe-difference.ts";
import { rangesOfSet, type AddressRange } from "../compare/flow-space.ts";
import type { Evaluator } from "../nsg/evaluator.ts";
import type { FlowInput } from "../nsg/flow-schema.ts";
import { parseCidrOrIp } from "../nsg/ip.ts";
import type { Exercise } from "./exercise-schema.ts";
import type { RuleFormat } from "../formats/rule-document.ts";
import { isAssociationExercise, referenceNetwork } from "./reference.ts";
import { suggestFix } from "./suggest-fix.ts";
import { flattenTrace, type TraceEntry } from "./trace.ts";

/**
 * The grader's half of the semantic comparison: a learner's network against the reference
 * solution's over every flow the edited NSGs can affect (src/lib/compare), each difference in
 * words, with an example flow and both paths. Plain data: it crosses from the grading worker.
 */
export interface DifferenceResult {
  kind: DifferenceKind;
  direction: FlowDirection;
  /** "Too open: your rules also let 198.51.100.5 reach vm-ingest on TCP 23–65535 (e.g. TCP 3389)…" */
  summary: string;
  /** Which rule and field cause it. */
  cause: string;
  witness: FlowInput;
  /** The example flow's path in the learner's network, and in the reference's. */
  trace: TraceEntry[];
  referenceTrace: TraceEntry[];
  /** A verified edit that closes this difference, for learners who ask for it. */
  suggestion?: string;
}

/** Suggestions are verified by re-comparing; a handful is all a learner acts on at once. */
const SUGGESTIONS = 3;

const rangesOf = (prefixes: readonly string[]): AddressRange[] =>
  prefixes.flatMap((p) => {
    const set = parseCidrOrIp(p);
    return set.ok ? rangesOfSet(set.value) : [];
  });

function accepted(exercise: Exercise): AcceptedDifference[] {
  return exercise.acceptedDifferences.map((a) => ({
    ...(a.kind ? { kind: a.kind } : {}),
    ...(a.direction ? { direction: a.direction } : {}),
    ...(a.outside ? { outside: rangesOf(a.outside) } : {}),
  }));
}

/** What comparing found: the differences, or why the comparison could not be made. */
export type Comparison = { differences: DifferenceResult[] } | { tooLarge: string };

/** Suggestions re-compare once each: for large rule sets that costs more than a hint is worth. */
const SUGGEST_UP_TO_RULES = 20;

/** The differences from the reference, or undefined when there is nothing to compare with. */
export function compareWithReference(
  exercise: Exercise,
  learner: Evaluator,
  format: RuleFormat = "json",
  suggestFixes = true,
): Comparison | undefined {
  const reference = referenceNetwork(exercise);
  if (!reference?.ok) return undefined;
  const theirs = reference.value.evaluator;
  let differences: Difference[];
  try {
    differences = compareNetworks(learner, theirs, {
      editable: exercise.editable,
      accepted: accepted(exercise),
    });
  } catch (error) {
    if (!(error instanceof ComparisonTooLarge)) throw error;
    return {
      tooLarge: `Your rules are too many or too scattered to compare with the task exactly (more than ${MAX_EVALUATIONS.toLocaleString("en-US")} distinct flows). This exercise needs only a few rules: remove the ones it does not ask for.`,
    };
  }
  const customRules = exercise.editable.reduce(
    (n, nsg) => n + (learner.network.nsgs.get(nsg)?.securityRules.length ?? 0),
    0,
  );
  return {
    differences: differences.map((d, i) => {
      const suggestion =
        // Fixes are rule edits; in a task about associations they would contradict the brief.
        suggestFixes &&
        i < SUGGESTIONS &&
        customRules <= SUGGEST_UP_TO_RULES &&
        !isAssociationExercise(exercise)
          ? suggestFix(exercise, d, learner, theirs, format, differences.length)
          : undefined;
      return {
        kind: d.kind,
        direction: d.direction,
        summary: differenceSummary(d, learner),
        cause: differenceCause(d, learner, theirs, exercise.editable),
        witness: d.witness,
        trace: flattenTrace(d.learner, learner),
        referenceTrace: flattenTrace(d.reference, theirs),
        ...(suggestion ? { suggestion } : {}),
      };
    }),
  };
}
