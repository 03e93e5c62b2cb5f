import { findSubnet } from "./network.ts";
import type { IssueCode } from "../issue-codes.ts";
import type { IssuePath } from "../result.ts";
import type { Topology } from "./topology-schema.ts";

/**
 * Azure's placement constraints on application security groups ("Application security groups",
 * learn.microsoft.com/azure/virtual-network/application-security-groups):
 * - "All network interfaces assigned to an application security group have to exist in the same
 *   virtual network that the first network interface assigned to the application security group is in."
 * - "If you specify an application security group as the source and destination in a security rule,
 *   the network interfaces in both application security groups must exist in the same virtual network."
 */
export function validateAsgPlacement(
  topology: Topology,
  add: (code: IssueCode, message: string, path: IssuePath) => void,
) {
  const vnetOfAsg = new Map<string, string>();
  topology.vms.forEach((vm, v) =>
    vm.nics.forEach((nic, n) => {
      const vnet = findSubnet(topology, nic.subnet)?.vnet.name;
      if (vnet === undefined) return;
      nic.asgs.forEach((asg, i) => {
        const first = vnetOfAsg.get(asg);
        if (first === undefined) vnetOfAsg.set(asg, vnet);
        else if (first !== vnet) {
          add(
            "asg-vnet-mismatch",
            `application security group "${asg}" already holds NICs of VNet "${first}"; all its NICs must be in one virtual network, so "${nic.name}" (VNet "${vnet}") cannot join it`,
            ["vms", v, "nics", n, "asgs", i],
          );
        }
      });
    }),
  );

  topology.nsgs.forEach((nsg, g) =>
    nsg.securityRules.forEach((rule, r) => {
      // Only a rule with groups on both sides can mix networks; most rules name none.
      if (rule.sourceApplicationSecurityGroups.length === 0) return;
      if (rule.destinationApplicationSecurityGroups.length === 0) return;
      const vnets = (asgs: string[]) => new Set(asgs.flatMap((a) => vnetOfAsg.get(a) ?? []));
      const sources = vnets(rule.sourceApplicationSecurityGroups);
      const destinations = vnets(rule.destinationApplicationSecurityGroups);
      const all = new Set([...sources, ...destinations]);
      if (sources.size > 0 && destinations.size > 0 && all.size > 1) {
        add(
          "asg-vnet-mismatch",
          `rule "${rule.name}" uses application security groups as source and destination, so their NICs must all be in one virtual network (found ${[...all].map((x) => `"${x}"`).join(" and ")})`,
          ["nsgs", g, "securityRules", r, "destinationApplicationSecurityGroups"],
        );
      }
    }),
  );
}
