import { CONDITION_LABEL, type MatchCondition } from "../analysis/rules-tried.ts";
import type { TraceEntry } from "../grader/trace.ts";
import { traceRule, traceWhere } from "./expectation-text.ts";

/**
 * Why a flow got its verdict, from the grader's trace (TraceEntry.tried: the rules each NSG
 * tried before the deciding one, and the fields each missed on). A predict exercise shows this
 * once the answer is out: per NSG, every rule checked in priority order with which of its five
 * fields matched the packet, and a few sentences that say the same in words. Plain data and
 * strings; the island renders them as text.
 */

/** The five fields a rule matches on, in the order Azure's portal lists them. */
export const RULE_FIELDS: readonly MatchCondition[] = [
  "protocol",
  "sourceAddress",
  "sourcePort",
  "destinationAddress",
  "destinationPort",
];

const FIELD_OF_LABEL = new Map(RULE_FIELDS.map((f) => [CONDITION_LABEL[f], f]));

export interface FieldMatch {
  field: MatchCondition;
  /** "source address". */
  label: string;
  matched: boolean;
}

export interface RuleCheck {
  /** "AllowVnetInBound (65000)". */
  rule: string;
  fields: FieldMatch[];
  /** What checking this rule did: nothing (it did not match), or decide the NSG's verdict. */
  outcome: "no-match" | "Allow" | "Deny";
}

export interface WhyStep {
  /** "nsg-vm-hub1 (NIC NSG, inbound at vm-hub1)". */
  where: string;
  /** The deciding rule, or what stood in for one: "DenyAllInBound (65500)", "(no NSG associated)". */
  rule: string;
  access: TraceEntry["access"];
  /** For an NSG: the rules it checked, in priority order, the deciding one last. */
  checks: RuleCheck[];
  /** Rules checked between the listed ones and the deciding one (a long NSG is cut short). */
  more: number;
}

const fieldsOf = (failed: readonly string[]): FieldMatch[] => {
  const missed = new Set(failed.map((label) => FIELD_OF_LABEL.get(label)));
  return RULE_FIELDS.map((field) => ({ field, label: CONDITION_LABEL[field], matched: !missed.has(field) }));
};

/** The rules one step checked, each with its five fields; empty for a step that is not an NSG. */
export function ruleChecks(entry: TraceEntry): Pick<WhyStep, "checks" | "more"> {
  if (entry.nsg === null || entry.priority === null) return { checks: [], more: 0 };
  const tried = (entry.tried ?? []).map((t): RuleCheck => ({
    rule: `${t.rule} (${t.priority})`,
    fields: fieldsOf(t.failed),
    outcome: "no-match",
  }));
  return {
    checks: [...tried, { rule: traceRule(entry), fields: fieldsOf([]), outcome: entry.access }],
    more: entry.triedMore ?? 0,
  };
}

export const whySteps = (trace: readonly TraceEntry[]): WhyStep[] =>
  trace.map((entry) => ({
    where: traceWhere(entry),
    rule: traceRule(entry),
    access: entry.access,
    ...ruleChecks(entry),
  }));

// ── Words ───────────────────────────────────────────────────────────────────────────────────

/** "a", "a and b", "a, b and c" (or "or"). */
export function listText(items: readonly string[], last = "and"): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${last} ${items[items.length - 1]}`;
}

const verb = (access: TraceEntry["access"]) => (access === "Allow" ? "allows" : "denies");

/** "AllowVnetInBound (65000) and AllowAzureLoadBalancerInBound (65001) don't match its source address". */
function missesText(checks: readonly RuleCheck[], more: number): string[] {
  const groups: { rules: string[]; missed: string }[] = [];
  for (const c of checks) {
    const missed = listText(
      c.fields.filter((f) => !f.matched).map((f) => f.label),
      "or",
    );
    const last = groups[groups.length - 1];
    if (last && last.missed === missed) last.rules.push(c.rule);
    else groups.push({ rules: [c.rule], missed });
  }
  const parts = groups.map(
    (g) => `${listText(g.rules)} ${g.rules.length === 1 ? "doesn't" : "don't"} match its ${g.missed}`,
  );
  if (more > 0) parts.push(`${more} more ${more === 1 ? "rule doesn't" : "rules don't"} match either`);
  return parts;
}

function nsgSentence(entry: TraceEntry): string {
  const { checks, more } = ruleChecks(entry);
  const decider = checks[checks.length - 1]!;
  const missed = checks.slice(0, -1);
  const direction = entry.direction ? `${entry.direction.toLowerCase()} ` : "";
  const opening = `${traceWhere(entry)} checks its ${direction}rules in priority order`;
  if (missed.length === 0 && more === 0)
    return `${opening}: its first rule, ${decider.rule}, matches all five fields and ${verb(entry.access)} the flow.`;
  return `${opening}: ${missesText(missed, more).join("; ")}. ${decider.rule} is the first rule whose five fields all match, so it ${verb(entry.access)} the flow.`;
}

/** "vm-spoke1's NIC and subnet or on vm-hub1's subnet": the levels without an NSG, per VM. */
function unfilteredText(trace: readonly TraceEntry[]): string {
  const byVm = new Map<string, string[]>();
  for (const e of trace) {
    if (e.nsg !== null || (e.level !== "nic" && e.level !== "subnet")) continue;
    const vm = e.vm ?? "the VM";
    byVm.set(vm, [...(byVm.get(vm) ?? []), e.level === "nic" ? "NIC" : "subnet"]);
  }
  return listText(
    [...byVm].map(([vm, levels]) => `${vm}'s ${listText(levels)}`),
    "or on",
  );
}

function pathSentences(trace: readonly TraceEntry[]): string[] {
  const nsgs = trace.filter((e) => e.nsg !== null && e.priority !== null);
  const platform = trace.find((e) => e.level === "platform");
  const sentences = nsgs.map(nsgSentence);
  if (nsgs.length === 0 && !platform)
    sentences.push("No NSG is associated anywhere on this path, so nothing filters the flow.");
  // An allowed flow may also cross levels with no NSG; a learner who expects a deny there needs telling.
  const unfiltered = unfilteredText(trace);
  if (nsgs.length > 0 && !platform && unfiltered && nsgs.every((e) => e.access === "Allow"))
    sentences.push(`There is no NSG on ${unfiltered}, so nothing filters it there.`);
  if (platform?.access === "Allow")
    sentences.push(
      `It goes to ${platform.service ?? "a host service"}, a platform service of the VM's host: NSGs don't filter it unless a rule names its AzurePlatform service tag.`,
    );
  else if (platform)
    sentences.push(
      "The NSGs let it out, but Azure blocks outbound TCP port 25 to the internet for this subscription type, and no NSG rule can lift that.",
    );
  else if (nsgs.length > 1) {
    const denied = nsgs.some((e) => e.access === "Deny");
    sentences.push(
      denied
        ? "Every NSG on the path must allow a flow, so one deny is enough."
        : "Every NSG on the path allows it, which is what a flow needs to get through.",
    );
  }
  return sentences;
}

/** The reasons for a verdict, in sentences, from its trace. */
export function whySentences(trace: readonly TraceEntry[]): string[] {
  const reply = trace.findIndex((e) => e.level === "stateful");
  if (reply < 0) return pathSentences(trace);
  const allowed = trace[reply]!.access === "Allow";
  return [
    `This packet is a reply. NSGs are stateful, so it is decided by the connection it answers, which is ${allowed ? "allowed" : "denied"}:`,
    ...pathSentences(trace.slice(0, reply)),
  ];
}
