import type { Association } from "../formats/rule-document.ts";
import type { NetworkChange, NicChange, SubnetSpec } from "../formats/network-changes.ts";
import type { IssueCode } from "../issue-codes.ts";
import { isSubset, type AddressSet } from "../nsg/address-set.ts";
import { formatV4, parseCidrOrIp, parseIp } from "../nsg/ip.ts";
import type { Nic, Subnet, Topology, Vm, Vnet } from "../nsg/topology-schema.ts";
import { fail, ok, type Issue, type Result, type SourceSpan } from "../result.ts";
import { PeeringRequests } from "./apply-peerings.ts";
import { PublicIpPool } from "./public-ip-pool.ts";

/**
 * Builds what a script's `NetworkChange`s describe into a topology, one change at a time in the
 * script's order, interleaved with its NSG associations (`applyRules` merges the two by span).
 * Each change is checked as Azure's resource provider would check it, and a problem is an error
 * at the change (or the field) that causes it; the change is then skipped and the rest go on.
 *
 * Names are matched case-insensitively, as Azure resource names are, and keep the spelling
 * they were created with.
 */

export interface NetworkOptions {
  /** Every NSG that exists once the document's NSGs are applied (the scenario's and created ones). */
  nsgs: readonly string[];
  /** Addresses and prefixes an invented public IP must stay clear of (e.g. sample flows' ends). */
  avoid?: readonly string[];
}

export interface NetworkApplied {
  topology: Topology;
  /** Warnings about what the builder decided (invented public IPs, NICs left without a VM). */
  notes: Issue[];
}

const key = (name: string) => name.toLowerCase();
const same = (a: string, b: string) => key(a) === key(b);

/** Azure keeps x.x.x.0–3 and the last address of every IPv4 subnet (Virtual Network FAQ). */
const RESERVED_AT_START = 4;

interface PlacedNic {
  nic: Nic;
  /** The VM it is attached to; undefined while the script has not attached it. */
  vm?: Vm;
}

export class NetworkBuilder {
  readonly #errors: Issue[] = [];
  readonly #notes: Issue[] = [];
  readonly #vnets: Vnet[];
  readonly #vms: Vm[];
  readonly #asgs: string[];
  readonly #nsgs: Map<string, string>;
  /** NICs created by the script and not (yet) on a VM, in creation order, with where. */
  readonly #loose: Nic[] = [];
  readonly #looseAt = new Map<Nic, SourceSpan>();
  /** Public IP resource name → the NIC using it; Azure attaches a public IP to one IP configuration. */
  readonly #publicIps = new Map<string, string>();
  /** Made on the first public IP: it reads every rule's prefixes, which most grades never need. */
  #pool: PublicIpPool | undefined;
  readonly #avoid: readonly string[];
  readonly #base: Topology;
  readonly #peerings = new PeeringRequests();
  /** Every NIC by name, and the NICs of each subnet ("vnet/subnet", lower-case). */
  readonly #nicIndex = new Map<string, PlacedNic>();
  readonly #users = new Map<string, Nic[]>();

