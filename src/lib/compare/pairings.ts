import type { Evaluator } from "../nsg/evaluator.ts";
import type { NicPlacement } from "../nsg/network.ts";
import type { AddressRange } from "./flow-space.ts";

/**
 * The pairs of flow ends a comparison walks: every compared NIC to and from outside, and every
 * pair of NICs of one address family with a compared NIC among them, by private and by public IP.
 */

/** From the scenario's point of view: in from outside, out to outside, or between its NICs. */
export type FlowDirection = "inbound" | "outbound" | "internal";

/** One end of a difference: a NIC of the scenario, or a set of addresses outside it. */
export type DifferenceEnd =
  | { kind: "nic"; vm: string; nic: string; viaPublicIp: boolean }
  | { kind: "outside"; addresses: AddressRange[] };

/** A pair of flow ends to compare; outside ends stand for a group of outside addresses. */
export interface Pairing {
  from: DifferenceEnd | "outside";
  to: DifferenceEnd | "outside";
  /** The flow's endpoints as the evaluator takes them (an outside end is filled per group). */
  fromName?: string;
  toName?: string;
  direction: FlowDirection;
  family: 4 | 6;
}

export const hasOutsideEnd = (pairing: Pairing): boolean =>
  pairing.from === "outside" || pairing.to === "outside";

/** NICs whose path crosses an edited NSG in either network, or whose associations differ. */
export function nicsToCompare(
  learner: Evaluator,
  reference: Evaluator,
  editable: ReadonlySet<string>,
): string[] {
  const edited = (p: NicPlacement | undefined) =>
    p !== undefined &&
    ((p.nicNsg !== undefined && editable.has(p.nicNsg)) ||
      (p.subnetNsg !== undefined && editable.has(p.subnetNsg)));
  const names: string[] = [];
  for (const [name, mine] of learner.network.nicsByName) {
    const theirs = reference.network.nicsByName.get(name);
    if (
      edited(mine) ||
      edited(theirs) ||
      mine.nicNsg !== theirs?.nicNsg ||
      mine.subnetNsg !== theirs?.subnetNsg
    )
      names.push(name);
  }
  return names;
}

/** A VM's name for its primary NIC (as exercises write flows), else the NIC's name. */
const endpointName = (network: Evaluator, p: NicPlacement): string =>
  network.network.primaryNicByVm.get(p.vm) === p ? p.vm : p.nic.name;

const nicEnd = (p: NicPlacement, viaPublicIp = false): DifferenceEnd => ({
  kind: "nic",
  vm: p.vm,
  nic: p.nic.name,
  viaPublicIp,
});

/** The pairings of the compared NICs `names` in the learner's network. */
export function pairingsOf(learner: Evaluator, names: readonly string[]): Pairing[] {
  const pairings: Pairing[] = [];
  const paired = new Set<string>();
  const relevant = new Set(names);
  for (const nic of names.map((n) => learner.network.nicsByName.get(n)!)) {
    const family = nic.privateIp.family;
    const name = endpointName(learner, nic);
    pairings.push({ from: "outside", to: nicEnd(nic), toName: name, direction: "inbound", family });
    pairings.push({ from: nicEnd(nic), fromName: name, to: "outside", direction: "outbound", family });
    for (const other of learner.network.nicsByName.values()) {
      if (other === nic || other.privateIp.family !== family) continue;
      for (const [sender, receiver] of [
        [nic, other],
        [other, nic],
      ] as const) {
        const key = `${sender.nic.name}>${receiver.nic.name}`;
        if (paired.has(key) || (!relevant.has(sender.nic.name) && !relevant.has(receiver.nic.name))) continue;
        paired.add(key);
        const fromName = endpointName(learner, sender);
        pairings.push({
          from: nicEnd(sender),
          fromName,
          to: nicEnd(receiver),
          toName: endpointName(learner, receiver),
          direction: "internal",
          family,
        });
        if (receiver.publicIp && sender.publicIp)
          pairings.push({
            from: nicEnd(sender),
            fromName,
            to: nicEnd(receiver, true),
            toName: receiver.publicIp.text,
            direction: "internal",
            family,
          });
      }
    }
  }
  return pairings;
}
