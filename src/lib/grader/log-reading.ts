import { CONDITION_LABEL, failedConditions, type MatchCondition } from "../analysis/rules-tried.ts";
import { DEFAULT_RULES } from "../nsg/default-rules.ts";
import { createEvaluator, type Evaluator } from "../nsg/evaluator.ts";
import { rulesOfStep } from "../nsg/step-rules.ts";
import type { NsgStep, Verdict } from "../nsg/verdict.ts";
import type { Direction } from "../nsg/vocabulary.ts";
import { joinMessages, type Issue } from "../result.ts";
import type { Exercise } from "./exercise-schema.ts";
import { decisiveSteps, deciderLabel, flattenTrace, type TraceEntry } from "./trace.ts";
import type { LogAnswer } from "./log-answer.ts";
import { WHY_NOT_LABEL, WHY_NOT_REASONS, type WhyNotReason } from "./why-not-reasons.ts";

/**
 * A read-logs exercise graded: for each flow asked about, the learner says whether it was
 * allowed or denied, which rule decided it, and (when the question asks) why another rule did
 * not. Every right answer comes from the evaluator's verdict on the exercise's scenario, the same
 * verdicts the flow log is generated from (src/lib/network-watcher/vnet-flow-log.ts); the file's
 * `expect` and `decidedBy` are only checked against them by check:content. A wrong answer is
 * explained from the verdict's path: why the rule picked did not decide.
 */

export { WHY_NOT_REASONS, WHY_NOT_LABEL, type WhyNotReason };
export type { LogAnswer };

/** The value for "the platform decided" among the rule choices. */
export const PLATFORM_CHOICE = "platform";

/** A rule the learner can name: every rule of every NSG in the scenario, defaults included. */
export interface RuleChoice {
  value: string;
  nsg: string;
  rule: string;
  priority: number;
  direction: Direction;
  isDefault: boolean;
}

export interface PartResult {
  pass: boolean;
  /** For a wrong answer: why it is wrong, from the flow's path, without giving the answer. */
  explanation?: string;
}

export interface LogQuestionResult {
  name: string;
  /** Every part answered and right. */
  pass: boolean;
  actual: "allow" | "deny";
  /** "nsg-web/DenyAllInBound (65500)", as the grader names deciders. */
  decider: string;
  /** The rule choices that name the deciding rule (for an allowed flow: any NSG's allowing rule). */
  deciders: string[];
  verdict: PartResult;
  rule: PartResult;
  whyNot?: PartResult & { rule: string; reasons: WhyNotReason[] };
  trace: TraceEntry[];
}

export interface LogReadingReport {
  exercise: string;
  status: "graded" | "invalid";
  errors: Issue[];
  results: LogQuestionResult[];
  passed: number;
  failed: number;
}

const choiceValue = (nsg: string, rule: string) => `${nsg}/${rule}`;

/** Every NSG's rules, inbound then outbound by priority, the default rules last: what a learner picks from. */
export function ruleChoices(exercise: Exercise): { nsg: string; rules: RuleChoice[] }[] {
  return exercise.topology.nsgs.map((nsg) => {
    const custom = [...nsg.securityRules].sort(
      (a, b) => a.direction.localeCompare(b.direction) || a.priority - b.priority,
    );
    const rules = [
      ...custom.map((r) => ({ r, isDefault: false })),
      ...DEFAULT_RULES.map((r) => ({ r, isDefault: true })),
    ];
    return {
      nsg: nsg.name,
      rules: rules.map(({ r, isDefault }) => ({
        value: choiceValue(nsg.name, r.name),
        nsg: nsg.name,
        rule: r.name,
        priority: r.priority,
        direction: r.direction,
        isDefault,
      })),
    };
  });
}

/**
 * The rule a question or an answer names: "nsg/rule", or a rule name alone when exactly one NSG
 * has it (names compare case-insensitively, as Azure's do). Undefined when none or several match.
 */
export function findRuleChoice(exercise: Exercise, ref: string): RuleChoice | undefined {
  const all = ruleChoices(exercise).flatMap((g) => g.rules);
  const wanted = ref.toLowerCase();
  const exact = all.find((c) => c.value.toLowerCase() === wanted);
  if (exact) return exact;
  const named = all.filter((c) => c.rule.toLowerCase() === wanted);
  return named.length === 1 ? named[0] : undefined;
}

