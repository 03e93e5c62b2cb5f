import { flattenTrace } from "../grader/trace.ts";
import { traceText } from "../exercise-ui/expectation-text.ts";
import { createEvaluator } from "../nsg/evaluator.ts";
import { ok, type Issue, type Result } from "../result.ts";
import { azVerificationScript } from "./az-verification-script.ts";
import { compareAzureResults, describeOutcome, readAzureResults, type TestOutcome } from "./azure-results.ts";
import type { NamedFlow } from "./ip-flow-tests.ts";
import { psVerificationScript } from "./ps-verification-script.ts";
import { RESULTS_FILE, VM_SIZE } from "./script-facts.ts";
import {
  exerciseChecks,
  exerciseVerification,
  scenarioVerification,
  type Verification,
} from "./verify-exercise.ts";
import type { Exercise } from "../grader/exercise-schema.ts";
import type { RuleFormat } from "../formats/rule-document.ts";
import type { ScriptTarget } from "./script-facts.ts";

/**
 * The page's side of the bridge to Azure (the CLI's is src/cli/verify-command.ts): what the
 * download holds and is called, what it will build and cost in words, and Azure's recorded answers
 * compared with the simulator's, one row per IP flow verify test, with the simulator's path for
 * every test where Azure answered otherwise.
 */

export type BridgeShell = "az" | "powershell";

/** What a page verifies: the network and plan, and the checks the plan was made from. */
export interface BridgeSource {
  verification: Verification;
  checks: readonly NamedFlow[];
}

/** An exercise with the learner's rules (blank: the scenario as it starts), checked on its expectations. */
export function exerciseBridge(exercise: Exercise, rules: string, format?: RuleFormat): Result<BridgeSource> {
  const verification = exerciseVerification(exercise, rules, format);
  if (!verification.ok) return verification;
  return ok({ verification: verification.value, checks: exerciseChecks(exercise) });
}

/** Any scenario (the playground's), checked on the flows given. */
export function scenarioBridge(target: ScriptTarget, checks: readonly NamedFlow[]): Result<BridgeSource> {
  const verification = scenarioVerification(target, checks);
  return verification.ok ? ok({ verification: verification.value, checks }) : verification;
}

export interface BridgeDownload {
  fileName: string;
  text: string;
}

export function bridgeScript(verification: Verification, shell: BridgeShell): BridgeDownload {
  const base = `nsg-lab-verify-${verification.target.id}`;
  return shell === "az"
    ? { fileName: `${base}.sh`, text: azVerificationScript(verification.target, verification.plan) }
    : { fileName: `${base}.ps1`, text: psVerificationScript(verification.target, verification.plan) };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** What the script will do for these rules, in one sentence, then what it cannot test and why. */
export function bridgeFacts(verification: Verification): { summary: string; untestable: string[] } {
  const { target, plan } = verification;
  const vms = target.topology.vms.length;
  const summary =
    plan.tests.length === 0
      ? "None of these checks can be tested with IP flow verify, so there is no script to run."
      : `The script builds ${plural(vms, "VM")} (${VM_SIZE}, the cheapest size) with this network and your rules in a new resource group, runs ${plural(plan.tests.length, "IP flow verify test")}, saves Azure's answers to ${RESULTS_FILE} and deletes the resource group.`;
  return { summary, untestable: plan.untestable.map((u) => `${u.check}: ${u.reason}`) };
}

export interface BridgeRow {
  outcome: TestOutcome["kind"];
  /** describeOutcome's line: the check, the NIC and direction, both answers. */
  text: string;
  /** The simulator's path for the check, where Azure answered otherwise or not at all. */
  path?: string;
}

export interface BridgeComparison {
  rows: BridgeRow[];
  /** "5 of 6 tests agree with NSG Lab; 1 disagrees (a possible fidelity bug)". */
  summary: string;
  /** Lines of the file that name no test of this plan (warnings, located). */
  unknown: Issue[];
  disagreements: number;
}

/** Azure's answers (the script's results file) compared with the simulator, test by test. */
export function bridgeComparison(
  verification: Verification,
  checks: readonly NamedFlow[],
  resultsText: string,
): Result<BridgeComparison> {
  const read = readAzureResults(resultsText);
  if (!read.ok) return read;
  const compared = compareAzureResults(verification, read.value);
  if (!compared.ok) return compared;
  const evaluator = createEvaluator(verification.target.topology, verification.target.subscription);
  const pathOf = (check: string): string | undefined => {
    const flow = checks.find((c) => c.name === check)?.flow;
    if (!flow || !evaluator.ok) return undefined;
    const verdict = evaluator.value.evaluate(flow);
    return verdict.ok ? flattenTrace(verdict.value, evaluator.value).map(traceText).join(" ⟶ ") : undefined;
  };
  const rows = compared.value.outcomes.map((o): BridgeRow => {
    const path = o.kind === "agree" ? undefined : pathOf(o.test.check);
    return { outcome: o.kind, text: describeOutcome(o), ...(path ? { path } : {}) };
  });
  const count = (kind: TestOutcome["kind"]) => rows.filter((r) => r.outcome === kind).length;
  const agree = count("agree") + count("other-rule");
  const disagreements = count("disagree");
  const missing = count("missing");
  const summary =
    `${agree} of ${plural(rows.length, "test")} ${rows.length === 1 ? "agrees" : "agree"} with NSG Lab` +
    (disagreements > 0
      ? `; ${disagreements} ${disagreements === 1 ? "disagrees" : "disagree"} (possible fidelity bugs: please report them)`
      : "") +
    (missing > 0 ? `; ${missing} not recorded` : "") +
    ".";
  return ok({ rows, summary, unknown: compared.value.unknown, disagreements });
}
