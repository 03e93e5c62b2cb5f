import { isEmpty, type AddressSet } from "../nsg/address-set.ts";
import type { CompiledNsg, CompiledRule } from "../nsg/compile.ts";
import type { TagSets } from "../nsg/network.ts";
import type { PortInterval } from "../nsg/ports.ts";
import { coveringRules, portsCover } from "./rule-coverage.ts";
import { containsAll } from "./set-containment.ts";
import { isDefaultRuleName } from "../nsg/default-rules.ts";

export type LintKind =
  | "shadowed"
  | "redundant"
  | "open-to-internet"
  | "management-port-open"
  | "default-rule-name"
  /** Found by the grader's least-privilege review: removing the rule changes no flow at all. */
  | "dead-rule"
  /** An inbound deny that Azure Load Balancer health probes (from 168.63.129.16) run into: probe-blocking.ts. */
  | "blocks-load-balancer-probes";

/** A finding about a rule that is legal but probably not what its author meant. */
export interface RuleLint {
  kind: LintKind;
  severity: "warning" | "info";
  nsg: string;
  rule: string;
  message: string;
}

/**
 * Open to the internet = covers all of its IPv4 part, or all of its IPv6 part (0.0.0.0/0 counts).
 * The parts are made once per NSG, not once per rule.
 */
function internetCoverage(internet: AddressSet): (source: AddressSet) => boolean {
  const v4: AddressSet = { v4: internet.v4, v6: [] };
  const v6: AddressSet = { v4: new Float64Array(), v6: internet.v6 };
  return (source) => (!isEmpty(v4) && containsAll(source, v4)) || (!isEmpty(v6) && containsAll(source, v6));
}

const verb = (access: "Allow" | "Deny") => (access === "Allow" ? "allows" : "denies");

const MANAGEMENT_PORTS: [number, string, PortInterval[]][] = [
  [22, "SSH", [[22, 22]]],
  [3389, "RDP", [[3389, 3389]]],
];
const EVERY_PORT: PortInterval[] = [[0, 65535]];

function orderLints(nsg: string, rules: readonly CompiledRule[]): RuleLint[] {
  const lints: RuleLint[] = [];
  const covering = coveringRules(rules);
  rules.forEach((later, at) => {
    const earlier = covering[at];
    if (later.isDefault || !earlier) return;
    const same = earlier.rule.access === later.rule.access;
    lints.push({
      kind: same ? "redundant" : "shadowed",
      severity: same ? "info" : "warning",
      nsg,
      rule: later.rule.name,
      message: same
        ? `${later.rule.name} (priority ${later.rule.priority}) never decides anything: ${earlier.rule.name} (priority ${earlier.rule.priority}) already ${verb(earlier.rule.access)} everything it matches.`
        : `${later.rule.name} (priority ${later.rule.priority}) can never match: ${earlier.rule.name} (priority ${earlier.rule.priority}) is checked first and ${verb(earlier.rule.access)} everything ${later.rule.name} covers. Give it a lower number if it should win.`,
    });
  });
  return lints;
}

function exposureLints(nsg: string, rules: readonly CompiledRule[], tags: TagSets): RuleLint[] {
  const lints: RuleLint[] = [];
  const coversInternet = internetCoverage(tags.internet);
  for (const r of rules) {
    if (r.isDefault || r.rule.access !== "Allow" || r.rule.direction !== "Inbound") continue;
    if (!coversInternet(r.sourceAddresses)) continue;
    const carriesPorts = r.rule.protocol === "*" || r.rule.protocol === "Tcp" || r.rule.protocol === "Udp";
    if (!carriesPorts || portsCover(r.destinationPorts, EVERY_PORT)) {
      lints.push({
        kind: "open-to-internet",
        severity: "warning",
        nsg,
        rule: r.rule.name,
        message: `${r.rule.name} allows inbound traffic from the whole internet on every port. Limit it to the ports and source addresses you need.`,
      });
      continue;
    }
    for (const [port, label, only] of MANAGEMENT_PORTS) {
      if (portsCover(r.destinationPorts, only) && (r.rule.protocol === "*" || r.rule.protocol === "Tcp")) {
        lints.push({
          kind: "management-port-open",
          severity: "warning",
          nsg,
          rule: r.rule.name,
          message: `${r.rule.name} opens ${label} (port ${port}) to the whole internet. Restrict the source to known addresses, or use Azure Bastion or just-in-time access.`,
        });
      }
    }
  }
  return lints;
}

/** Azure accepts a custom rule named like a default rule, but traces then read ambiguously. */
function nameLints(nsg: string, lists: readonly (readonly CompiledRule[])[]): RuleLint[] {
  const lints: RuleLint[] = [];
  for (const rules of lists) {
    for (const r of rules) {
      if (r.isDefault || !isDefaultRuleName(r.rule.name)) continue;
      lints.push({
        kind: "default-rule-name",
        severity: "info",
        nsg,
        rule: r.rule.name,
        message: `${r.rule.name} (priority ${r.rule.priority}) has the name of a default rule; Azure allows it, but traces and flow logs become hard to read. Pick a name of its own.`,
      });
    }
  }
  return lints;
}

/** Shadowed, redundant and over-permissive rules of one compiled NSG. */
export function lintNsg(nsg: CompiledNsg, tags: TagSets): RuleLint[] {
  return [
    ...orderLints(nsg.name, nsg.inbound),
    ...orderLints(nsg.name, nsg.outbound),
    ...exposureLints(nsg.name, nsg.inbound, tags),
    ...nameLints(nsg.name, [nsg.inbound, nsg.outbound]),
  ];
}