const nsgSteps = (verdict: Verdict): NsgStep[] =>
  decisiveSteps(verdict).filter((s): s is NsgStep => s.kind === "nsg");

/** The choices that name what decided: the denying rule, or every NSG's allowing rule. */
export function decidingChoices(verdict: Verdict): string[] {
  const steps = decisiveSteps(verdict);
  if (verdict.access === "Deny") {
    const last = steps[steps.length - 1];
    if (last?.kind === "nsg") return [choiceValue(last.nsg, last.rule.name)];
    return last?.kind === "platform" ? [PLATFORM_CHOICE] : [];
  }
  if (steps.some((s) => s.kind === "platform")) return [PLATFORM_CHOICE];
  return nsgSteps(verdict).map((s) => choiceValue(s.nsg, s.rule.name));
}

/**
 * Why `choice` did not decide the flow; empty when it did (it decided at its NSG, and that NSG's
 * verdict stands). The reasons come from the path: where the rule's NSG met the flow, in which
 * direction, which rule decided there, and which of the rule's conditions the packet failed.
 */
export function whyNotReasons(evaluator: Evaluator, verdict: Verdict, choice: RuleChoice): WhyNotReason[] {
  const at = nsgSteps(verdict).filter((s) => s.nsg.toLowerCase() === choice.nsg.toLowerCase());
  if (at.length === 0) return ["not-on-path"];
  const step = at.find((s) => s.direction === choice.direction);
  if (!step) return ["other-direction"];
  const rules = rulesOfStep(evaluator, step);
  const index = rules.findIndex((r) => r.rule.name.toLowerCase() === choice.rule.toLowerCase());
  const decided = rules.findIndex(
    (r) => r.rule.name === step.rule.name && r.rule.priority === step.rule.priority,
  );
  if (index < 0) return ["not-on-path"];
  if (index === decided) return step.access === "Allow" && verdict.access === "Deny" ? ["overruled"] : [];
  if (index > decided) return ["later"];
  return failedConditions(rules[index]!, step.packet);
}

// ── Words ───────────────────────────────────────────────────────────────────────────────────

const ruleLabel = (c: RuleChoice) => `${c.rule} (${c.priority}) in ${c.nsg}`;

const sentence = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

