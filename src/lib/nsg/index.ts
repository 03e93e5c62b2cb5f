/** Public API of the NSG evaluator: a pure model of Azure NSG semantics (no DOM). */
export { createEvaluator, parseTopology, type Evaluator } from "./evaluator.ts";
export type { VerdictResult } from "./evaluate-flow.ts";
export type { FlowPath } from "./flow-path.ts";
export {
  securityRuleSchema,
  flattenArmRule,
  PRIORITY_MIN,
  PRIORITY_MAX,
  type SecurityRule,
  type SecurityRuleInput,
} from "./rule-schema.ts";
export {
  topologySchema,
  nsgSchema,
  vnetSchema,
  subnetSchema,
  vmSchema,
  nicSchema,
  subscriptionSchema,
  SUBSCRIPTION_TYPES,
  type Topology,
  type TopologyInput,
  type Nsg,
  type Vnet,
  type Vm,
  type Nic,
  type SubscriptionType,
} from "./topology-schema.ts";
export { flowSchema, EPHEMERAL_PORT, type Flow, type FlowInput } from "./flow-schema.ts";
export { DEFAULT_RULES, isDefaultRuleName } from "./default-rules.ts";
export { validateTopology, validateRules } from "./validate-topology.ts";
export { ruleMatches, matchDetail, firstMatch, type Packet, type MatchDetail } from "./match.ts";
export { compileNsg, compileRule, type CompiledNsg, type CompiledRule } from "./compile.ts";
export { isSmtpBlocked } from "./platform.ts";
export {
  BUILT_IN_TAGS,
  AZURE_PLATFORM_IP,
  IMDS_IP,
  builtInTag,
  type PlatformServiceTag,
} from "./service-tags.ts";
export { hostServiceOf, type HostService } from "./host-services.ts";
export { parseIp, parseCidrOrIp, type IpAddress } from "./ip.ts";
export { parsePortSpec, formatPorts, type PortInterval } from "./ports.ts";
export {
  DIRECTIONS,
  ACCESSES,
  RULE_PROTOCOLS,
  FLOW_PROTOCOLS,
  type Direction,
  type Access,
  type RuleProtocol,
  type FlowProtocol,
} from "./vocabulary.ts";
export type {
  Verdict,
  Step,
  NsgStep,
  OpenStep,
  PlatformStep,
  HostServiceStep,
  SmtpBlockStep,
  StatefulStep,
  Endpoint,
  Level,
  RuleRef,
} from "./verdict.ts";
export { customIssue, fromZodError, parseSchema } from "./zod-issues.ts";
export { toArmRule } from "./arm-rule.ts";
