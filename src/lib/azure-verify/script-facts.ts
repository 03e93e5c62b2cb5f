import type { SubscriptionType, Topology } from "../nsg/topology-schema.ts";
import { checksum } from "../text/checksum.ts";
import type { VerificationPlan } from "./ip-flow-tests.ts";

/** What both verification scripts (az CLI and PowerShell) say and use alike. */

/** What a script builds: an exercise with the learner's rules applied, or a playground scenario. */
export interface ScriptTarget {
  /** The exercise id, or "playground". */
  id: string;
  title: string;
  topology: Topology;
  subscription: SubscriptionType;
}

/** The cheapest general-purpose size (1 vCPU, 0.5 GiB); IP flow verify needs running VMs, not fast ones. */
export const VM_SIZE = "Standard_B1ls";
export const VM_IMAGE = "Ubuntu2204";
export const RESULTS_FILE = "nsg-lab-azure-results.jsonl";

/**
 * Which scenario, rules and tests a results file answers: a checksum of the network built and of
 * every test, so answers recorded for other rules or another scenario are refused, not compared.
 */
export const planFingerprint = (target: ScriptTarget, plan: VerificationPlan): string =>
  checksum(
    JSON.stringify([
      target.topology,
      target.subscription,
      plan.tests.map((t) => [t.id, t.vm, t.nic, t.direction, t.protocol, t.local, t.remote]),
    ]),
  );

/** Text safe inside a one-line comment: a line break in a name would end the comment and run. */
export const commentText = (text: string): string =>
  [...text].map((c) => (isLineBreakOrControl(c) ? " " : c)).join("");

const isLineBreakOrControl = (c: string): boolean => {
  const code = c.codePointAt(0) ?? 0;
  return code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029;
};

/** The script's opening comment: what it does, what it costs, how long, cleanup and limits. */
export function scriptLimits(target: ScriptTarget, plan: VerificationPlan): string[] {
  const vms = target.topology.vms.length;
  const lines = [
    "",
    "What it does: creates a new resource group with this scenario's VNets, subnets, NSGs (with",
    `your rules), ASGs, NICs and ${vms} VM${vms === 1 ? "" : "s"} (size ${VM_SIZE}, the cheapest), runs`,
    `Network Watcher's IP flow verify ${plan.tests.length} time${plan.tests.length === 1 ? "" : "s"}, writes Azure's answers to ${RESULTS_FILE},`,
    "then deletes the resource group, also when a step fails.",
    "",
    "Cost: you pay for the VMs, their disks and any public IPs while they exist, usually a few",
    "US cents for one run at pay-as-you-go prices. Check the Azure pricing calculator for your region.",
    "Time: several minutes (each VM takes a few minutes to create; each test a few seconds).",
    "Cleanup: the resource group is deleted when the script ends (in the background, which takes",
    "a few minutes more). Check the portal if the script was killed before it could clean up.",
    "",
    "Limits, so a difference is not mistaken for a fidelity bug:",
    "- IP flow verify tests TCP and UDP packets against the NSG rules only. Routing is not tested",
    "  (and NSG Lab does not model it), nor are the platform's own exceptions.",
    "- Azure assigns its own public IPs; rules naming this scenario's public IPs are tested with",
    "  the scenario's addresses.",
  ];
  if (target.topology.vnets.some((v) => v.connectedAddressSpaces.length > 0))
    lines.push("- Connected on-premises ranges (VPN or ExpressRoute) are not created.");
  if (Object.keys(target.topology.serviceTags).length > 0)
    lines.push("- This scenario's service tags stand for made-up prefixes; Azure uses the real ones.");
  if (plan.untestable.length > 0) {
    lines.push("", "Checks IP flow verify cannot test (compared by NSG Lab only):");
    for (const u of plan.untestable) lines.push(`- ${commentText(u.check)}: ${u.reason}`);
  }
  lines.push("");
  return lines;
}
