import type { Topology } from "../nsg/topology-schema.ts";

/**
 * What the az CLI changes added to the scenario's network, for the diagram's caption: the VMs
 * they built and the public addresses NSG Lab chose for them. A script never states a public
 * address (Azure assigns it when it creates the resource), so every public IP on a NIC the
 * script built was chosen by `PublicIpPool` (docs/azure-behaviours.md), and the learner is told.
 */
export interface BuiltNetwork {
  vms: string[];
  inventedPublicIps: { nic: string; address: string }[];
}

export function builtNetwork(scenario: Topology, built: Topology): BuiltNetwork {
  const before = new Set(scenario.vms.flatMap((vm) => vm.nics.map((n) => n.name)));
  const vms = built.vms.filter((vm) => !scenario.vms.some((v) => v.name === vm.name)).map((vm) => vm.name);
  const inventedPublicIps = built.vms.flatMap((vm) =>
    vm.nics.flatMap((nic) =>
      !before.has(nic.name) && nic.publicIp !== undefined ? [{ nic: nic.name, address: nic.publicIp }] : [],
    ),
  );
  return { vms, inventedPublicIps };
}

/** One sentence per fact, or none when the changes built nothing. */
export function builtNetworkCaption(built: BuiltNetwork): string[] {
  const lines: string[] = [];
  if (built.vms.length > 0)
    lines.push(
      `Built by the az CLI changes: ${built.vms.length === 1 ? "VM" : "VMs"} ${built.vms.join(", ")}.`,
    );
  if (built.inventedPublicIps.length > 0)
    lines.push(
      `Public addresses chosen by NSG Lab from documentation ranges, since Azure picks them only when it creates the resource: ${built.inventedPublicIps
        .map((p) => `${p.nic} ${p.address}`)
        .join(", ")}.`,
    );
  return lines;
}
