import { findSubnet } from "../../nsg/network.ts";
import type { Topology } from "../../nsg/topology-schema.ts";
import type { Offsets } from "../azcli/arg-parser.ts";
import type { IpConfigObject, NicObject, VnetObject } from "./values.ts";

/**
 * The scenario's VNets and NICs as Azure holds them while the script runs: what
 * Get-AzVirtualNetwork and Get-AzNetworkInterface read, and what a saved object
 * (Set-AzVirtualNetwork, Set-AzNetworkInterface) changes. Names are case-insensitive, as Azure's.
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
}

export interface AzureNic {
  name: string;
  /** "vnet/subnet", in the scenario's spelling. */
  subnet: string | undefined;
  privateIp: string;
  nsg: string | null;
  asgs: string[];
}

const key = (name: string) => name.toLowerCase();

export class NetworkState {
  readonly #vnets = new Map<string, AzureVnet>();
  readonly #nics = new Map<string, AzureNic>();

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

  /** A fresh in-memory copy of a VNet, as Get-AzVirtualNetwork returns it. */
  readVnet(name: string, nameAt: Offsets, readAt: Offsets, resourceGroup?: string): VnetObject | undefined {
    const vnet = this.vnet(name);
    if (!vnet) return undefined;
    return {
      name: vnet.name,
      nameAt,
      ...(resourceGroup ? { resourceGroup } : {}),
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
      privateIp: nic.privateIp,
      asgs: [...nic.asgs],
    };
    return {
      name: nic.name,
      nameAt,
      ...(resourceGroup ? { resourceGroup } : {}),
      nsg: nic.nsg,
      ipConfigurations: [ipconfig],
      pending: [],
      readAt,
      changed: false,
      used: false,
    };
  }
}
