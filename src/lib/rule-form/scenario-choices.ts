import { BUILT_IN_TAGS } from "../nsg/service-tags.ts";
import type { Topology } from "../nsg/topology-schema.ts";

/**
 * What the pane's drop-downs offer: the service tags and application security groups this
 * network knows. Azure's real tag list is Microsoft's; here it is the built-in tags plus the
 * tags the scenario defines (docs/azure-behaviours.md, "Other service tags").
 */
export interface ScenarioChoices {
  serviceTags: string[];
  asgs: string[];
}

export function scenarioChoices(topology: Topology): ScenarioChoices {
  const custom = Object.keys(topology.serviceTags).sort((a, b) => a.localeCompare(b));
  return { serviceTags: [...BUILT_IN_TAGS, ...custom], asgs: [...topology.asgs] };
}

/**
 * The choices, plus a value the rule already has that they lack, spelled as the rule spells it
 * (INTERNET, a tag of another spelling): what the learner wrote is kept, never dropped.
 */
export const withCurrent = (choices: readonly string[], current: readonly string[]): string[] => [
  ...choices,
  ...current.filter((c) => c !== "" && !choices.includes(c)),
];
