import { containsV4, containsV6 } from "./address-set.ts";
import type { Packet } from "./match.ts";
import type { TagSets } from "./network.ts";
import type { SubscriptionType } from "./topology-schema.ts";
import type { PlatformStep } from "./verdict.ts";

/**
 * Azure blocks outbound SMTP (TCP 25) to the internet from VMs in most subscription offers,
 * whatever the NSG allows. Enterprise Agreement and MCA-E subscriptions are not blocked.
 * (Azure docs: "Troubleshoot outbound SMTP connectivity problems in Azure".)
 */
const SMTP_UNBLOCKED: ReadonlySet<SubscriptionType> = new Set(["enterprise-agreement", "mca-e"]);

export const isSmtpBlocked = (subscription: SubscriptionType): boolean => !SMTP_UNBLOCKED.has(subscription);

export function platformRestriction(
  packet: Packet,
  senderTags: TagSets,
  subscription: SubscriptionType,
): PlatformStep | undefined {
  if (packet.protocol !== "Tcp" || packet.destinationPort !== 25 || !isSmtpBlocked(subscription))
    return undefined;
  const toInternet =
    packet.destination.family === 4
      ? containsV4(senderTags.internet, packet.destination.value)
      : containsV6(senderTags.internet, packet.destination.value);
  if (!toInternet) return undefined;
  return {
    kind: "platform",
    restriction: "outbound-smtp",
    subscription,
    access: "Deny",
    reason: `Azure blocks outbound TCP port 25 to the internet for ${subscription} subscriptions, whatever the NSG rules allow; use an authenticated SMTP relay on port 587`,
  };
}
