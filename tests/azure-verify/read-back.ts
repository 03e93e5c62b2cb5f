/**
 * Reading a verification script back with the project's own readers, as the playground's Changes
 * tab does (on an empty scenario, every command building), and the network it builds put in one
 * canonical shape so it can be compared with the scenario it was written for.
 */
import { expect } from "vitest";
import type { AzureStep, IpFlowVerifyStep } from "../../src/lib/formats/azure-steps.ts";
import type { RuleDocument } from "../../src/lib/formats/rule-document.ts";
import type { Exercise } from "../../src/lib/grader/exercise-schema.ts";
import { parseLearnerRules } from "../../src/lib/grader/parse-learner-rules.ts";
import { findSubnet } from "../../src/lib/nsg/network.ts";
import type { SubscriptionType, Topology } from "../../src/lib/nsg/topology-schema.ts";
import { applyCliChanges, changesLanguage } from "../../src/lib/playground/apply-cli-changes.ts";
import type { Issue } from "../../src/lib/result.ts";

export const EMPTY: Topology = { vnets: [], vms: [], asgs: [], nsgs: [], serviceTags: {} };

export interface ReadBack {
  doc: RuleDocument;
  topology: Topology;
  warnings: Issue[];
}

const described = (errors: readonly Issue[]) =>
  errors.map((e) => `${e.span?.line}:${e.span?.column} ${e.code} ${e.message}`).join("\n");

/** The script read into a document (its Azure steps) and built on an empty scenario; errors fail the test. */
export function readBack(script: string, subscription: SubscriptionType): ReadBack {
  const built = applyCliChanges(EMPTY, subscription, script);
  if (!built.ok) throw new Error(`the script does not read back:\n${described(built.errors)}`);
  const blank: Exercise = {
    id: "playground",
    title: "Playground",
    kind: "author-rules",
    subscription,
    topology: EMPTY,
    editable: [],
    expectations: [],
    hints: [],
    acceptedDifferences: [],
  };
  const doc = parseLearnerRules(script, blank, changesLanguage(script), { buildNetwork: true });
  if (!doc.ok) throw new Error(described(doc.errors));
  return { doc: doc.value, topology: built.value.topology, warnings: built.value.warnings };
}

const byName = <T extends { name: string }>(items: readonly T[]) =>
  [...items].sort((a, b) => a.name.localeCompare(b.name));

/**
 * A topology in one shape: everything by name, each NIC's subnet as "vnet/subnet", and a public IP
 * as present or not (Azure, and NSG Lab's builder, choose its address: it is never in a script).
 * Connected on-premises ranges are left out: the scripts say they do not create them.
 */
export function canonical(topology: Topology) {
  return {
    vnets: byName(topology.vnets).map((v) => ({
      name: v.name,
      addressSpace: [...v.addressSpace].sort(),
      subnets: byName(v.subnets),
      peerings: [...v.peerings].sort(),
    })),
    vms: byName(topology.vms).map((vm) => ({
      name: vm.name,
      nics: vm.nics.map((n) => {
        const placed = findSubnet(topology, n.subnet);
        return {
          ...n,
          subnet: placed ? `${placed.vnet.name}/${placed.subnet.name}` : n.subnet,
          publicIp: n.publicIp === undefined ? undefined : "(one, its address Azure's)",
          asgs: [...n.asgs].sort(),
        };
      }),
    })),
    asgs: [...topology.asgs].sort(),
    nsgs: byName(topology.nsgs).map((n) => ({ name: n.name, securityRules: byName(n.securityRules) })),
    serviceTags: topology.serviceTags,
  };
}

/** "10.0.3.4:21", as the plan writes a test's ends ("[v6]:port" for IPv6). */
export const endText = (end: IpFlowVerifyStep["local"]) =>
  end.ip.includes(":") ? `[${end.ip}]:${end.port}` : `${end.ip}:${end.port}`;

export const ipFlowSteps = (steps: readonly AzureStep[]) =>
  steps.filter((s): s is IpFlowVerifyStep => s.kind === "ip-flow-verify");

/** Where a script first builds something: its first network change or NSG. */
export function firstBuilt(doc: RuleDocument): number {
  const lines = [
    ...doc.network.map((c) => c.span.line),
    ...doc.nsgs.flatMap((n) => doc.locate([n.name])?.line ?? []),
  ];
  expect(lines.length).toBeGreaterThan(0);
  return Math.min(...lines);
}
