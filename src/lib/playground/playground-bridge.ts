import { scenarioBridge, type BridgeSource } from "../azure-verify/azure-bridge.ts";
import type { NamedFlow } from "../azure-verify/ip-flow-tests.ts";
import { fail, issue, type Result } from "../result.ts";
import type { PlaygroundModel } from "./compile-playground.ts";
import { validateFlowForm, type FlowFormValues } from "./flow-form.ts";

/** The flow in the form, among the checks when it is complete and not a sample already. */
export const FORM_FLOW_NAME = "The flow in the form";

/**
 * What the playground's "Check it on real Azure" verifies: the network after the changes, checked
 * on the scenario's sample flows and on the flow in the form. A scenario with problems, or with
 * no flow to check, has nothing to verify, and says what to do.
 */
export function playgroundBridge(model: PlaygroundModel, form: FlowFormValues): Result<BridgeSource> {
  const { evaluator, scenario } = model;
  if (!evaluator || !scenario) {
    const problems = [...model.scenarioErrors, ...model.cliErrors];
    return fail(
      problems.length > 0
        ? problems
        : [issue("invalid-value", "fix the problems in the scenario or the changes first")],
    );
  }
  const topology = evaluator.network.topology;
  const checks: NamedFlow[] = [...scenario.flows];
  const inForm = validateFlowForm(form, topology);
  const same = (a: NamedFlow["flow"], b: NamedFlow["flow"]) => JSON.stringify(a) === JSON.stringify(b);
  if (inForm.ok && !checks.some((c) => same(c.flow, inForm.value)))
    checks.push({ name: FORM_FLOW_NAME, flow: inForm.value });
  if (checks.length === 0)
    return fail([
      issue(
        "missing-field",
        "the scenario has no flows to check: fill in the flow form, or add flows to the scenario",
      ),
    ]);
  return scenarioBridge(
    {
      id: "playground",
      title: scenario.title ?? "Playground scenario",
      topology,
      subscription: scenario.subscription,
    },
    checks,
  );
}
