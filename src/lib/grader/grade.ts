import { capIssues } from "../cap-issues.ts";
import { lintNsg, type RuleLint } from "../analysis/lint-rules.ts";
import type { RuleDocument, RuleFormat } from "../formats/rule-document.ts";
import { createEvaluator, type Evaluator } from "../nsg/evaluator.ts";
import type { SecurityRule } from "../nsg/rule-schema.ts";
import type { Topology } from "../nsg/topology-schema.ts";
import { joinMessages } from "../result.ts";
import { applyRules, rulesValidatedBy } from "./apply-rules.ts";
import { changeSize, changesBetween, type ChangeReport } from "./change-size.ts";
import { writesRules, type Exercise } from "./exercise-schema.ts";
import { explainMiss } from "./explain.ts";
import { deadRules } from "./least-privilege.ts";
import { probeBlockingRules } from "../analysis/probe-blocking.ts";
import { isAssociationExercise, referenceNetwork } from "./reference.ts";
import { compareWithReference } from "./semantic-check.ts";
import { isBlankRules, parseLearnerRules } from "./parse-learner-rules.ts";
import { invalidReport, type ExpectationResult, type GradeReport } from "./report.ts";
import { decidedByHolds, deciderLabel, flattenTrace } from "./trace.ts";

/** Evaluates every expectation of an exercise against a (possibly learner-modified) network. */
/** `suggestFixes: false` skips verifying fixes (each re-compares): the editor asks for them on request. */
export interface GradeOptions {
  suggestFixes?: boolean;
  /** Rule lists `applyRules` has validated (`rulesValidatedBy`): the evaluator does not again. */
  rulesValidated?: ReadonlySet<readonly SecurityRule[]>;
}

export function gradeTopology(
  exercise: Exercise,
  topology: Topology,
  format?: RuleFormat,
  options: GradeOptions = {},
): GradeReport {
  const evaluator = createEvaluator(topology, exercise.subscription, {
    rulesValidated: options.rulesValidated,
  });
  if (!evaluator.ok)
    return invalidReport(
      exercise.id,
      evaluator.errors.map((e) => ({ ...e, path: ["topology", ...e.path] })),
    );
  const results = exercise.expectations.map((expectation): ExpectationResult => {
    const base = {
      name: expectation.name,
      expect: expectation.expect,
      ...(expectation.decidedBy ? { decidedBy: expectation.decidedBy } : {}),
    };
    const verdict = evaluator.value.evaluate(expectation.flow);
    if (!verdict.ok) {
      return {
        ...base,
        actual: "error",
        pass: false,
        decider: "",
        trace: [],
        explanation: `This flow cannot be evaluated: ${joinMessages(verdict.errors)}`,
      };
    }
    const actual = verdict.value.access === "Allow" ? "allow" : "deny";
    const pass =
      actual === expectation.expect &&
      (expectation.decidedBy === undefined || decidedByHolds(verdict.value, expectation.decidedBy));
    return {
      ...base,
      actual,
      pass,
      decider: deciderLabel(verdict.value),
      trace: flattenTrace(verdict.value, evaluator.value),
      verdict: verdict.value,
      ...(pass
        ? {}
        : {
            explanation: explainMiss(expectation, verdict.value, evaluator.value, exercise.editable, {
              associationOnly: isAssociationExercise(exercise),
            }),
          }),
    };
  });
  const passed = results.filter((r) => r.pass).length;
  const comparison = writesRules(exercise)
    ? compareWithReference(exercise, evaluator.value, format, options.suggestFixes ?? true)
    : undefined;
  return {
    exercise: exercise.id,
    status: "graded",
    passed,
    failed: results.length - passed,
    results,
    errors: [],
    warnings: [],
    lints: [
      ...lintEditable(exercise, evaluator.value),
      ...(writesRules(exercise) && passed === results.length ? deadRules(exercise, evaluator.value) : []),
    ],
    differences: comparison && "differences" in comparison ? comparison.differences : [],
    compared: comparison !== undefined,
    ...(comparison && "tooLarge" in comparison ? { comparisonProblem: comparison.tooLarge } : {}),
    ...(exercise.kind === "fix-rules" ? { change: changeReport(exercise, topology) } : {}),
  };
}

