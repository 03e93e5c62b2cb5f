import { parseCidrOrIp, formatV4 } from "../nsg/ip.ts";
import type { Topology } from "../nsg/topology-schema.ts";
import type { Issue, SourceSpan } from "../result.ts";

/**
 * Addresses for public IPs a script creates. Azure assigns a public IP's address from its own
 * pool when the resource is created, so no script says what it will be; the lab has to choose
 * one. Project decision (docs/azure-behaviours.md): the first address, in order, of the three
 * documentation ranges of RFC 5737 (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24) that the
 * scenario does not already use: no NIC has it, and no rule, service tag, VNet or sample flow
 * names a range of at most 256 addresses around it (wider prefixes such as 0.0.0.0/0 say
 * "anywhere", not a particular place). Every address chosen is noted as a warning, so the
 * learner knows it is the lab's and not Azure's.
 */

const DOCUMENTATION_RANGES = ["192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24"] as const;
/** A prefix with more addresses than this is a broad statement, not a place to steer clear of. */
const MAX_AVOIDED_SIZE = 256;

export class PublicIpPool {
  readonly notes: Issue[] = [];
  readonly #avoid: [number, number][] = [];
  #range = 0;
  #offset = 1;

  constructor(topology: Topology, avoid: readonly string[]) {
    const prefixes: string[] = [...avoid];
    for (const vnet of topology.vnets) prefixes.push(...vnet.addressSpace, ...vnet.connectedAddressSpaces);
    for (const vm of topology.vms)
      for (const nic of vm.nics) prefixes.push(nic.privateIp, ...(nic.publicIp ? [nic.publicIp] : []));
    for (const list of Object.values(topology.serviceTags)) prefixes.push(...list);
    for (const nsg of topology.nsgs)
      for (const rule of nsg.securityRules)
        prefixes.push(...rule.sourceAddressPrefixes, ...rule.destinationAddressPrefixes);
    for (const prefix of prefixes) this.avoid(prefix);
  }

  /** Keeps clear of an address or a narrow prefix (the rules a document writes, say). */
  avoid(prefix: string): void {
    const parsed = parseCidrOrIp(prefix);
    if (!parsed.ok) return;
    const v4 = parsed.value.v4;
    for (let i = 0; i < v4.length; i += 2)
      if (v4[i + 1]! - v4[i]! < MAX_AVOIDED_SIZE) this.#avoid.push([v4[i]!, v4[i + 1]!]);
  }

  #free(address: number): boolean {
    return !this.#avoid.some(([lo, hi]) => address >= lo && address <= hi);
  }

  /** The next address for public IP `name` of NIC `nic`, noted at `span`; undefined when none is left. */
  take(name: string, nic: string, span: SourceSpan | undefined): string | undefined {
    // Addresses are only ever taken, so the search goes on from where the last one ended.
    for (; this.#range < DOCUMENTATION_RANGES.length; this.#range++, this.#offset = 1) {
      const range = DOCUMENTATION_RANGES[this.#range]!;
      const first = parseCidrOrIp(range);
      if (!first.ok) continue;
      // .0 and .255 read as network and broadcast addresses; leave them out.
      for (; this.#offset < 255; this.#offset++) {
        const a = first.value.v4[0]! + this.#offset;
        if (!this.#free(a)) continue;
        this.#offset++;
        const address = formatV4(a);
        this.notes.push({
          code: "invented-public-ip",
          message: `public IP "${name}" (NIC "${nic}") gets ${address}: Azure picks a public address only when it creates the resource, so NSG Lab uses one from the documentation range ${range} that this scenario does not use`,
          path: [],
          ...(span ? { span } : {}),
          severity: "warning",
        });
        return address;
      }
    }
    return undefined;
  }
}
