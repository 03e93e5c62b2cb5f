/**
 * How the course ends, on the last lesson's page: what each lesson taught, in one sentence, and
 * where to go next. Keyed by lesson slug; a unit test keeps the keys equal to the lessons.
 */
export const LESSON_TAKEAWAYS: Readonly<Record<string, string>> = {
  "new-vms-are-locked-down":
    "A new VM's NSG lets in its own virtual network and Azure's health probes, DenyAllInBound shuts the internet out, and outbound traffic is open.",
  "nsgs-and-where-they-attach":
    "An NSG filters what it is associated with: a subnet (every NIC in it), a NIC, or one NSG at each level; a VM with neither isn't filtered at all.",
  "anatomy-of-a-security-rule":
    "A rule matches on source, source port, destination, destination port and protocol, and names private addresses, because NSGs see inbound traffic after the public IP is translated.",
  "processing-order":
    "Inside an NSG the lowest-numbered matching rule decides; inbound traffic meets the subnet NSG and then the NIC NSG, outbound the reverse, and both must allow it.",
  "the-default-rules":
    "The six default rules can't be deleted, only overridden by a lower number, and NSGs are stateful: the replies to an allowed connection need no rule.",
  "smtp-port-25":
    "Azure can block outbound TCP 25 whatever your rules say; send mail through an authenticated relay on port 587, and tell the two apart with IP flow verify.",
  "capstone-active-ftp":
    "Least privilege means rules for the connections that start outside only, from a narrow source, to one destination, with the one protocol and the ports really used.",
  troubleshooting:
    "To troubleshoot, name the flow, ask IP flow verify or NSG diagnostics which rule decides it, read the effective rules and flow logs for why, then make the smallest fix.",
};

export interface NextStep {
  title: string;
  href: string;
  why: string;
}

/** Microsoft Learn pages that take each topic of the course further. */
export const FURTHER_READING: readonly NextStep[] = [
  {
    title: "Network security groups overview",
    href: "https://learn.microsoft.com/en-us/azure/virtual-network/network-security-groups-overview",
    why: "the reference for everything this course models, including the limits",
  },
  {
    title: "Application security groups",
    href: "https://learn.microsoft.com/en-us/azure/virtual-network/application-security-groups",
    why: "name VMs by role in rules instead of by address",
  },
  {
    title: "NSG diagnostics",
    href: "https://learn.microsoft.com/en-us/azure/network-watcher/network-watcher-network-configuration-diagnostics-overview",
    why: "trace a flow, ICMP included, through the real NSGs",
  },
  {
    title: "IP flow verify",
    href: "https://learn.microsoft.com/en-us/azure/network-watcher/ip-flow-verify-overview",
    why: "the quick allowed-or-denied check for TCP and UDP",
  },
  {
    title: "Virtual network flow logs",
    href: "https://learn.microsoft.com/en-us/azure/network-watcher/vnet-flow-logs-overview",
    why: "see which flows your rules actually allowed and denied",
  },
  {
    title: "Security admin rules in Azure Virtual Network Manager",
    href: "https://learn.microsoft.com/en-us/azure/virtual-network-manager/concept-security-admins",
    why: "organisation-wide rules that are evaluated before any NSG",
  },
  {
    title: "Azure Firewall",
    href: "https://learn.microsoft.com/en-us/azure/firewall/overview",
    why: "central filtering by domain name and threat intelligence, beyond what an NSG does",
  },
];
