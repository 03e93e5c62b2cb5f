import type { Issue, IssuePath, Result, SourceSpan } from "../result.ts";
import type { AzureStep } from "./azure-steps.ts";
import type { NetworkChange } from "./network-changes.ts";

/**
 * What every learner rule format (JSON, YAML, ARM template, az CLI script) parses into, before
 * the evaluator validates anything: raw rule objects per NSG, in the order written, plus any
 * NSGs created, associations changed and network resources built, and a way back from a value
 * to its place in the text.
 *
 * Rules are raw objects in the flat ARM shape (`securityRuleSchema` input), so one validator
 * serves every format and its issue paths can be located through `locate`.
 */
export interface RuleDocument {
  format: RuleFormat;
  nsgs: NsgRules[];
  /** `az network nic update` / `az network vnet subnet update --network-security-group`. */
  associations: Association[];
  /**
   * VNets, subnets, ASGs, NICs and VMs the text creates, in the order it ran (network-changes.ts).
   * Empty for data formats; applied together with `associations`, in text order.
   */
  network: NetworkChange[];
  /**
   * What else a script asks of Azure, in the order it runs (azure-steps.ts): resource groups and
   * IP flow verify tests, each marked when it runs as the script's clean-up. Empty for data formats.
   */
  azure: AzureStep[];
  /** Problems worth showing that don't stop grading (e.g. an ignored resource). */
  warnings: Issue[];
  /**
   * The span of the value at `path`, where paths are [nsgName, ruleIndex, field, (listIndex)].
   * Returns the closest enclosing span that exists (the rule, then the NSG) when the exact
   * field was not written; undefined only when nothing matches.
   */
  locate(path: IssuePath): SourceSpan | undefined;
}

export interface NsgRules {
  name: string;
  /** Raw rule objects as written (after CLI defaults are applied, for az CLI). */
  rules: unknown[];
  /** True when the text creates this NSG (`az network nsg create`, an ARM NSG resource). */
  created: boolean;
}

export interface Association {
  level: "subnet" | "nic";
  /** NIC name, or "vnet/subnet" for a subnet. */
  target: string;
  /** NSG name, or null to dissociate (`--network-security-group ""`). */
  nsg: string | null;
  span: SourceSpan;
}

export type RuleFormat = "json" | "yaml" | "azcli" | "powershell";

export type RuleDocumentResult = Result<RuleDocument>;

export interface ParseOptions {
  /** NSGs the learner may edit; a bare rule array belongs to the only one. */
  editable: readonly string[];
}

export const RULE_FORMATS = ["json", "yaml", "azcli", "powershell"] as const satisfies readonly RuleFormat[];

/** The file extension a rules file of each format gets (classroom starters, `npm run grade`). */
export const RULE_FILE_EXTENSIONS: Readonly<Record<RuleFormat, string>> = {
  json: "json",
  yaml: "yaml",
  azcli: "sh",
  powershell: "ps1",
};

/** The format a rules file's name says, if it says one (`.json`, `.yml`, `.sh`, `.azcli`, `.ps1`). */
export function formatOfFileName(path: string): RuleFormat | undefined {
  const lower = path.toLowerCase();
  if (lower.endsWith(".json")) return "json";
  if (lower.endsWith(".yaml") || lower.endsWith(".yml")) return "yaml";
  if (lower.endsWith(".sh") || lower.endsWith(".azcli")) return "azcli";
  if (lower.endsWith(".ps1")) return "powershell";
  return undefined;
}
