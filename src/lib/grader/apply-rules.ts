import type { RuleDocument } from "../formats/rule-document.ts";
import type { LocatedIssue } from "../formats/source-span.ts";
import { findSubnet } from "../nsg/network.ts";
import { securityRuleSchema, type SecurityRule } from "../nsg/rule-schema.ts";
import type { Topology } from "../nsg/topology-schema.ts";
import { validateRules } from "../nsg/validate-topology.ts";
import { fromZodError } from "../nsg/zod-issues.ts";
import type { Exercise } from "./exercise-schema.ts";

export type AppliedResult = { ok: true; value: Topology } | { ok: false; errors: LocatedIssue[] };

/**
 * Puts a learner's rules into the exercise's network: each NSG the document writes gets exactly
 * those rules, created NSGs are added, associations are changed. Every rule is validated as
 * Azure would (schema, duplicate priorities, unknown tags and ASGs), errors located in the text.
 */
export function applyRules(exercise: Exercise, doc: RuleDocument): AppliedResult {
  const errors: LocatedIssue[] = [];
  const located = (message: string, path: (string | number)[]) =>
    errors.push({ message, path, span: doc.locate(path) });
  const topology = exercise.topology;
  const asgNames = new Set(topology.asgs);
  const tagNames = new Set(Object.keys(topology.serviceTags).map((t) => t.toLowerCase()));
  const replaced = new Map<string, SecurityRule[]>();

  for (const nsg of doc.nsgs) {
    const rules: SecurityRule[] = [];
    nsg.rules.forEach((raw, i) => {
      const parsed = securityRuleSchema.safeParse(raw);
      if (parsed.success) rules.push(parsed.data);
      else
        for (const issue of fromZodError(parsed.error, [nsg.name, i]))
          located(issue.message, [...issue.path]);
    });
    // Index paths only line up with the text when every rule parsed.
    if (rules.length === nsg.rules.length)
      validateRules(rules, [nsg.name], asgNames, tagNames, (message, path) => located(message, [...path]));
    replaced.set(nsg.name, rules);
  }

  const nsgs = topology.nsgs.map((n) =>
    replaced.has(n.name) ? { ...n, securityRules: replaced.get(n.name)! } : n,
  );
  for (const created of doc.nsgs) {
    if (!nsgs.some((n) => n.name === created.name))
      nsgs.push({ name: created.name, securityRules: replaced.get(created.name) ?? [] });
  }
  const nsgNames = new Set(nsgs.map((n) => n.name));

  let vnets = topology.vnets;
  let vms = topology.vms;
  for (const assoc of doc.associations) {
    if (assoc.nsg !== null && !nsgNames.has(assoc.nsg)) {
      errors.push({
        message: `NSG "${assoc.nsg}" does not exist; create it first with az network nsg create`,
        path: [],
        span: assoc.span,
      });
      continue;
    }
    const nsg = assoc.nsg ?? undefined;
    if (assoc.level === "nic") {
      if (!vms.some((vm) => vm.nics.some((n) => n.name === assoc.target))) {
        errors.push({
          message: `NIC "${assoc.target}" is not in this exercise's network`,
          path: [],
          span: assoc.span,
        });
        continue;
      }
      vms = vms.map((vm) => ({
        ...vm,
        nics: vm.nics.map((n) => (n.name === assoc.target ? withNsg(n, nsg) : n)),
      }));
    } else {
      const found = findSubnet({ ...topology, vnets }, assoc.target);
      if (!found) {
        errors.push({
          message: `subnet "${assoc.target}" is not in this exercise's network`,
          path: [],
          span: assoc.span,
        });
        continue;
      }
      vnets = vnets.map((v) =>
        v !== found.vnet
          ? v
          : { ...v, subnets: v.subnets.map((s) => (s === found.subnet ? withNsg(s, nsg) : s)) },
      );
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: { ...topology, nsgs, vnets, vms } };
}

function withNsg<T extends { nsg?: string | undefined }>(item: T, nsg: string | undefined): T {
  const { nsg: _old, ...rest } = item;
  return (nsg === undefined ? rest : { ...rest, nsg }) as T;
}
