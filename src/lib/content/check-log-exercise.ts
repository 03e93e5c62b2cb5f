import type { Exercise } from "../grader/exercise-schema.ts";
import { decidingChoices, findRuleChoice, PLATFORM_CHOICE, whyNotReasons } from "../grader/log-reading.ts";
import type { IssueCode } from "../issue-codes.ts";
import { exerciseFlowLog } from "../grader/exercise-log.ts";
import { createEvaluator } from "../nsg/evaluator.ts";
import type { IssuePath } from "../result.ts";

/**
 * What check:content asks of a read-logs exercise beyond its verdicts: its log can be generated,
 * and every answer can be read from it. For each question the log holds the flow's tuples and a
 * flow group named after the deciding rule (so a flow no NSG evaluates, or one the platform
 * blocks, cannot be asked about), and a `whyNot` names one rule of the scenario that did not
 * decide the flow.
 */
export function checkLogExercise(
  exercise: Exercise,
  at: (code: IssueCode, message: string, path: IssuePath) => void,
): void {
  const evaluator = createEvaluator(exercise.topology, exercise.subscription);
  if (!evaluator.ok) return;
  const log = exerciseFlowLog(exercise);
  if (!log.ok) {
    for (const e of log.errors) at(e.code, `the log cannot be generated: ${e.message}`, e.path);
    return;
  }
  exercise.expectations.forEach((expectation, i) => {
    const verdict = evaluator.value.evaluate(expectation.flow);
    if (!verdict.ok) return; // reported with the verdicts
    const tuples = log.value.tuples.filter((t) => log.value.question[t.flow] === i);
    const deciders = decidingChoices(verdict.value);
    const shown = deciders.every(
      (d) => d !== PLATFORM_CHOICE && tuples.some((t) => `${t.nsg}/${t.rule}` === d),
    );
    if (tuples.length === 0 || !shown)
      at(
        "answer-not-in-log",
        tuples.length === 0
          ? `"${expectation.name}" leaves no tuple in the log: no NSG evaluates it (a NIC without an NSG, or a host service); ask about a flow an NSG decides`
          : `"${expectation.name}" is decided by ${deciders.join(" or ")}, which no flow group of the log names; ask about a flow an NSG rule decides`,
        ["expectations", i, "flow"],
      );
    if (expectation.whyNot === undefined) return;
    const choice = findRuleChoice(exercise, expectation.whyNot);
    if (!choice)
      at(
        "rule-not-found",
        `whyNot "${expectation.whyNot}" names no rule of the scenario, or a rule several NSGs have: write it as nsg/rule`,
        ["expectations", i, "whyNot"],
      );
    else if (whyNotReasons(evaluator.value, verdict.value, choice).length === 0)
      at(
        "invalid-value",
        `whyNot "${expectation.whyNot}" is the rule that decides this flow: ask about a rule that does not`,
        ["expectations", i, "whyNot"],
      );
  });
}
