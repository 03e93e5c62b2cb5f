import { createEvaluator, type Evaluator } from "../nsg/evaluator.ts";
import type { Issue } from "../result.ts";
import { applyCliChanges, changesLanguage, type ChangesLanguage } from "./apply-cli-changes.ts";
import {
  parseScenario,
  scenarioFormat,
  type ScenarioDocument,
  type ScenarioFormat,
} from "./parse-scenario.ts";

/**
 * Both editors' texts to one evaluator: the scenario, then the changes (az CLI or Azure
 * PowerShell) on top.
 * Problems stay with the text they belong to; when the scenario is broken the CLI changes
 * are not checked (they have nothing to apply to).
 */
export interface PlaygroundModel {
  format: ScenarioFormat;
  /** The language the changes are read as (highlighting and the editor's note follow it). */
  changesLanguage: ChangesLanguage;
  scenario?: ScenarioDocument;
  scenarioErrors: Issue[];
  cliErrors: Issue[];
  cliWarnings: Issue[];
  /** Present when everything is valid. */
  evaluator?: Evaluator;
}

export function compilePlayground(scenarioText: string, cliText: string): PlaygroundModel {
  const parsed = parseScenario(scenarioText);
  const language = changesLanguage(cliText);
  if (!parsed.ok) {
    return {
      format: scenarioFormat(scenarioText),
      changesLanguage: language,
      scenarioErrors: parsed.errors,
      cliErrors: [],
      cliWarnings: [],
    };
  }
  const scenario = parsed.value;
  const base = { format: scenario.format, changesLanguage: language, scenario, scenarioErrors: [] };
  const flowEnds = scenario.flows.flatMap(({ flow }) => [flow.from, flow.to]);
  const changed = applyCliChanges(scenario.topology, scenario.subscription, cliText, flowEnds);
  if (!changed.ok) return { ...base, cliErrors: changed.errors, cliWarnings: [] };
  const evaluator = createEvaluator(changed.value.topology, scenario.subscription);
  if (!evaluator.ok) {
    // Only CLI changes can break a scenario that validated; their paths are not in the text.
    return {
      ...base,
      cliErrors: evaluator.errors.map((e) => ({
        code: e.code,
        message: `after the changes: ${e.message}`,
        path: e.path,
      })),
      cliWarnings: changed.value.warnings,
    };
  }
  return { ...base, cliErrors: [], cliWarnings: changed.value.warnings, evaluator: evaluator.value };
}