/** A fix-rules grade: the change from the scenario's rules, beside the reference solution's. */
function changeReport(exercise: Exercise, topology: Topology): ChangeReport {
  const reference = referenceNetwork(exercise);
  return {
    ...changeSize(changesBetween(exercise.topology, topology)),
    smallest: reference?.ok ? changesBetween(exercise.topology, reference.value.topology).length : undefined,
  };
}

function lintEditable(exercise: Exercise, evaluator: Evaluator): RuleLint[] {
  const { network, cache } = evaluator;
  const perNsg = exercise.editable.flatMap((nsg) => {
    // Tags resolve per VNet: lint from the VNet the NSG is attached in (else the first VNet).
    const attached =
      [...network.nicsByName.values()].find((p) => p.nicNsg === nsg || p.subnetNsg === nsg)?.vnet.name ??
      exercise.topology.vnets[0]?.name;
    const compiled = attached ? cache.get(nsg, attached) : undefined;
    const tags = attached ? network.tagsByVnet.get(attached) : undefined;
    return compiled && tags ? lintNsg(compiled, tags) : [];
  });
  return [...perNsg, ...probeBlockingRules(evaluator, exercise.editable)];
}

/** Grades a learner's rules text (JSON, YAML or az CLI) against an exercise. */
export const gradeSubmission = (exercise: Exercise, text: string, format?: RuleFormat): GradeReport =>
  gradeWithDocument(exercise, text, format).report;

/**
 * The same, also returning the parsed rules (when they parsed), so a caller that needs to
 * locate rules in the text (the editor's lint markers) doesn't parse it a second time.
 */
export function gradeWithDocument(
  exercise: Exercise,
  text: string,
  format?: RuleFormat,
  options: GradeOptions = {},
): { report: GradeReport; doc?: RuleDocument } {
  try {
    return gradeText(exercise, text, format, options);
  } catch (error) {
    // A safety net, never the plan (the hostile-input suite fuzzes for this message): whatever
    // slipped through still replaces the previous score with a located error, and the batch goes on.
    const message = `internal error while grading (your rules are kept; please report this): ${error instanceof Error ? error.message : String(error)}`;
    return {
      report: invalidReport(exercise.id, [
        { code: "internal-error", message, path: [], span: { line: 1, column: 1, endLine: 1, endColumn: 1 } },
      ]),
    };
  }
}

function gradeText(
  exercise: Exercise,
  text: string,
  format: RuleFormat | undefined,
  options: GradeOptions,
): { report: GradeReport; doc?: RuleDocument } {
  if (isBlankRules(text) && format !== "yaml")
    return { report: gradeTopology(exercise, exercise.topology, format, options) };
  const doc = parseLearnerRules(text, exercise, format);
  if (!doc.ok) return { report: invalidReport(exercise.id, doc.errors) };
  const applied = applyRules(exercise, doc.value);
  if (!applied.ok)
    return { report: invalidReport(exercise.id, [...applied.errors, ...doc.value.warnings]), doc: doc.value };
  return {
    report: {
      ...gradeTopology(exercise, applied.value, doc.value.format, {
        ...options,
        rulesValidated: rulesValidatedBy(doc.value, applied.value),
      }),
      warnings: capIssues(doc.value.warnings),
    },
    doc: doc.value,
  };
}

export type Prediction = "allow" | "deny" | undefined;

/**
 * A `predict` exercise: the learner says allow or deny for each flow; each answer is checked
 * against the evaluator's verdict (never against the file's `expect`, which check:content verifies).
 */
export function gradePredictions(exercise: Exercise, predictions: readonly Prediction[]): GradeReport {
  const truth = gradeTopology(exercise, exercise.topology);
  if (truth.status === "invalid") return truth;
  const results = truth.results.map((r, i): ExpectationResult => {
    const answer = predictions[i];
    const pass = answer !== undefined && answer === r.actual;
    const { explanation: _ignored, ...rest } = r;
    return {
      ...rest,
      expect: answer ?? r.expect,
      pass,
      ...(pass
        ? {}
        : {
            explanation:
              answer === undefined
                ? "No answer given."
                : `It is ${r.actual === "allow" ? "allowed" : "denied"}: decided by ${r.decider}.`,
          }),
    };
  });
  const passed = results.filter((r) => r.pass).length;
  return { ...truth, results, passed, failed: results.length - passed, lints: [] };
}
