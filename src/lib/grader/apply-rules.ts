import type { RuleDocument } from "../formats/rule-document.ts";
import type { IssueCode } from "../issue-codes.ts";
import { findSubnet } from "../nsg/network.ts";
import { securityRuleSchema, type SecurityRule } from "../nsg/rule-schema.ts";
import type { Topology } from "../nsg/topology-schema.ts";
import { validateRules } from "../nsg/validate-topology.ts";
import { parseSchema } from "../nsg/zod-issues.ts";
import { fail, ok, type Issue, type IssuePath, type Result } from "../result.ts";
import type { Exercise } from "./exercise-schema.ts";

export type AppliedResult = Result<Topology>;

/**
 * Puts a learner's rules into the exercise's network: each NSG the document writes gets exactly
 * those rules, created NSGs are added, associations are changed. Every rule is validated as
 * Azure would (schema, duplicate priorities, unknown tags and ASGs), errors located in the text.
 */
export function applyRules(exercise: Exercise, doc: RuleDocument): AppliedResult {
  const errors: Issue[] = [];
  const located = (code: IssueCode, message: string, path: IssuePath) =>
    errors.push({ code, message, path, span: doc.locate(path) });
  const topology = exercise.topology;
  const asgNames = new Set(topology.asgs);
  const tagNames = new Set(Object.keys(topology.serviceTags).map((t) => t.toLowerCase()));
  const replaced = new Map<string, SecurityRule[]>();

  for (const nsg of doc.nsgs) {
    const rules: SecurityRule[] = [];
    nsg.rules.forEach((raw, i) => {
      const parsed = parseSchema(securityRuleSchema, raw, [nsg.name, i]);
      if (parsed.ok) rules.push(parsed.value);
      else for (const issue of parsed.errors) located(issue.code, issue.message, issue.path);
    });
    // Index paths only line up with the text when every rule parsed.
    if (rules.length === nsg.rules.length) validateRules(rules, [nsg.name], asgNames, tagNames, located);
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
        code: "unknown-nsg",
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
          code: "unknown-nic",
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
          code: "unknown-subnet",
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
  return errors.length > 0 ? fail(errors) : ok({ ...topology, nsgs, vnets, vms });
}

function withNsg<T extends { nsg?: string | undefined }>(item: T, nsg: string | undefined): T {
  const { nsg: _old, ...rest } = item;
  return (nsg === undefined ? rest : { ...rest, nsg }) as T;
}
