import { lookupAddress, type Network, type NicPlacement } from "./network.ts";
import { parseIp } from "./ip.ts";
import { fail, issue, ok, type Result } from "../result.ts";
import type { Endpoint } from "./verdict.ts";

export type ResolvedEndpoint =
  | { kind: "nic"; placement: NicPlacement; endpoint: Endpoint & { kind: "nic" } }
  | { kind: "external"; endpoint: Endpoint & { kind: "external" } };

export type EndpointResult = Result<ResolvedEndpoint>;

function nicEndpoint(placement: NicPlacement, viaPublicIp: boolean): ResolvedEndpoint {
  const address = viaPublicIp && placement.publicIp ? placement.publicIp : placement.privateIp;
  return {
    kind: "nic",
    placement,
    endpoint: { kind: "nic", vm: placement.vm, nic: placement.nic.name, address, viaPublicIp },
  };
}

/**
 * A flow endpoint is a VM name (its primary NIC), a NIC name, or an IP address. An address
 * that belongs to a NIC, private or public, is that NIC; any other address is outside the scenario.
 */
export function resolveEndpoint(network: Network, text: string): EndpointResult {
  const byVm = network.primaryNicByVm.get(text);
  if (byVm) return ok(nicEndpoint(byVm, false));
  const byNic = network.nicsByName.get(text);
  if (byNic) return ok(nicEndpoint(byNic, false));
  const ip = parseIp(text);
  if (!ip.ok) {
    return fail([
      issue("unknown-endpoint", `"${text}" is not a VM, a NIC or an IP address of this scenario`),
    ]);
  }
  const owner = lookupAddress(network, ip.value);
  if (owner) {
    const viaPublicIp =
      owner.publicIp !== undefined &&
      owner.publicIp.value === ip.value.value &&
      owner.publicIp.family === ip.value.family;
    return ok(nicEndpoint(owner, viaPublicIp));
  }
  return ok({ kind: "external", endpoint: { kind: "external", address: ip.value } });
}
