import type { Step, Verdict } from "../nsg/verdict.ts";

/** One line of a verdict's path, in the grader's public JSON shape (docs/exercise-format.md). */
export interface TraceEntry {
  nsg: string | null;
  level: "subnet" | "nic" | "platform" | "stateful";
  direction: "Inbound" | "Outbound" | null;
  vm: string | null;
  rule: string;
  priority: number | null;
  access: "Allow" | "Deny";
}

function entry(step: Step): TraceEntry[] {
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
          access: "Deny",
        },
      ];
    case "stateful":
      return [
        ...flattenTrace(step.initiator),
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

export function flattenTrace(verdict: Verdict): TraceEntry[] {
  return verdict.steps.flatMap(entry);
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

/** A short name for who decided: "ingest-nsg/allow-ftp (300)", "the platform", … */
export function deciderLabel(verdict: Verdict): string {
  const steps = decisiveSteps(verdict);
  const decisive =
    verdict.access === "Deny" ? steps[steps.length - 1] : steps.filter((s) => s.kind === "nsg").pop();
  if (!decisive) return "no NSG on the path";
  if (decisive.kind === "platform") return "the platform";
  if (decisive.kind === "nsg") return `${decisive.nsg}/${decisive.rule.name} (${decisive.rule.priority})`;
  return "no NSG on the path";
}