  constructor(topology: Topology, options: NetworkOptions) {
    this.#base = topology;
    this.#vnets = topology.vnets.map((v) => ({
      ...v,
      subnets: v.subnets.map((s) => ({ ...s })),
      peerings: [...v.peerings],
    }));
    this.#vms = topology.vms.map((vm) => ({ ...vm, nics: vm.nics.map((n) => ({ ...n })) }));
    this.#asgs = [...topology.asgs];
    this.#nsgs = new Map(options.nsgs.map((n) => [key(n), n]));
    this.#avoid = options.avoid ?? [];
    for (const vm of this.#vms)
      for (const nic of vm.nics) {
        this.#nicIndex.set(key(nic.name), { nic, vm });
        const placed = this.#findSubnet(nic.subnet);
        if (placed) this.#use(placed.vnet, placed.subnet, nic);
      }
  }

  #use(vnet: Vnet, subnet: Subnet, nic: Nic) {
    const k = key(`${vnet.name}/${subnet.name}`);
    const list = this.#users.get(k);
    if (list) list.push(nic);
    else this.#users.set(k, [nic]);
  }

  #error(code: IssueCode, message: string, span: SourceSpan | undefined) {
    this.#errors.push({ code, message, path: [], ...(span ? { span } : {}) });
  }

  apply(change: NetworkChange): void {
    switch (change.kind) {
      case "vnet":
        return this.#vnet(change);
      case "subnet":
        return this.#subnet(change);
      case "subnet-prefix":
        return this.#subnetPrefix(change);
      case "asg":
        if (!this.#asgs.some((a) => same(a, change.name))) this.#asgs.push(change.name);
        return;
      case "nic":
        return this.#nic(change);
      case "nic-asgs":
        return this.#nicAsgs(change);
      case "vm":
        return this.#vm(change);
      case "peering":
        return this.#peering(change);
    }
  }

  /** `az network nic update` / `az network vnet subnet update --network-security-group`. */
  associate(assoc: Association): void {
    let nsg: string | undefined;
    if (assoc.nsg !== null) {
      nsg = this.#nsgs.get(key(assoc.nsg));
      if (nsg === undefined) {
        this.#error(
          "unknown-nsg",
          `NSG "${assoc.nsg}" does not exist; create it first with az network nsg create`,
          assoc.span,
        );
        return;
      }
    }
    if (assoc.level === "nic") {
      const placed = this.#findNic(assoc.target);
      if (!placed) {
        this.#error("unknown-nic", `NIC "${assoc.target}" is not in this network`, assoc.span);
        return;
      }
      setNsg(placed.nic, nsg);
      return;
    }
    const found = this.#findSubnet(assoc.target);
    if (!found) {
      this.#error("unknown-subnet", `subnet "${assoc.target}" is not in this network`, assoc.span);
      return;
    }
    setNsg(found.subnet, nsg);
  }

  finish(): Result<NetworkApplied> {
    if (this.#errors.length > 0) return fail(this.#errors);
    this.#notes.push(...this.#peerings.connect());
    for (const nic of this.#loose) {
      const span = this.#looseAt.get(nic);
      this.#notes.push({
        code: "nic-without-vm",
        message: `NIC "${nic.name}" is not attached to a VM, so no flow can reach it; attach it with az vm create --nics ${nic.name}`,
        path: [],
        severity: "warning",
        ...(span ? { span } : {}),
      });
    }
    const topology: Topology = {
      ...this.#base,
      vnets: this.#vnets,
      vms: this.#vms,
      asgs: this.#asgs,
    };
    return ok({ topology, notes: [...this.#notes, ...(this.#pool?.notes ?? [])] });
  }

  // --- VNets and subnets -------------------------------------------------------------------

  #vnetNamed(name: string): Vnet | undefined {
    return this.#vnets.find((v) => same(v.name, name));
  }

  /** "vnet/subnet", or a bare subnet name that only one VNet has (as in scenarios). */
  #findSubnet(ref: string): { vnet: Vnet; subnet: Subnet } | undefined {
    const slash = ref.indexOf("/");
    const vnetName = slash >= 0 ? ref.slice(0, slash) : undefined;
    const subnetName = slash >= 0 ? ref.slice(slash + 1) : ref;
    const found = this.#vnets.flatMap((vnet) =>
      vnetName !== undefined && !same(vnet.name, vnetName)
        ? []
        : vnet.subnets.filter((s) => same(s.name, subnetName)).map((subnet) => ({ vnet, subnet })),
    );
    return found.length === 1 ? found[0] : undefined;
  }

  #nicsIn(vnet: Vnet, subnet: Subnet): Nic[] {
    return this.#users.get(key(`${vnet.name}/${subnet.name}`)) ?? [];
  }

  #vnetList(): string {
    return this.#vnets.length > 0 ? this.#vnets.map((v) => `"${v.name}"`).join(", ") : "none yet";
  }

  /** A subnet prefix as Azure checks it against the VNet and its other subnets; an error when not. */
  #checkPrefix(
    vnet: Vnet,
    prefix: string,
    others: readonly Subnet[],
    span: SourceSpan | undefined,
    space: readonly string[] = vnet.addressSpace,
  ): AddressSet | undefined {
    const parsed = parseCidrOrIp(prefix);
    if (!parsed.ok || !prefix.includes("/")) {
      this.#error(
        parsed.ok ? "invalid-cidr" : parsed.errors[0]!.code,
        parsed.ok
          ? `"${prefix}" is an address; a subnet prefix is a CIDR such as 10.0.1.0/24`
          : parsed.errors[0]!.message,
        span,
      );
      return undefined;
    }
    const spaces = space.map((s) => parseCidrOrIp(s)).filter((s) => s.ok);
    if (!spaces.some((s) => isSubset(parsed.value, s.value))) {
      this.#error(
        "subnet-outside-vnet",
        `subnet ${prefix} is outside VNet "${vnet.name}"'s address space ${space.join(", ")}`,
        span,
      );
      return undefined;
    }
    for (const other of others) {
      const theirs = parseCidrOrIp(other.addressPrefix);
      if (theirs.ok && overlaps(parsed.value, theirs.value)) {
        this.#error(
          "subnet-overlap",
          `subnet ${prefix} overlaps subnet "${other.name}" (${other.addressPrefix}) of VNet "${vnet.name}"; each subnet needs its own range`,
          span,
        );
        return undefined;
      }
    }
    return parsed.value;
  }

  #nsgRef(name: string | undefined, span: SourceSpan | undefined): string | undefined | false {
    if (name === undefined) return undefined;
    const nsg = this.#nsgs.get(key(name));
    if (nsg !== undefined) return nsg;
    this.#error(
      "unknown-nsg",
      `NSG "${name}" does not exist; create it first with az network nsg create`,
      span,
    );
    return false;
  }

  #vnet(change: Extract<NetworkChange, { kind: "vnet" }>): void {
    const at = change.spans?.addressSpace ?? change.span;
    for (const space of change.addressSpace) {
      const parsed = parseCidrOrIp(space);
      if (!parsed.ok || !space.includes("/")) {
        this.#error(
          parsed.ok ? "invalid-cidr" : parsed.errors[0]!.code,
          parsed.ok
            ? `"${space}" is an address; an address space is a CIDR such as 10.0.0.0/16`
            : parsed.errors[0]!.message,
          at,
        );
        return;
      }
    }
    const draft: Vnet = {
      name: change.name,
      addressSpace: [...change.addressSpace],
      subnets: [],
      peerings: [],
      connectedAddressSpaces: [],
    };
    const subnetAt = change.spans?.subnets ?? change.span;
    for (const spec of change.subnets) {
      if (draft.subnets.some((s) => same(s.name, spec.name))) {
        this.#error("duplicate-name", `subnet "${spec.name}" is given twice`, subnetAt);
        return;
      }
      if (!this.#checkPrefix(draft, spec.addressPrefix, draft.subnets, subnetAt)) return;
      const nsg = this.#nsgRef(spec.nsg, subnetAt);
      if (nsg === false) return;
      draft.subnets.push(subnetOf(spec, nsg));
    }
    const existing = this.#vnetNamed(change.name);
    if (!existing) {
      this.#vnets.push(draft);
      return;
    }
    // Creating a VNet that exists is a PUT: its subnets become the ones given. Azure refuses to
    // delete or re-address a subnet that NICs still use (InUseSubnetCannotBeDeleted).
    for (const old of existing.subnets) {
      const users = this.#nicsIn(existing, old);
      const replacement = draft.subnets.find((s) => same(s.name, old.name));
      if (users.length > 0 && (!replacement || replacement.addressPrefix !== old.addressPrefix)) {
        this.#error(
          "subnet-in-use",
          `VNet "${existing.name}" exists and its subnet "${old.name}" is used by NIC "${users[0]!.name}": creating the VNet again would ${replacement ? "re-address" : "delete"} that subnet, which Azure refuses`,
          change.span,
        );
        return;
      }
    }
    existing.addressSpace = draft.addressSpace;
    existing.subnets = draft.subnets.map((s) => ({
      ...s,
      name: existing.subnets.find((o) => same(o.name, s.name))?.name ?? s.name,
    }));
  }

  #subnet(change: Extract<NetworkChange, { kind: "subnet" }>): void {
    const vnet = this.#vnetNamed(change.vnet);
    if (!vnet) {
      this.#error(
        "unknown-vnet",
        `VNet "${change.vnet}" does not exist (VNets: ${this.#vnetList()}); create it first with az network vnet create`,
        change.spans?.vnet ?? change.span,
      );
      return;
    }
    const existing = vnet.subnets.find((s) => same(s.name, change.name));
    const others = vnet.subnets.filter((s) => s !== existing);
    const prefixAt = change.spans?.addressPrefix ?? change.span;
    if (!this.#checkPrefix(vnet, change.addressPrefix, others, prefixAt)) return;
    const nsg = this.#nsgRef(change.nsg, change.spans?.nsg ?? change.span);
    if (nsg === false) return;
    if (!existing) {
      vnet.subnets.push(subnetOf(change, nsg));
      return;
    }
    // Creating a subnet that exists is a PUT too: it takes exactly the properties given.
    if (!this.#canReaddress(vnet, existing, change.addressPrefix, prefixAt)) return;
    existing.addressPrefix = change.addressPrefix;
    setNsg(existing, nsg);
  }

  #subnetPrefix(change: Extract<NetworkChange, { kind: "subnet-prefix" }>): void {
    const found = this.#findSubnet(`${change.vnet}/${change.name}`);
    if (!found) {
      this.#error(
        this.#vnetNamed(change.vnet) ? "unknown-subnet" : "unknown-vnet",
        `subnet "${change.vnet}/${change.name}" is not in this network`,
        change.spans?.name ?? change.span,
      );
      return;
    }
    const { vnet, subnet } = found;
    const at = change.spans?.addressPrefix ?? change.span;
    const others = vnet.subnets.filter((s) => s !== subnet);
    if (!this.#checkPrefix(vnet, change.addressPrefix, others, at)) return;
    if (!this.#canReaddress(vnet, subnet, change.addressPrefix, at)) return;
    subnet.addressPrefix = change.addressPrefix;
  }

  /** Azure only changes a subnet's range while no resource uses it (Add, change, or delete a subnet). */
  #canReaddress(vnet: Vnet, subnet: Subnet, prefix: string, at: SourceSpan | undefined): boolean {
    if (subnet.addressPrefix === prefix) return true;
    const users = this.#nicsIn(vnet, subnet);
    if (users.length === 0) return true;
    this.#error(
      "subnet-in-use",
      `subnet "${subnet.name}" is used by NIC "${users[0]!.name}", so Azure will not change its range from ${subnet.addressPrefix} to ${prefix}`,
      at,
    );
    return false;
  }

  // --- NICs, ASGs and VMs ------------------------------------------------------------------

  #findNic(name: string): PlacedNic | undefined {
    return this.#nicIndex.get(key(name));
  }

  #asgRefs(names: readonly string[], span: SourceSpan | undefined): string[] | undefined {
    const out: string[] = [];
    for (const name of names) {
      const asg = this.#asgs.find((a) => same(a, name));
      if (asg === undefined) {
        this.#error(
          "unknown-asg",
          `application security group "${name}" does not exist; create it first with az network asg create`,
          span,
        );
        return undefined;
      }
      if (!out.includes(asg)) out.push(asg);
    }
    return out;
  }

  #nic(change: NicChange): void {
    const nameAt = change.spans?.name ?? change.span;
    const clash = this.#findNic(change.name);
    if (clash) {
      this.#error(
        "duplicate-name",
        `NIC "${clash.nic.name}" already exists${clash.vm ? ` (on VM "${clash.vm.name}")` : ""}; give the new NIC another name`,
        nameAt,
      );
      return;
    }
    const found = this.#findSubnet(change.subnet);
    if (!found) {
      const vnetName = change.subnet.includes("/") ? change.subnet.slice(0, change.subnet.indexOf("/")) : "";
      this.#error(
        vnetName && !this.#vnetNamed(vnetName) ? "unknown-vnet" : "unknown-subnet",
        vnetName && !this.#vnetNamed(vnetName)
          ? `VNet "${vnetName}" does not exist (VNets: ${this.#vnetList()})`
          : `subnet "${change.subnet}" is not in this network`,
        change.spans?.subnet ?? change.span,
      );
      return;
    }
    const nsg = this.#nsgRef(change.nsg, change.spans?.nsg ?? change.span);
    if (nsg === false) return;
    const asgs = this.#asgRefs(change.asgs, change.spans?.asgs ?? change.span);
    if (!asgs) return;
    const taken = new Set(this.#nicsIn(found.vnet, found.subnet).map((n) => n.privateIp));
    const privateIp =
      change.privateIp !== undefined
        ? this.#staticIp(change.privateIp, found.subnet, taken, change.spans?.privateIp ?? change.span)
        : this.#dynamicIp(found.vnet, found.subnet, taken, change.span);
    if (privateIp === undefined) return;
    const nic: Nic = {
      name: change.name,
      subnet: `${found.vnet.name}/${found.subnet.name}`,
      privateIp,
      asgs,
      ...(nsg !== undefined ? { nsg } : {}),
    };
    if (change.publicIp) {
      const pipAt = change.spans?.publicIp ?? change.span;
      const user = this.#publicIps.get(key(change.publicIp.name));
      if (user !== undefined) {
        this.#error(
          "duplicate-ip",
          `public IP "${change.publicIp.name}" is already used by NIC "${user}"; Azure attaches a public IP to one IP configuration only`,
          pipAt,
        );
        return;
      }
      this.#pool ??= new PublicIpPool(this.#base, this.#avoid);
      const address = this.#pool.take(change.publicIp.name, change.name, pipAt);
      if (address === undefined) {
        this.#error(
          "no-free-address",
          "NSG Lab has no documentation-range address left to give this public IP",
          pipAt,
        );
        return;
      }
      this.#publicIps.set(key(change.publicIp.name), change.name);
      nic.publicIp = address;
    }
    this.#loose.push(nic);
    this.#looseAt.set(nic, change.span);
    this.#nicIndex.set(key(nic.name), { nic });
    this.#use(found.vnet, found.subnet, nic);
  }

  /** A static address: inside the subnet, not one Azure reserves, not another NIC's. */
  #staticIp(
    ip: string,
    subnet: Subnet,
    taken: ReadonlySet<string>,
    span: SourceSpan | undefined,
  ): string | undefined {
    const address = parseIp(ip);
    const range = parseCidrOrIp(subnet.addressPrefix);
    if (!address.ok) {
      this.#error(address.errors[0]!.code, address.errors[0]!.message, span);
      return undefined;
    }
    if (!range.ok) return undefined;
    const a = address.value;
    const inside =
      a.family === 4
        ? range.value.v4.length === 2 && a.value >= range.value.v4[0]! && a.value <= range.value.v4[1]!
        : range.value.v6.length === 2 && a.value >= range.value.v6[0]! && a.value <= range.value.v6[1]!;
    if (!inside) {
      this.#error(
        "ip-outside-subnet",
        `${ip} is outside subnet "${subnet.name}" (${subnet.addressPrefix})`,
        span,
      );
      return undefined;
    }
    if (a.family === 4) {
      const [first, last] = [range.value.v4[0]!, range.value.v4[1]!];
      if (last - first >= 7 && (a.value - first < RESERVED_AT_START || a.value === last)) {
        this.#error(
          "reserved-ip",
          `${ip} is reserved by Azure (the first four and the last address of ${subnet.addressPrefix})`,
          span,
        );
        return undefined;
      }
    }
    if ([...taken].some((t) => sameAddress(t, ip))) {
      this.#error("duplicate-ip", `${ip} is already used by another NIC in subnet "${subnet.name}"`, span);
      return undefined;
    }
    return a.text;
  }

  /**
   * Azure's dynamic allocation: "the next available unassigned or unreserved IP address in the
   * subnet's address range", i.e. the lowest free address after the four reserved at the start.
   */
  #dynamicIp(vnet: Vnet, subnet: Subnet, taken: ReadonlySet<string>, span: SourceSpan): string | undefined {
    const range = parseCidrOrIp(subnet.addressPrefix);
    if (!range.ok || range.value.v4.length !== 2) {
      this.#error(
        "no-free-address",
        `subnet "${subnet.name}" (${subnet.addressPrefix}) has no IPv4 range; give the NIC a static address with --private-ip-address`,
        span,
      );
      return undefined;
    }
    const [first, last] = [range.value.v4[0]!, range.value.v4[1]!];
    const used = new Set<number>();
    for (const t of taken) {
      const p = parseIp(t);
      if (p.ok && p.value.family === 4) used.add(p.value.value);
    }
    // Tiny subnets (/30 and smaller, which Azure refuses) have no reserved block to skip.
    const from = last - first >= 7 ? first + RESERVED_AT_START : first;
    const to = last - first >= 7 ? last - 1 : last;
    for (let a = from; a <= to; a++) if (!used.has(a)) return formatV4(a);
    this.#error(
      "no-free-address",
      `subnet "${subnet.name}" of VNet "${vnet.name}" (${subnet.addressPrefix}) has no free address left for another NIC (Azure reserves the first four and the last)`,
      span,
    );
    return undefined;
  }

  #nicAsgs(change: Extract<NetworkChange, { kind: "nic-asgs" }>): void {
    const placed = this.#findNic(change.nic);
    if (!placed) {
      this.#error(
        "unknown-nic",
        `NIC "${change.nic}" is not in this network`,
        change.spans?.nic ?? change.span,
      );
      return;
    }
    const asgs = this.#asgRefs(change.asgs, change.spans?.asgs ?? change.span);
    if (asgs) placed.nic.asgs = asgs;
  }

  #vm(change: Extract<NetworkChange, { kind: "vm" }>): void {
    const clash = this.#vms.find((vm) => same(vm.name, change.name));
    if (clash) {
      this.#error(
        "duplicate-name",
        `VM "${clash.name}" already exists; give the new VM another name`,
        change.spans?.name ?? change.span,
      );
      return;
    }
    const nicsAt = change.spans?.nics ?? change.span;
    if (change.nics.length === 0) {
      this.#error("missing-argument", `VM "${change.name}" needs at least one NIC`, nicsAt);
      return;
    }
    const nics: Nic[] = [];
    for (const name of change.nics) {
      const placed = this.#findNic(name);
      if (!placed) {
        this.#error(
          "unknown-nic",
          `NIC "${name}" does not exist; create it first with az network nic create`,
          nicsAt,
        );
        return;
      }
      if (placed.vm || nics.includes(placed.nic)) {
        this.#error(
          "nic-in-use",
          `NIC "${placed.nic.name}" is already attached to VM "${placed.vm?.name ?? change.name}"; a NIC belongs to one VM`,
          nicsAt,
        );
        return;
      }
      nics.push(placed.nic);
    }
    // Azure puts every NIC of a VM in one VNet (Add network interfaces to or remove from VMs).
    const vnets = new Set(nics.map((n) => key(n.subnet.slice(0, n.subnet.indexOf("/")))));
    if (vnets.size > 1) {
      this.#error(
        "nic-in-use",
        `the NICs of VM "${change.name}" are in different VNets; Azure puts all of a VM's NICs in one VNet`,
        nicsAt,
      );
      return;
    }
    const vm: Vm = { name: change.name, nics };
    for (const nic of nics) {
      this.#loose.splice(this.#loose.indexOf(nic), 1);
      this.#nicIndex.set(key(nic.name), { nic, vm });
    }
    this.#vms.push(vm);
  }

  #peering(change: Extract<NetworkChange, { kind: "peering" }>): void {
    const find = (name: string, at: SourceSpan | undefined) => {
      const vnet = this.#vnetNamed(name);
      if (!vnet)
        this.#error(
          "unknown-vnet",
          `VNet "${name}" does not exist (VNets: ${this.#vnetList()}); create it first with az network vnet create`,
          at ?? change.span,
        );
      return vnet;
    };
    const vnet = find(change.vnet, change.spans?.vnet);
    const remote = vnet && find(change.remote, change.spans?.remote);
    if (!vnet || !remote) return;
    const refused = this.#peerings.add(vnet, remote, change);
    if (refused) this.#errors.push(refused);
  }
}

function subnetOf(spec: SubnetSpec, nsg: string | undefined): Subnet {
  return { name: spec.name, addressPrefix: spec.addressPrefix, ...(nsg !== undefined ? { nsg } : {}) };
}

function setNsg(item: { nsg?: string }, nsg: string | undefined): void {
  if (nsg === undefined) delete item.nsg;
  else item.nsg = nsg;
}

function sameAddress(a: string, b: string): boolean {
  const x = parseIp(a);
  const y = parseIp(b);
  return x.ok && y.ok && x.value.family === y.value.family && x.value.value === y.value.value;
}

function overlaps(a: AddressSet, b: AddressSet): boolean {
  for (let i = 0; i < a.v4.length; i += 2)
    for (let j = 0; j < b.v4.length; j += 2)
      if (a.v4[i]! <= b.v4[j + 1]! && b.v4[j]! <= a.v4[i + 1]!) return true;
  for (let i = 0; i < a.v6.length; i += 2)
    for (let j = 0; j < b.v6.length; j += 2)
      if (a.v6[i]! <= b.v6[j + 1]! && b.v6[j]! <= a.v6[i + 1]!) return true;
  return false;
}
