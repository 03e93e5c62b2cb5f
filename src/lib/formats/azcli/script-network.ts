import type { Topology } from "../../nsg/topology-schema.ts";

/**
 * The network a script sees by name as it runs: the scenario's VNets, subnets, NICs, VMs, ASGs
 * and public IPs, then the ones its commands built, with each NSG association as it stands.
 * Commands read it for what az itself looks up (which VNet `az vm create` picks when none is
 * named, whether `--nsg` names an NSG that exists, which NSG `az vm open-port` changes) and
 * `$(az … show --query id)` reads it for IDs. It is no validator: the topology the changes are
 * applied to (`grader/apply-network.ts`) checks prefixes, addresses and references again.
 *
 * Names compare case-insensitively, as Azure resource names do.
 */

export interface KnownSubnet {
  name: string;
  addressPrefix: string;
  nsg?: string;
}

export interface KnownVnet {
  name: string;
  addressSpace: string[];
  subnets: KnownSubnet[];
}

export interface KnownNic {
  name: string;
  vnet: string;
  subnet: string;
  nsg?: string;
  /** The VM it is attached to, once one is. */
  vm?: string;
}

export interface KnownVm {
  name: string;
  /** The first is the primary NIC. */
  nics: string[];
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
const key = (name: string) => name.toLowerCase();

export class ScriptNetwork {
  /** In the order they came to be (what `az … list` prints); the maps find them by name. */
  readonly vnets: KnownVnet[] = [];
  readonly nics: KnownNic[] = [];
  readonly vms: KnownVm[] = [];
  readonly asgs: string[] = [];
  readonly publicIps: string[] = [];
  readonly #vnets = new Map<string, KnownVnet>();
  readonly #nics = new Map<string, KnownNic>();
  readonly #vms = new Map<string, KnownVm>();
  readonly #asgs = new Map<string, string>();
  readonly #publicIps = new Map<string, string>();

  constructor(topology?: Topology) {
    if (!topology) return;
    for (const v of topology.vnets)
      this.putVnet({
        name: v.name,
        addressSpace: [...v.addressSpace],
        subnets: v.subnets.map((s) => ({
          name: s.name,
          addressPrefix: s.addressPrefix,
          ...(s.nsg !== undefined ? { nsg: s.nsg } : {}),
        })),
      });
    for (const vm of topology.vms) {
      for (const nic of vm.nics) {
        const placed = this.#placeBare(nic.subnet);
        this.addNic({
          name: nic.name,
          vnet: placed?.vnet ?? "",
          subnet: placed?.subnet ?? nic.subnet,
          ...(nic.nsg !== undefined ? { nsg: nic.nsg } : {}),
        });
      }
      this.addVm(
        vm.name,
        vm.nics.map((n) => n.name),
      );
    }
    for (const asg of topology.asgs) this.addAsg(asg);
  }

  /** A scenario NIC's "vnet/subnet", or a bare subnet name only one VNet has. */
  #placeBare(ref: string): { vnet: string; subnet: string } | undefined {
    const slash = ref.indexOf("/");
    if (slash >= 0) return { vnet: ref.slice(0, slash), subnet: ref.slice(slash + 1) };
    const found = this.vnets.filter((v) => v.subnets.some((s) => same(s.name, ref)));
    return found.length === 1 ? { vnet: found[0]!.name, subnet: ref } : undefined;
  }

  vnet(name: string): KnownVnet | undefined {
    return this.#vnets.get(key(name));
  }

  subnet(vnet: string, name: string): KnownSubnet | undefined {
    return this.vnet(vnet)?.subnets.find((s) => same(s.name, name));
  }

  nic(name: string): KnownNic | undefined {
    return this.#nics.get(key(name));
  }

  vm(name: string): KnownVm | undefined {
    return this.#vms.get(key(name));
  }

  asg(name: string): string | undefined {
    return this.#asgs.get(key(name));
  }

  publicIp(name: string): string | undefined {
    return this.#publicIps.get(key(name));
  }

  // --- What commands build (the same changes the applier will make) ---------------------------

  /**
   * `az network vnet create` is a PUT: the VNet's space and subnets become these. Copies are
   * kept, since the command's `NetworkChange` holds the same values and must not see later edits.
   */
  putVnet(given: KnownVnet): void {
    const vnet = {
      ...given,
      addressSpace: [...given.addressSpace],
      subnets: given.subnets.map((s) => ({ ...s })),
    };
    const existing = this.vnet(vnet.name);
    if (existing) {
      existing.addressSpace = vnet.addressSpace;
      existing.subnets = vnet.subnets;
    } else {
      this.vnets.push(vnet);
      this.#vnets.set(key(vnet.name), vnet);
    }
  }

  putSubnet(vnet: string, subnet: KnownSubnet): void {
    const v = this.vnet(vnet);
    if (!v) return;
    const i = v.subnets.findIndex((s) => same(s.name, subnet.name));
    if (i >= 0) v.subnets[i] = { ...subnet };
    else v.subnets.push({ ...subnet });
  }

  addNic(nic: KnownNic): void {
    if (this.nic(nic.name)) return;
    const copy = { ...nic };
    this.nics.push(copy);
    this.#nics.set(key(nic.name), copy);
  }

  addVm(name: string, nics: readonly string[]): void {
    if (this.vm(name)) return;
    const vm = { name, nics: [...nics] };
    this.vms.push(vm);
    this.#vms.set(key(name), vm);
    for (const n of nics) {
      const nic = this.nic(n);
      if (nic && nic.vm === undefined) nic.vm = name;
    }
  }

  addAsg(name: string): void {
    if (this.asg(name) !== undefined) return;
    this.asgs.push(name);
    this.#asgs.set(key(name), name);
  }

  addPublicIp(name: string): void {
    if (this.publicIp(name) !== undefined) return;
    this.publicIps.push(name);
    this.#publicIps.set(key(name), name);
  }

  /** An association as `nic update` / `subnet update --network-security-group` makes it. */
  associate(level: "nic" | "subnet", target: string, nsg: string | null): void {
    let item: { nsg?: string } | undefined;
    if (level === "nic") item = this.nic(target);
    else {
      const slash = target.indexOf("/");
      item = slash >= 0 ? this.subnet(target.slice(0, slash), target.slice(slash + 1)) : undefined;
    }
    if (!item) return;
    if (nsg === null) delete item.nsg;
    else item.nsg = nsg;
  }

  /** The NSGs on a VM's primary NIC and on that NIC's subnet (what `az vm open-port` changes). */
  vmNsgs(vm: KnownVm): { nic: KnownNic | undefined; nicNsg?: string; subnetNsg?: string } {
    const nic = this.nic(vm.nics[0] ?? "");
    const subnet = nic ? this.subnet(nic.vnet, nic.subnet) : undefined;
    return {
      nic,
      ...(nic?.nsg !== undefined ? { nicNsg: nic.nsg } : {}),
      ...(subnet?.nsg !== undefined ? { subnetNsg: subnet.nsg } : {}),
    };
  }
}
