import type { Verification } from "../../src/lib/azure-verify/verify-exercise.ts";
import { planFingerprint } from "../../src/lib/azure-verify/script-facts.ts";

/**
 * The results file a verification script would write had Azure answered each test as `answer`
 * says (by default, as the simulator does): test data for the comparison, never a fixture of
 * hand-written answers.
 */
export function recordedAnswers(
  { target, plan }: Verification,
  answer: (id: string, simulated: "Allow" | "Deny") => "Allow" | "Deny" | undefined = (_id, s) => s,
): string {
  const header = JSON.stringify({
    nsgLab: "ip-flow-verify",
    exercise: target.id,
    plan: planFingerprint(target, plan),
  });
  const lines = plan.tests.flatMap((t) => {
    const access = answer(t.id, t.expected.access);
    if (access === undefined) return [];
    const rule = t.expected.rules.at(-1);
    const ruleName = rule ? `${rule.isDefault ? "defaultSecurityRules" : "securityRules"}/${rule.rule}` : "";
    return [JSON.stringify({ test: t.id, result: { access, ruleName } })];
  });
  return [header, ...lines].join("\n");
}
