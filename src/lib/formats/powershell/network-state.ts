import { findSubnet } from "../../nsg/network.ts";
import type { Topology } from "../../nsg/topology-schema.ts";
import type { Offsets } from "../azcli/arg-parser.ts";
import type { IpConfigObject, NicObject, VnetObject } from "./values.ts";

/**
 * The VNets, NICs and public IPs as Azure holds them while the script runs, the scenario's and
 * those the script creates: what Get-AzVirtualNetwork and Get-AzNetworkInterface read, and what
 * a saved object (Set-AzVirtualNetwork, Set-AzNetworkInterface) changes. Names are
 * case-insensitive, as Azure's.
 */

export interface AzureSubnet {
  name: string;
  addressPrefix: string;
  nsg: string | null;
}

export interface AzureVnet {
  name: string;
  addressSpace: string[];
  subnets: AzureSubnet[];
  /** Made by a cmdlet that was not run (an exercise's network is fixed): readable, never saved. */
  phantom?: boolean;
}

export interface AzureNic {
  name: string;
  /** "vnet/subnet", in the scenario's spelling. */
  subnet: string | undefined;
  /** Undefined until Azure gives a NIC the script created its dynamic address. */
  privateIp?: string;
  nsg: string | null;
  asgs: string[];
  phantom?: boolean;
}

const key = (name: string) => name.toLowerCase();

export class NetworkState {
  readonly #vnets = new Map<string, AzureVnet>();
  readonly #nics = new Map<string, AzureNic>();
  /** Public IP resources the script created (Azure assigns their addresses), by name. */
  readonly #publicIps = new Map<string, { name: string; phantom?: boolean }>();

  constructor(topology: Topology | undefined) {
    for (const vnet of topology?.vnets ?? [])
      this.#vnets.set(key(vnet.name), {
        name: vnet.name,
        addressSpace: [...vnet.addressSpace],
        subnets: vnet.subnets.map((s) => ({
          name: s.name,
          addressPrefix: s.addressPrefix,
          nsg: s.nsg ?? null,
        })),
      });
    for (const vm of topology?.vms ?? [])
      for (const nic of vm.nics) {
        const found = topology && findSubnet(topology, nic.subnet);
        this.#nics.set(key(nic.name), {
          name: nic.name,
          subnet: found ? `${found.vnet.name}/${found.subnet.name}` : undefined,
          privateIp: nic.privateIp,
          nsg: nic.nsg ?? null,
          asgs: [...nic.asgs],
        });
      }
  }

  get vnetNames(): string[] {
    return [...this.#vnets.values()].map((v) => v.name);
  }

  get nicNames(): string[] {
    return [...this.#nics.values()].map((n) => n.name);
  }

  vnet(name: string): AzureVnet | undefined {
    return this.#vnets.get(key(name));
  }

  nic(name: string): AzureNic | undefined {
    return this.#nics.get(key(name));
  }

  publicIp(name: string): { name: string; phantom?: boolean } | undefined {
    return this.#publicIps.get(key(name));
  }

  /** A VNet created or replaced (New-AzVirtualNetwork is a PUT), keeping the first spelling of its name. */
  putVnet(vnet: AzureVnet): void {
    const old = this.#vnets.get(key(vnet.name));
    this.#vnets.set(key(vnet.name), old ? { ...vnet, name: old.name } : vnet);
  }

  putNic(nic: AzureNic): void {
    this.#nics.set(key(nic.name), nic);
  }

  putPublicIp(name: string, phantom: boolean): void {
    if (!this.#publicIps.has(key(name)))
      this.#publicIps.set(key(name), { name, ...(phantom ? { phantom } : {}) });
  }

  /** A fresh in-memory copy of a VNet, as Get-AzVirtualNetwork returns it. */
  readVnet(name: string, nameAt: Offsets, readAt: Offsets, resourceGroup?: string): VnetObject | undefined {
    const vnet = this.vnet(name);
    if (!vnet) return undefined;
    return {
      name: vnet.name,
      nameAt,
      ...(resourceGroup ? { resourceGroup } : {}),
      ...(vnet.phantom ? { phantom: true } : {}),
      addressSpace: [...vnet.addressSpace],
      subnets: vnet.subnets.map((s) => ({ name: s.name, addressPrefixes: [s.addressPrefix], nsg: s.nsg })),
      pending: [],
      readAt,
      changed: false,
      used: false,
    };
  }

  /** A fresh in-memory copy of a NIC, as Get-AzNetworkInterface returns it (one IP configuration). */
  readNic(name: string, nameAt: Offsets, readAt: Offsets, resourceGroup?: string): NicObject | undefined {
    const nic = this.nic(name);
    if (!nic) return undefined;
    const ipconfig: IpConfigObject = {
      name: "ipconfig1",
      ...(nic.subnet ? { subnet: nic.subnet } : {}),
      ...(nic.privateIp ? { privateIp: nic.privateIp } : {}),
      asgs: [...nic.asgs],
    };
    return {
      name: nic.name,
      nameAt,
      ...(resourceGroup ? { resourceGroup } : {}),
      ...(nic.phantom ? { phantom: true } : {}),
      nsg: nic.nsg,
      ipConfigurations: [ipconfig],
      pending: [],
      readAt,
      changed: false,
      used: false,
    };
  }
}
