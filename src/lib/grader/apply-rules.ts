import { capIssues } from "../cap-issues.ts";
import type { RuleDocument } from "../formats/rule-document.ts";
import type { IssueCode } from "../issue-codes.ts";
import { parseSecurityRule } from "../nsg/parse-rule.ts";
import type { SecurityRule } from "../nsg/rule-schema.ts";
import type { Topology } from "../nsg/topology-schema.ts";
import { validateRules } from "../nsg/validate-topology.ts";
import { fail, ok, type Issue, type IssuePath, type Result, type SourceSpan } from "../result.ts";
import { NetworkBuilder, type NetworkApplied } from "./apply-network.ts";
import type { Exercise } from "./exercise-schema.ts";

export type AppliedResult = Result<Topology>;

export interface ApplyOptions {
  /** Addresses an invented public IP must avoid (the playground's sample flows). */
  avoid?: readonly string[];
}

/** `applyDocument`, for callers that need only the topology (exercises build no network). */
export function applyRules(exercise: Exercise, doc: RuleDocument): AppliedResult {
  const applied = applyDocument(exercise, doc);
  return applied.ok ? ok(applied.value.topology) : applied;
}

/**
 * The rule lists of `topology` (applyRules' result for `doc`) that applyRules validated as
 * validateTopology would: those of the NSGs the document writes, checked against the scenario's
 * ASGs and tags. A document that creates ASGs had them checked against its own names too, which
 * the topology may spell otherwise (ASG names are case-insensitive): then none.
 */
export function rulesValidatedBy(
  doc: RuleDocument,
  topology: Topology,
): ReadonlySet<readonly SecurityRule[]> {
  if (doc.network.some((c) => c.kind === "asg")) return new Set();
  const written = new Set(doc.nsgs.map((n) => n.name));
  return new Set(topology.nsgs.filter((n) => written.has(n.name)).map((n) => n.securityRules));
}

/**
 * Puts a learner's rules into the exercise's network: each NSG the document writes gets exactly
 * those rules, created NSGs are added, then the network the text builds and its associations are
 * applied in text order (`NetworkBuilder`). Every rule is validated as Azure would (schema,
 * duplicate priorities, unknown tags and ASGs), errors located in the text. ASGs a script creates
 * count for its rules.
 */
export function applyDocument(
  exercise: Exercise,
  doc: RuleDocument,
  options: ApplyOptions = {},
): Result<NetworkApplied> {
  const errors: Issue[] = [];
  const located = (code: IssueCode, message: string, path: IssuePath) =>
    errors.push({ code, message, path, span: doc.locate(path) });
  const topology = exercise.topology;
  const asgNames = new Set([
    ...topology.asgs,
    ...doc.network.flatMap((c) => (c.kind === "asg" ? [c.name] : [])),
  ]);
  const tagNames = new Set(Object.keys(topology.serviceTags).map((t) => t.toLowerCase()));
  const replaced = new Map<string, SecurityRule[]>();

  for (const nsg of doc.nsgs) {
    const rules: SecurityRule[] = [];
    nsg.rules.forEach((raw, i) => {
      const parsed = parseSecurityRule(raw, [nsg.name, i]);
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
  // Network changes and associations, in the order the text ran them: a subnet must exist
  // before an NSG is associated with it, and a later change wins.
  const builder = new NetworkBuilder(
    { ...topology, nsgs },
    { nsgs: nsgs.map((n) => n.name), avoid: options.avoid ?? [] },
  );
  const steps: { span: SourceSpan; run: () => void }[] = [
    ...doc.network.map((change) => ({ span: change.span, run: () => builder.apply(change) })),
    ...doc.associations.map((assoc) => ({ span: assoc.span, run: () => builder.associate(assoc) })),
  ];
  steps.sort((a, b) => a.span.line - b.span.line || a.span.column - b.span.column);
  for (const step of steps) step.run();
  const built = builder.finish();
  if (!built.ok) errors.push(...built.errors);
  // A script of thousands of bad lines gets the first 200 problems, as every reader gives them.
  if (errors.length > 0 || !built.ok) return fail(capIssues(errors));
  return ok({ topology: { ...built.value.topology, nsgs }, notes: capIssues(built.value.notes) });
}
