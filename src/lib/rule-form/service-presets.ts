/**
 * The portal's "Service" choice in the Add security rule pane. Learn ("Create, change, or
 * delete a network security group", security rule settings) says it "specifies the destination
 * protocol and port range for the security rule. You can choose a predefined service, like RDP,
 * or choose Custom and provide the port range in Destination port ranges."
 *
 * Learn does not list the predefined services. These are the portal's, in its alphabetical order,
 * each with the IANA port of the service; the portal also offers Elasticsearch and Kestrel, left
 * out here because no documentation we could check gives the ports the portal fills in for them.
 */
export interface ServicePreset {
  /** What the portal's list shows. */
  label: string;
  protocol: "Tcp" | "Udp";
  port: string;
}

export const CUSTOM_SERVICE = "Custom";

export const SERVICE_PRESETS: readonly ServicePreset[] = [
  { label: "DNS (TCP)", protocol: "Tcp", port: "53" },
  { label: "DNS (UDP)", protocol: "Udp", port: "53" },
  { label: "HTTP", protocol: "Tcp", port: "80" },
  { label: "HTTPS", protocol: "Tcp", port: "443" },
  { label: "IMAP", protocol: "Tcp", port: "143" },
  { label: "IMAPS", protocol: "Tcp", port: "993" },
  { label: "LDAP", protocol: "Tcp", port: "389" },
  { label: "Memcached", protocol: "Tcp", port: "11211" },
  { label: "MongoDB", protocol: "Tcp", port: "27017" },
  { label: "MS SQL", protocol: "Tcp", port: "1433" },
  { label: "MySQL", protocol: "Tcp", port: "3306" },
  { label: "Oracle", protocol: "Tcp", port: "1521" },
  { label: "POP3", protocol: "Tcp", port: "110" },
  { label: "POP3S", protocol: "Tcp", port: "995" },
  { label: "PostgreSQL", protocol: "Tcp", port: "5432" },
  { label: "RabbitMQ", protocol: "Tcp", port: "5672" },
  { label: "RDP", protocol: "Tcp", port: "3389" },
  { label: "Redis", protocol: "Tcp", port: "6379" },
  { label: "SMTP", protocol: "Tcp", port: "25" },
  { label: "SMTPS", protocol: "Tcp", port: "465" },
  { label: "SSH", protocol: "Tcp", port: "22" },
  { label: "WinRM", protocol: "Tcp", port: "5986" },
];

/** The preset called `label` (Custom has none). */
export const presetNamed = (label: string): ServicePreset | undefined =>
  SERVICE_PRESETS.find((p) => p.label === label);

/**
 * The service a protocol and destination ports amount to: the preset they are exactly, else
 * Custom. The form switches to Custom as soon as an edit leaves the preset's port or protocol,
 * and an existing TCP 443 rule opens as HTTPS, as in the portal.
 */
export function serviceFor(protocol: string, destinationPorts: string): string {
  const ports = destinationPorts.trim();
  return SERVICE_PRESETS.find((p) => p.protocol === protocol && p.port === ports)?.label ?? CUSTOM_SERVICE;
}

/** After the learner edits the port or protocol: a preset they no longer match becomes Custom. */
export function serviceAfterEdit(service: string, protocol: string, destinationPorts: string): string {
  const preset = presetNamed(service);
  return preset && preset.protocol === protocol && preset.port === destinationPorts.trim()
    ? service
    : CUSTOM_SERVICE;
}
