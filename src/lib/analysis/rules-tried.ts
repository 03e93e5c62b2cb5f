import type { CompiledRule } from "../nsg/compile.ts";
import { matchDetail, type MatchDetail, type Packet } from "../nsg/match.ts";
import type { RuleRef } from "../nsg/verdict.ts";

/**
 * Why each rule an NSG tried before the deciding one did not match: the conditions (of the five
 * a rule has) that the packet failed. The tracer and the grader's feedback both show these.
 */
export type MatchCondition = keyof MatchDetail;

export const CONDITION_LABEL: Record<MatchCondition, string> = {
  protocol: "protocol",
  sourceAddress: "source address",
  sourcePort: "source port",
  destinationAddress: "destination address",
  destinationPort: "destination port",
};

const CONDITIONS = Object.keys(CONDITION_LABEL) as MatchCondition[];

export function failedConditions(rule: CompiledRule, packet: Packet): MatchCondition[] {
  const detail = matchDetail(rule, packet);
  return CONDITIONS.filter((k) => !detail[k]);
}

/** The rules tried before `decided`, in priority order, each with what it failed on. */
export function rulesTried(
  rules: readonly CompiledRule[],
  packet: Packet,
  decided: RuleRef,
): { rule: CompiledRule; failed: MatchCondition[] }[] {
  const at = rules.findIndex((r) => r.rule.name === decided.name && r.rule.priority === decided.priority);
  return rules.slice(0, Math.max(at, 0)).map((rule) => ({ rule, failed: failedConditions(rule, packet) }));
}
