import { parseCidrOrIp } from "./ip.ts";
import type { Packet } from "./match.ts";
import type { HostServiceStep } from "./verdict.ts";
import { AZURE_PLATFORM_IP, IMDS_IP, KMS_IPS, type PlatformServiceTag } from "./service-tags.ts";

/**
 * The host's platform services, which Azure exempts from the NSGs a VM's traffic would otherwise
 * meet. Learn, NSG overview § "Azure platform considerations": basic infrastructure services
 * (DHCP, DNS, IMDS, health monitoring) are provided through the host's virtual IPs 168.63.129.16
 * and 169.254.169.254 and "aren't subject to the configured network security groups unless
 * targeted by service tags specific to each service": AzurePlatformDNS, AzurePlatformIMDS and
 * AzurePlatformLKM. "What is IP address 168.63.129.16?" adds that the VM agent's TCP 80 and
 * 32526 to WireServer aren't subject to NSGs, and that DNS on 53/udp and 53/tcp isn't unless a
 * rule targets AzurePlatformDNS. Only traffic a VM sends is exempt: health probes arriving from
 * 168.63.129.16 are filtered (AllowAzureLoadBalancerInBound lets them in, a deny blocks them).
 */

export interface HostService {
  /** What the learner reads in a trace: "Azure DNS (168.63.129.16, UDP 53)". */
  name: string;
  /** The tag a rule must name to filter this service; undefined when no rule can. */
  tag: PlatformServiceTag | undefined;
}

interface ServiceEntry {
  address: string;
  protocols: readonly Packet["protocol"][];
  ports: readonly number[];
  label: string;
  tag: PlatformServiceTag | undefined;
}

const SERVICES: readonly ServiceEntry[] = [
  {
    address: AZURE_PLATFORM_IP,
    protocols: ["Udp", "Tcp"],
    ports: [53],
    label: "Azure DNS",
    tag: "AzurePlatformDNS",
  },
  {
    address: AZURE_PLATFORM_IP,
    protocols: ["Tcp"],
    ports: [80, 32526],
    label: "the VM agent's WireServer",
    tag: undefined,
  },
  { address: AZURE_PLATFORM_IP, protocols: ["Udp"], ports: [67], label: "Azure DHCP", tag: undefined },
  {
    address: IMDS_IP,
    protocols: ["Tcp"],
    ports: [80],
    label: "the Instance Metadata Service",
    tag: "AzurePlatformIMDS",
  },
  ...KMS_IPS.map((address): ServiceEntry => ({
    address,
    protocols: ["Tcp"],
    ports: [1688],
    label: "Azure's Windows activation (KMS)",
    tag: "AzurePlatformLKM",
  })),
];

const v4 = (text: string): number => {
  const parsed = parseCidrOrIp(text);
  return parsed.ok ? parsed.value.v4[0]! : -1;
};

const BY_ADDRESS = new Map<number, ServiceEntry[]>();
for (const entry of SERVICES) {
  const key = v4(entry.address);
  BY_ADDRESS.set(key, [...(BY_ADDRESS.get(key) ?? []), entry]);
}

/** Whether an address is one of the host services' (cheap: checked once per path). */
export const isHostServiceAddress = (packet: Pick<Packet, "destination">): boolean =>
  packet.destination.family === 4 && BY_ADDRESS.has(packet.destination.value);

/** The host service a packet a VM sends is for, if any. */
export function hostServiceOf(packet: Packet): HostService | undefined {
  if (packet.destination.family !== 4) return undefined;
  const entries = BY_ADDRESS.get(packet.destination.value);
  const entry = entries?.find(
    (e) => e.protocols.includes(packet.protocol) && e.ports.includes(packet.destinationPort),
  );
  if (!entry) return undefined;
  const proto = packet.protocol.toUpperCase();
  return { name: `${entry.label} (${entry.address}, ${proto} ${packet.destinationPort})`, tag: entry.tag };
}

/** Every address and destination port a host service uses: boundaries for the flow comparison. */
export const HOST_SERVICE_ADDRESSES: readonly string[] = [...new Set(SERVICES.map((s) => s.address))];
export const HOST_SERVICE_PORTS: readonly number[] = [...new Set(SERVICES.flatMap((s) => s.ports))];

/** The trace step of a host service's traffic that no rule on the sender's path targeted. */
export function hostServiceStep(service: HostService, bypassed: readonly string[]): HostServiceStep {
  const passed =
    bypassed.length === 0
      ? ""
      : ` It passed ${bypassed.map((n) => `"${n}"`).join(" and ")} without their rules applying.`;
  const how = service.tag
    ? `only a rule whose destination is the ${service.tag} service tag filters it`
    : "no NSG rule can filter it";
  return {
    kind: "platform",
    restriction: "host-service",
    service: service.name,
    tag: service.tag,
    bypassed: [...bypassed],
    access: "Allow",
    reason: `${service.name} is a platform service of the VM's host, which NSGs don't filter: ${how}.${passed}`,
  };
}
