import type { RuleDocument } from "../formats/rule-document.ts";
import { applyRules } from "../grader/apply-rules.ts";
import type { Exercise } from "../grader/exercise-schema.ts";
import { referenceNetwork } from "../grader/reference.ts";
import { isComplete, type GradeReport } from "../grader/report.ts";
import type { Topology } from "../nsg/topology-schema.ts";

/**
 * Where a learner associated an NSG, against where the reference solution does: the semantic
 * difference of an association task ("attached nsg-snet-web to vm-web1-nic only, not to the
 * subnet snet-web"). An NSG filters a subnet's every NIC when associated with the subnet and one
 * NIC when associated with the NIC (Learn, "Network security groups: how it works"), so the same
 * rules at the other level do something else. Derived from the two topologies, for any exercise.
 */

/** A place an NSG can be associated: a subnet (`vnet/subnet`) or a NIC. */
export interface Place {
  level: "subnet" | "nic";
  name: string;
  /** For a NIC: its subnet (`vnet/subnet`); for a subnet: itself. */
  subnet: string;
}

export interface AssociationDifference {
  nsg: string;
  /** Where the reference has the NSG and the learner does not. */
  missing: Place[];
  /** Where the learner has the NSG and the reference does not. */
  extra: Place[];
}

/** A NIC's subnet as `vnet/subnet`; a bare subnet name is resolved against the VNets. */
function subnetOf(topology: Topology, subnet: string): string {
  if (subnet.includes("/")) return subnet;
  const vnet = topology.vnets.find((v) => v.subnets.some((s) => s.name === subnet));
  return vnet ? `${vnet.name}/${subnet}` : subnet;
}

/** Every NSG's places in a topology. */
function placesOf(topology: Topology): Map<string, Place[]> {
  const places = new Map<string, Place[]>();
  const add = (nsg: string | undefined, place: Place) => {
    if (nsg) places.set(nsg, [...(places.get(nsg) ?? []), place]);
  };
  for (const vnet of topology.vnets)
    for (const s of vnet.subnets) {
      const name = `${vnet.name}/${s.name}`;
      add(s.nsg, { level: "subnet", name, subnet: name });
    }
  for (const vm of topology.vms)
    for (const nic of vm.nics)
      add(nic.nsg, { level: "nic", name: nic.name, subnet: subnetOf(topology, nic.subnet) });
  return places;
}

const key = (p: Place) => `${p.level}:${p.name}`;

/**
 * The association differences of one graded submission: none when it is complete (where it put
 * an NSG does not matter when the network behaves as the task asks) or when its rules did not apply.
 */
export function associationDifferences(
  exercise: Exercise,
  doc: RuleDocument,
  report: GradeReport,
): AssociationDifference[] {
  if (report.status !== "graded" || isComplete(report)) return [];
  const reference = referenceNetwork(exercise);
  if (!reference?.ok) return [];
  // Only a text that moves NSGs, or a task whose answer does, can differ in where NSGs are.
  const before = JSON.stringify([...placesOf(exercise.topology)]);
  const theirs = placesOf(reference.value.topology);
  if (doc.associations.length === 0 && doc.network.length === 0 && JSON.stringify([...theirs]) === before)
    return [];
  const applied = applyRules(exercise, doc);
  if (!applied.ok) return [];
  const mine = placesOf(applied.value);
  const nsgs = new Set([...theirs.keys(), ...mine.keys()]);
  const known = new Set(applied.value.nsgs.map((n) => n.name));
  const differences: AssociationDifference[] = [];
  for (const nsg of [...nsgs].sort()) {
    // An NSG only one side has is a difference in rules, which the comparison words already.
    if (!known.has(nsg) || !reference.value.topology.nsgs.some((n) => n.name === nsg)) continue;
    const a = mine.get(nsg) ?? [];
    const b = theirs.get(nsg) ?? [];
    const missing = b.filter((p) => !a.some((q) => key(q) === key(p)));
    const extra = a.filter((p) => !b.some((q) => key(q) === key(p)));
    if (missing.length > 0 || extra.length > 0) differences.push({ nsg, missing, extra });
  }
  return differences;
}

/** The NIC's name, or the subnet's without its VNet. */
const shortName = (p: Place) => (p.level === "subnet" ? p.name.slice(p.name.indexOf("/") + 1) : p.name);
const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const placeText = (p: Place) => (p.level === "subnet" ? `the subnet ${shortName(p)}` : `the NIC ${p.name}`);

/**
 * The difference as groups a class shares: each with a key that ignores which learner made it
 * and words completing "N of M …", and the example (also anonymous) of this submission.
 */
export function associationMistakes(
  d: AssociationDifference,
): { key: string; what: string; example: string }[] {
  const out: { key: string; what: string; example: string }[] = [];
  const usedExtra = new Set<string>();
  for (const m of d.missing) {
    const sameSubnet = d.extra.filter((e) => e.subnet === m.subnet && e.level !== m.level);
    if (m.level === "subnet" && sameSubnet.length > 0) {
      for (const e of sameSubnet) usedExtra.add(key(e));
      out.push({
        key: `nic-not-subnet|${d.nsg}|${m.name}`,
        what: `associated ${d.nsg} with a NIC only, not with ${placeText(m)}`,
        example: `${d.nsg} is on ${sameSubnet.map((e) => e.name).join(", ")}; the reference solution associates it with ${placeText(m)}, so every NIC there is covered.`,
      });
    } else if (m.level === "nic" && sameSubnet.length > 0) {
      for (const e of sameSubnet) usedExtra.add(key(e));
      out.push({
        key: `subnet-not-nic|${d.nsg}|${m.name}`,
        what: `associated ${d.nsg} with the whole ${shortName(sameSubnet[0]!)} subnet instead of ${placeText(m)} only`,
        example: `${d.nsg} filters every NIC of ${placeText(sameSubnet[0]!)}; the reference solution associates it with ${placeText(m)} only.`,
      });
    } else {
      out.push({
        key: `missing|${d.nsg}|${key(m)}`,
        what: `left ${d.nsg} off ${placeText(m)}`,
        example: `${capitalised(placeText(m))} has no ${d.nsg}; the reference solution associates it there.`,
      });
    }
  }
  for (const e of d.extra) {
    if (usedExtra.has(key(e))) continue;
    out.push({
      key: `extra|${d.nsg}|${key(e)}`,
      what: `also associated ${d.nsg} with ${placeText(e)}`,
      example: `${d.nsg} is on ${placeText(e)}; the reference solution does not put it there.`,
    });
  }
  return out;
}
