import { CONDITION_LABEL, rulesTried } from "../analysis/rules-tried.ts";
import type { Evaluator } from "../nsg/evaluator.ts";
import { rulesOfStep } from "../nsg/step-rules.ts";
import type { NsgStep, Step, Verdict } from "../nsg/verdict.ts";

/** A rule an NSG tried before the deciding one, and the conditions the packet failed there. */
export interface TriedRule {
  rule: string;
  priority: number;
  /** "source address", "destination port"… */
  failed: string[];
}

/** One line of a verdict's path, in the grader's public JSON shape (docs/exercise-format.md). */
export interface TraceEntry {
  nsg: string | null;
  level: "subnet" | "nic" | "platform" | "stateful";
  direction: "Inbound" | "Outbound" | null;
  vm: string | null;
  rule: string;
  priority: number | null;
  access: "Allow" | "Deny";
  /** For an NSG step: the rules tried before the deciding one (at most TRIED_SHOWN), and why each missed. */
  tried?: TriedRule[];
  /** How many more rules were tried than `tried` lists. */
  triedMore?: number;
  /** For a platform step that let a host service's traffic past the NSGs: which service. */
  service?: string;
}

/** A learner reads a handful of near misses; a 1,000-rule NSG would bury the one that matters. */
const TRIED_SHOWN = 8;

function triedAt(step: NsgStep, evaluator: Evaluator | undefined): Pick<TraceEntry, "tried" | "triedMore"> {
  if (!evaluator) return {};
  const tried = rulesTried(rulesOfStep(evaluator, step), step.packet, step.rule);
  if (tried.length === 0) return {};
  return {
    tried: tried.slice(0, TRIED_SHOWN).map((t) => ({
      rule: t.rule.rule.name,
      priority: t.rule.rule.priority,
      failed: t.failed.map((f) => CONDITION_LABEL[f]),
    })),
    ...(tried.length > TRIED_SHOWN ? { triedMore: tried.length - TRIED_SHOWN } : {}),
  };
}

function entry(step: Step, evaluator: Evaluator | undefined): TraceEntry[] {
  switch (step.kind) {
    case "nsg":
      return [
        {
          nsg: step.nsg,
          level: step.level,
          direction: step.direction,
          vm: step.vm,
          rule: step.rule.name,
          priority: step.rule.priority,
          access: step.access,
          ...triedAt(step, evaluator),
        },
      ];
    case "no-nsg":
      return [
        {
          nsg: null,
          level: step.level,
          direction: step.direction,
          vm: step.vm,
          rule: "(no NSG associated)",
          priority: null,
          access: "Allow",
        },
      ];
    case "platform":
      return [
        {
          nsg: null,
          level: "platform",
          direction: "Outbound",
          vm: null,
          rule: "platform",
          priority: null,
          access: step.access,
          ...(step.restriction === "host-service" ? { service: step.service } : {}),
        },
      ];
    case "stateful":
      return [
        ...flattenTrace(step.initiator, evaluator),
        {
          nsg: null,
          level: "stateful",
          direction: null,
          vm: null,
          rule:
            step.access === "Allow" ? "return traffic of an allowed connection" : "no connection to reply to",
          priority: null,
          access: step.access,
        },
      ];
  }
}

/** The path as trace entries; with the evaluator that judged it, each NSG step lists the rules tried first. */
export function flattenTrace(verdict: Verdict, evaluator?: Evaluator): TraceEntry[] {
  return verdict.steps.flatMap((step) => entry(step, evaluator));
}

/** The NSG and platform steps that took part, looking through stateful replies to their connection. */
export function decisiveSteps(verdict: Verdict): Step[] {
  return verdict.steps.flatMap((s) => (s.kind === "stateful" ? decisiveSteps(s.initiator) : [s]));
}

/**
 * docs/exercise-format.md: `decidedBy` holds when the flow is denied by that rule, or, for an allowed
 * flow, when that rule is the allowing rule of any NSG on the path; "platform" names a platform
 * restriction. Rule names compare case-insensitively, as Azure treats them.
 */
export function decidedByHolds(verdict: Verdict, decidedBy: string): boolean {
  const wanted = decidedBy.toLowerCase();
  const steps = decisiveSteps(verdict);
  if (wanted === "platform") return steps.some((s) => s.kind === "platform");
  if (verdict.access === "Deny") {
    const last = steps[steps.length - 1];
    return last?.kind === "nsg" && last.rule.name.toLowerCase() === wanted;
  }
  return steps.some((s) => s.kind === "nsg" && s.access === "Allow" && s.rule.name.toLowerCase() === wanted);
}

/** A short name for who decided: "nsg-snet-ingest/Allow-FTP-Control-Studio (200)", "the platform", … */
export function deciderLabel(verdict: Verdict): string {
  const steps = decisiveSteps(verdict);
  const last = steps[steps.length - 1];
  // An allowed flow names its last allowing NSG rule, unless the platform let it past the NSGs.
  const decisive =
    verdict.access === "Deny" || last?.kind === "platform"
      ? last
      : steps.filter((s) => s.kind === "nsg").pop();
  if (!decisive) return "no NSG on the path";
  if (decisive.kind === "platform") return "the platform";
  if (decisive.kind === "nsg") return `${decisive.nsg}/${decisive.rule.name} (${decisive.rule.priority})`;
  return "no NSG on the path";
}