function listText(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** "Allow-HTTPS (300) in nsg-web doesn't match this flow: its destination port doesn't match." */
export function whyNotText(choice: RuleChoice, reasons: readonly WhyNotReason[]): string {
  const fields = reasons.filter((r): r is MatchCondition => r in CONDITION_LABEL);
  if (fields.length > 0)
    return `${ruleLabel(choice)} doesn't match this flow: its ${listText(fields.map((f) => CONDITION_LABEL[f]))} ${fields.length === 1 ? "doesn't" : "don't"} match the packet.`;
  const [reason] = reasons;
  if (!reason) return `${ruleLabel(choice)} decided this flow.`;
  return `${ruleLabel(choice)}: ${WHY_NOT_LABEL[reason]}.`;
}

function verdictExplanation(said: "allow" | "deny"): string {
  return said === "allow"
    ? "A flow that an NSG stops leaves a tuple in state D (deny) at the NIC where it was stopped. Look at this flow's tuples at each NIC it reaches."
    : "A flow the NSGs let through leaves tuples in state B (begin) and E (end) at every NIC it reaches, and none in state D. Look at this flow's tuples again.";
}

function ruleExplanation(
  exercise: Exercise,
  evaluator: Evaluator,
  verdict: Verdict,
  picked: string,
  asked: RuleChoice | undefined,
): string {
  if (picked === PLATFORM_CHOICE)
    return "Azure's platform takes no part in this flow: a rule of an NSG on its path decided it.";
  const choice = findRuleChoice(exercise, picked);
  if (!choice) return "That is not a rule of this scenario.";
  // Why the rule the question asks about did not decide is that question's answer: don't give it here.
  if (choice.value === asked?.value)
    return `${ruleLabel(choice)} is the rule the question asks about: it did not decide this flow. Find the flow's tuple and read the rule of its flow group.`;
  const reasons = whyNotReasons(evaluator, verdict, choice);
  return `${whyNotText(choice, reasons)} Find the flow's tuple and read the rule of its flow group.`;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  return left.size === new Set(b).size && b.every((x) => left.has(x));
}

function whyNotExplanation(chosen: readonly WhyNotReason[], right: readonly WhyNotReason[]): string {
  const wrong = chosen.filter((r) => !right.includes(r)).length;
  const missing = right.filter((r) => !chosen.includes(r)).length;
  const parts = [
    wrong > 0 ? `${wrong} of the reasons you ticked ${wrong === 1 ? "is" : "are"} not why` : "",
    missing > 0 ? `${missing} ${missing === 1 ? "reason is" : "reasons are"} missing` : "",
  ].filter(Boolean);
  return `${sentence(parts.join(", and "))}. Find where the rule's NSG met the flow: in which direction, which rule decided there, and whether the rule comes before it; then compare the rule's five fields with the packet as that NSG saw it.`;
}

function questionResult(
  exercise: Exercise,
  evaluator: Evaluator,
  index: number,
  answer: LogAnswer | undefined,
): LogQuestionResult | Issue[] {
  const expectation = exercise.expectations[index]!;
  const evaluated = evaluator.evaluate(expectation.flow);
  if (!evaluated.ok) return evaluated.errors.map((e) => ({ ...e, path: ["expectations", index, "flow"] }));
  const verdict = evaluated.value;
  const actual = verdict.access === "Allow" ? "allow" : "deny";
  const deciders = decidingChoices(verdict);
  const verdictPart: PartResult =
    answer?.verdict === undefined
      ? { pass: false }
      : answer.verdict === actual
        ? { pass: true }
        : { pass: false, explanation: verdictExplanation(answer.verdict) };
  const asked = expectation.whyNot !== undefined ? findRuleChoice(exercise, expectation.whyNot) : undefined;
  const pickedRule = answer?.rule;
  const rulePart: PartResult =
    pickedRule === undefined
      ? { pass: false }
      : deciders.some((d) => d.toLowerCase() === pickedRule.toLowerCase())
        ? { pass: true }
        : { pass: false, explanation: ruleExplanation(exercise, evaluator, verdict, pickedRule, asked) };
  let whyNot: LogQuestionResult["whyNot"];
  if (asked) {
    const reasons = whyNotReasons(evaluator, verdict, asked);
    const chosen = answer?.whyNot ?? [];
    const pass = chosen.length > 0 && sameSet(chosen, reasons);
    whyNot = {
      rule: asked.value,
      reasons,
      pass,
      ...(pass || chosen.length === 0 ? {} : { explanation: whyNotExplanation(chosen, reasons) }),
    };
  }
  return {
    name: expectation.name,
    pass: verdictPart.pass && rulePart.pass && (whyNot?.pass ?? true),
    actual,
    decider: deciderLabel(verdict),
    deciders,
    verdict: verdictPart,
    rule: rulePart,
    ...(whyNot ? { whyNot } : {}),
    trace: flattenTrace(verdict, evaluator),
  };
}

/** Grades a learner's answers, one per expectation (undefined: not answered yet). */
export function gradeLogReading(
  exercise: Exercise,
  answers: readonly (LogAnswer | undefined)[],
): LogReadingReport {
  const invalid = (errors: Issue[]): LogReadingReport => ({
    exercise: exercise.id,
    status: "invalid",
    errors,
    results: [],
    passed: 0,
    failed: 0,
  });
  const built = createEvaluator(exercise.topology, exercise.subscription);
  if (!built.ok) return invalid(built.errors.map((e) => ({ ...e, path: ["topology", ...e.path] })));
  const results: LogQuestionResult[] = [];
  for (const [i] of exercise.expectations.entries()) {
    const result = questionResult(exercise, built.value, i, answers[i]);
    if (Array.isArray(result))
      return invalid(
        result.map((e) => ({ ...e, message: `"${exercise.expectations[i]!.name}": ${joinMessages([e])}` })),
      );
    results.push(result);
  }
  const passed = results.filter((r) => r.pass).length;
  return {
    exercise: exercise.id,
    status: "graded",
    errors: [],
    results,
    passed,
    failed: results.length - passed,
  };
}
