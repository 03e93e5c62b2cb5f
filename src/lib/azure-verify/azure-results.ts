import type { Access } from "../nsg/vocabulary.ts";
import { fail, ok, type Issue, type IssueCode, type Result, type SourceSpan } from "../result.ts";
import type { IpFlowTest, VerificationPlan } from "./ip-flow-tests.ts";
import { planFingerprint, type ScriptTarget } from "./script-facts.ts";

/**
 * Reads the answers a verification script recorded on Azure (one JSON object per line: a header
 * naming the exercise and plan, then `{"test": id, "result": {access, ruleName}}` per test, in
 * the az CLI's or PowerShell's spelling) and compares them with the simulator, test by test.
 * A disagreement is a possible fidelity bug: it is reported with both answers and the check.
 */

export interface AzureAnswer {
  access: Access;
  /** As IP flow verify names it: "securityRules/Allow-SSH", "defaultSecurityRules/DenyAllInBound". */
  ruleName: string;
}

export interface RecordedResults {
  exercise: string;
  plan: string;
  answers: Map<string, { answer: AzureAnswer; span: SourceSpan }>;
}

export type TestOutcome =
  | { kind: "agree"; test: IpFlowTest; azure: AzureAnswer }
  /** Same access, but Azure names another deciding rule (only checked for denies). */
  | { kind: "other-rule"; test: IpFlowTest; azure: AzureAnswer }
  | { kind: "disagree"; test: IpFlowTest; azure: AzureAnswer }
  | { kind: "missing"; test: IpFlowTest };

export interface ResultsComparison {
  outcomes: TestOutcome[];
  /** Lines of the file that name no test of this plan. */
  unknown: Issue[];
}

const MAX_LINES = 10_000;

const lineSpan = (line: number, text: string): SourceSpan => ({
  line,
  column: 1,
  endLine: line,
  endColumn: text.length + 1,
});

/** A field by name, in either spelling: the az CLI writes `access`, PowerShell `Access`. */
function field(record: Record<string, unknown>, name: string): unknown {
  const key = Object.keys(record).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : record[key];
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

export function readAzureResults(text: string): Result<RecordedResults> {
  const errors: Issue[] = [];
  const at = (code: IssueCode, message: string, line: number, raw: string) =>
    errors.push({ code, message, path: [], span: lineSpan(line, raw) });
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  if (lines.length > MAX_LINES) {
    return fail([
      {
        code: "azure-results-invalid",
        message: `a results file has one line per test; this one has ${lines.length} lines, more than ${MAX_LINES}`,
        path: [],
      },
    ]);
  }
  let header: { exercise: string; plan: string } | undefined;
  const answers = new Map<string, { answer: AzureAnswer; span: SourceSpan }>();
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === "") return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      at(
        "azure-results-invalid",
        `line ${line} is not JSON: each line of the file is one JSON object`,
        line,
        raw,
      );
      return;
    }
    if (!isRecord(value)) {
      at("azure-results-invalid", `line ${line} should be a JSON object`, line, raw);
      return;
    }
    if (field(value, "nsgLab") !== undefined) {
      const exercise = field(value, "exercise");
      const plan = field(value, "plan");
      if (typeof exercise === "string" && typeof plan === "string") header = { exercise, plan };
      else at("azure-results-invalid", `line ${line}: the header needs "exercise" and "plan"`, line, raw);
      return;
    }
    const test = field(value, "test");
    const result = field(value, "result");
    const access = isRecord(result) ? field(result, "access") : undefined;
    const ruleName = isRecord(result) ? field(result, "ruleName") : undefined;
    if (
      typeof test !== "string" ||
      (access !== "Allow" && access !== "Deny") ||
      typeof ruleName !== "string"
    ) {
      at(
        "azure-results-invalid",
        `line ${line} should be {"test": "<id>", "result": {"access": "Allow" or "Deny", "ruleName": "…"}}, as the verification script writes it`,
        line,
        raw,
      );
      return;
    }
    if (answers.has(test)) {
      at("azure-results-invalid", `line ${line} answers test ${test} a second time`, line, raw);
      return;
    }
    answers.set(test, { answer: { access, ruleName }, span: lineSpan(line, raw) });
  });
  if (!header)
    errors.unshift({
      code: "azure-results-invalid",
      message:
        "the file has no header line naming its exercise and plan: use the file the verification script wrote",
      path: [],
    });
  if (errors.length > 0 || !header) return fail(errors);
  return ok({ ...header, answers });
}

/** "securityRules/Allow-SSH" → "Allow-SSH". */
const bareRuleName = (ruleName: string) => ruleName.slice(ruleName.lastIndexOf("/") + 1).toLowerCase();

function outcome(test: IpFlowTest, azure: AzureAnswer): TestOutcome {
  if (azure.access !== test.expected.access) return { kind: "disagree", test, azure };
  // A deny names its one deciding rule on both sides; an allow may pass two NSGs, so any of them.
  const names = test.expected.rules.map((r) => r.rule.toLowerCase());
  if (names.length > 0 && !names.includes(bareRuleName(azure.ruleName)))
    return { kind: "other-rule", test, azure };
  return { kind: "agree", test, azure };
}

/** Compares recorded answers with the plan's simulator answers; refuses answers to another plan. */
export function compareAzureResults(
  { target, plan }: { target: ScriptTarget; plan: VerificationPlan },
  results: RecordedResults,
): Result<ResultsComparison> {
  const exerciseId = target.id;
  if (results.exercise !== exerciseId)
    return fail([
      {
        code: "azure-results-mismatch",
        message: `these answers were recorded for "${results.exercise}", not "${exerciseId}"`,
        path: [],
      },
    ]);
  if (results.plan !== planFingerprint(target, plan))
    return fail([
      {
        code: "azure-results-mismatch",
        message:
          "these answers were recorded for other rules or another scenario: run the verification script for these rules again",
        path: [],
      },
    ]);
  const ids = new Set(plan.tests.map((t) => t.id));
  const unknown: Issue[] = [...results.answers]
    .filter(([id]) => !ids.has(id))
    .map(([id, { span }]) => ({
      code: "azure-results-invalid" as const,
      message: `test ${id} is not part of this plan`,
      path: [],
      span,
      severity: "warning" as const,
    }));
  const outcomes = plan.tests.map((test): TestOutcome => {
    const recorded = results.answers.get(test.id);
    return recorded ? outcome(test, recorded.answer) : { kind: "missing", test };
  });
  return ok({ outcomes, unknown });
}

/** One line per outcome, for the CLI and the page. */
export function describeOutcome(o: TestOutcome): string {
  const t = o.test;
  const where = `${t.check} (${t.direction.toLowerCase()} at ${t.vm}, ${t.protocol} ${t.remote} → ${t.local})`;
  const simulated = `${t.expected.access}${t.expected.rules.length > 0 ? ` by ${t.expected.rules.map((r) => `${r.nsg}/${r.rule}`).join(", ")}` : ""}`;
  switch (o.kind) {
    case "agree":
      return `agree: ${where}: ${o.azure.access} (${o.azure.ruleName})`;
    case "other-rule":
      return `same verdict, other rule: ${where}: NSG Lab says ${simulated}, Azure says ${o.azure.access} by ${o.azure.ruleName}`;
    case "disagree":
      return `DISAGREE (possible fidelity bug): ${where}: NSG Lab says ${simulated}, Azure says ${o.azure.access} by ${o.azure.ruleName}`;
    case "missing":
      return `not recorded: ${where}: the file has no answer for test ${t.id}`;
  }
}
