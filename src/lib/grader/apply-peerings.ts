import type { PeeringChange } from "../formats/network-changes.ts";
import { isEmpty, subtract } from "../nsg/address-set.ts";
import { cidrSet } from "../nsg/ip.ts";
import type { Vnet } from "../nsg/topology-schema.ts";
import type { Issue } from "../result.ts";

/**
 * The VNet peerings a script creates, one direction each, joined when the script ends. Azure
 * refuses a peering between VNets whose address spaces overlap, and connects two VNets only once
 * each has a peering to the other (Learn, "Create, change, or delete a virtual network peering":
 * the first is "Initiated" until the second makes both "Connected"). A connected pair adds each
 * VNet to the other's `peerings`, which the evaluator's VirtualNetwork tag reads.
 */

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export class PeeringRequests {
  readonly #made: { vnet: Vnet; remote: Vnet; change: PeeringChange }[] = [];

  /** One direction, as Azure checks it when it is created; the error when it refuses it. */
  add(vnet: Vnet, remote: Vnet, change: PeeringChange): Issue | undefined {
    const at = change.spans?.remote ?? change.span;
    if (vnet === remote)
      return issue("peering-overlap", `VNet "${vnet.name}" cannot be peered with itself`, at);
    const shared = subtract(
      cidrSet(vnet.addressSpace),
      subtract(cidrSet(vnet.addressSpace), cidrSet(remote.addressSpace)),
    );
    if (!isEmpty(shared))
      return issue(
        "peering-overlap",
        `VNets "${vnet.name}" (${vnet.addressSpace.join(", ")}) and "${remote.name}" (${remote.addressSpace.join(", ")}) overlap; Azure peers only VNets whose address spaces do not`,
        at,
      );
    this.#made.push({ vnet, remote, change });
    return undefined;
  }

  /** Adds every connected pair to both VNets' peerings; a peering on its own is a warning. */
  connect(): Issue[] {
    const notes: Issue[] = [];
    for (const { vnet, remote, change } of this.#made) {
      const back = this.#made.some((p) => p.vnet === remote && p.remote === vnet);
      if (!back) {
        notes.push({
          ...issue(
            "peering-not-connected",
            `peering "${change.name}" from "${vnet.name}" to "${remote.name}" stays Initiated, and carries no traffic, until "${remote.name}" has a peering to "${vnet.name}" too`,
            change.span,
          ),
          severity: "warning",
        });
        continue;
      }
      if (!vnet.peerings.some((p) => same(p, remote.name))) vnet.peerings.push(remote.name);
    }
    return notes;
  }
}

function issue(code: Issue["code"], message: string, span: PeeringChange["span"]): Issue {
  return { code, message, path: [], span };
}
