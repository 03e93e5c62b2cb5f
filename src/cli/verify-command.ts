import { azVerificationScript } from "../lib/azure-verify/az-verification-script.ts";
import { psVerificationScript } from "../lib/azure-verify/ps-verification-script.ts";
import { compareAzureResults, describeOutcome, readAzureResults } from "../lib/azure-verify/azure-results.ts";
import { exerciseVerification } from "../lib/azure-verify/verify-exercise.ts";
import type { RuleFormat } from "../lib/formats/rule-document.ts";
import type { Exercise } from "../lib/grader/exercise-schema.ts";
import type { Issue } from "../lib/result.ts";
import { formatIssue } from "./format-report.ts";
import type { Io } from "./io.ts";

export const VERIFY_SHELLS = ["az", "powershell"] as const;

export interface VerifyRequest {
  /** `--verify-script az`: print the script that checks these rules on Azure. */
  script?: string;
  /** `--azure-results <file>`: the file's path and text, to compare with the simulator. */
  results?: { path: string; text: string };
}

/**
 * `npm run grade -- <exercise> [--rules f] --verify-script az` and `… --azure-results f`: the
 * bridge to Azure. Exit 0 when Azure agrees on every test (or the script was written), 1 when a
 * test disagrees or is unanswered, 2 for invalid input.
 */
export function runVerify(
  exercise: Exercise,
  rules: { path: string; text: string; format: RuleFormat | undefined } | undefined,
  request: VerifyRequest,
  io: Io,
): number {
  const invalid = (file: string, errors: readonly Issue[]) => {
    for (const e of errors) io.err(formatIssue(file, e));
    return 2;
  };
  const verification = exerciseVerification(exercise, rules?.text ?? "", rules?.format);
  if (!verification.ok) return invalid(rules?.path ?? exercise.id, verification.errors);
  const { plan } = verification.value;
  if (request.script !== undefined) {
    if (!(VERIFY_SHELLS as readonly string[]).includes(request.script)) {
      io.err(`--verify-script must be one of ${VERIFY_SHELLS.join(", ")}`);
      return 2;
    }
    const write = request.script === "az" ? azVerificationScript : psVerificationScript;
    io.out(write(verification.value.target, plan));
    return 0;
  }
  if (!request.results) return 2;
  const read = readAzureResults(request.results.text);
  if (!read.ok) return invalid(request.results.path, read.errors);
  const compared = compareAzureResults(verification.value, read.value);
  if (!compared.ok) return invalid(request.results.path, compared.errors);
  for (const w of compared.value.unknown) io.err(formatIssue(request.results.path, w));
  const { outcomes } = compared.value;
  for (const o of outcomes) io.out(describeOutcome(o));
  for (const u of plan.untestable) io.out(`not testable on Azure: ${u.check}: ${u.reason}`);
  const count = (kind: string) => outcomes.filter((o) => o.kind === kind).length;
  io.out(
    `\n${count("agree") + count("other-rule")} of ${outcomes.length} IP flow verify tests agree with NSG Lab` +
      (count("disagree") > 0 ? `; ${count("disagree")} disagree (possible fidelity bugs)` : "") +
      (count("missing") > 0 ? `; ${count("missing")} not recorded` : ""),
  );
  return count("disagree") + count("missing") > 0 ? 1 : 0;
}
