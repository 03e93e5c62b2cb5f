import { changesBetween, type RuleChange } from "../grader/change-size.ts";
import type { Exercise } from "../grader/exercise-schema.ts";
import { gradeTopology } from "../grader/grade.ts";
import { referenceNetwork } from "../grader/reference.ts";
import { isComplete } from "../grader/report.ts";
import type { SecurityRule } from "../nsg/rule-schema.ts";
import type { Topology } from "../nsg/topology-schema.ts";

/**
 * The smallest known fix of a fix-rules exercise is its reference solution, so check:content
 * asks that every change the solution makes is needed: undo any one of them and the exercise is
 * no longer complete. A change that can be undone without failing a check or differing from the
 * reference means a smaller fix exists, and the change size a learner is shown would be wrong.
 */

const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

const FIELD_PROPERTIES: Record<
  Extract<RuleChange, { kind: "field-changed" }>["field"],
  readonly (keyof SecurityRule)[]
> = {
  priority: ["priority"],
  direction: ["direction"],
  access: ["access"],
  protocol: ["protocol"],
  source: ["sourceAddressPrefixes", "sourceApplicationSecurityGroups"],
  sourcePort: ["sourcePortRanges"],
  destination: ["destinationAddressPrefixes", "destinationApplicationSecurityGroups"],
  destinationPort: ["destinationPortRanges"],
};

function withRules(
  topology: Topology,
  nsg: string,
  edit: (rules: SecurityRule[]) => SecurityRule[],
): Topology {
  return {
    ...topology,
    nsgs: topology.nsgs.map((n) =>
      n.name === nsg ? { ...n, securityRules: edit([...n.securityRules]) } : n,
    ),
  };
}

function withAssociation(topology: Topology, change: Extract<RuleChange, { kind: "association-changed" }>) {
  const set = <T extends { nsg?: string | undefined }>(item: T): T => {
    const { nsg: _now, ...rest } = item;
    return (change.before === null ? rest : { ...rest, nsg: change.before }) as T;
  };
  if (change.level === "nic")
    return {
      ...topology,
      vms: topology.vms.map((vm) => ({
        ...vm,
        nics: vm.nics.map((n) => (n.name === change.target ? set(n) : n)),
      })),
    };
  return {
    ...topology,
    vnets: topology.vnets.map((v) => ({
      ...v,
      subnets: v.subnets.map((s) => (`${v.name}/${s.name}` === change.target ? set(s) : s)),
    })),
  };
}

/** `after` with one of its changes from `before` undone. */
export function revertChange(before: Topology, after: Topology, change: RuleChange): Topology {
  const ruleIn = (t: Topology, nsg: string, rule: string) =>
    t.nsgs.find((n) => n.name === nsg)?.securityRules.find((r) => sameName(r.name, rule));
  switch (change.kind) {
    case "rule-added":
      return withRules(after, change.nsg, (rules) => rules.filter((r) => !sameName(r.name, change.rule)));
    case "rule-removed": {
      const old = ruleIn(before, change.nsg, change.rule);
      return old ? withRules(after, change.nsg, (rules) => [...rules, old]) : after;
    }
    case "field-changed": {
      const old = ruleIn(before, change.nsg, change.rule);
      if (!old) return after;
      const restored = Object.fromEntries(FIELD_PROPERTIES[change.field].map((p) => [p, old[p]]));
      return withRules(after, change.nsg, (rules) =>
        rules.map((r) => (sameName(r.name, change.rule) ? { ...r, ...restored } : r)),
      );
    }
    case "association-changed":
      return withAssociation(after, change);
  }
}

/** The reference fix's changes, and those among them that could be left out (empty: it is minimal). */
export function unneededChanges(exercise: Exercise): { changes: RuleChange[]; unneeded: RuleChange[] } {
  const reference = referenceNetwork(exercise);
  if (!reference?.ok) return { changes: [], unneeded: [] };
  const fixed = reference.value.topology;
  const changes = changesBetween(exercise.topology, fixed);
  const unneeded = changes.filter((change) => {
    const report = gradeTopology(exercise, revertChange(exercise.topology, fixed, change), undefined, {
      suggestFixes: false,
    });
    return isComplete(report);
  });
  return { changes, unneeded };
}
