import { exportArm } from "./export-arm.ts";
import { exportAzCli } from "./export-az-cli.ts";
import { exportBicep } from "./export-bicep.ts";
import { exportTerraform } from "./export-terraform.ts";
import type { ExportOptions, NsgRuleSet } from "./rule-properties.ts";

/** Learner rules written out for real deployment tools. */
export const EXPORT_FORMATS = ["azcli", "arm", "bicep", "terraform"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const EXPORTERS: Record<ExportFormat, (nsgs: readonly NsgRuleSet[], options?: ExportOptions) => string> = {
  azcli: exportAzCli,
  arm: exportArm,
  bicep: exportBicep,
  terraform: exportTerraform,
};

export function exportRules(
  format: ExportFormat,
  nsgs: readonly NsgRuleSet[],
  options: ExportOptions = {},
): string {
  return EXPORTERS[format](nsgs, options);
}

export { exportAzCli, shellQuote } from "./export-az-cli.ts";
export { exportArm, armTemplate } from "./export-arm.ts";
export { exportBicep, bicepString, bicepIdentifier } from "./export-bicep.ts";
export { exportTerraform, hclString, terraformName } from "./export-terraform.ts";
export { NSG_API_VERSION, type ExportOptions, type NsgRuleSet } from "./rule-properties.ts";
