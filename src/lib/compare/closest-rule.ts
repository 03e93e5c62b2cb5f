import type { CompiledRule } from "../nsg/compile.ts";
import { matchDetail, type MatchDetail, type Packet } from "../nsg/match.ts";
import type { NsgStep, Verdict } from "../nsg/verdict.ts";

/** A rule's five conditions, by the name matchDetail gives them. */
export type Field = keyof MatchDetail;
export const FIELDS: readonly Field[] = [
  "protocol",
  "sourceAddress",
  "sourcePort",
  "destinationAddress",
  "destinationPort",
];

/** The custom allow rule of `rules` that misses the packet in the fewest fields, and those fields. */
export function closestAllow(
  rules: readonly CompiledRule[],
  packet: Packet,
): { rule: CompiledRule; misses: Field[] } | undefined {
  return rules
    .filter((r) => r.rule.access === "Allow" && !r.isDefault)
    .map((rule) => ({ rule, misses: FIELDS.filter((f) => !matchDetail(rule, packet)[f]) }))
    .sort((a, b) => a.misses.length - b.misses.length)[0];
}

/** The step where an edited NSG gave the verdict `access`. */
export function editedStep(
  verdict: Verdict,
  editable: ReadonlySet<string>,
  access: "Allow" | "Deny",
): NsgStep | undefined {
  return verdict.steps.find(
    (s): s is NsgStep => s.kind === "nsg" && editable.has(s.nsg) && s.access === access,
  );
}
