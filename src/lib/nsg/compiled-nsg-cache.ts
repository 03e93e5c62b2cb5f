import { compileNsg, type CompiledNsg } from "./compile.ts";
import type { Network } from "./network.ts";

/** Compiles each NSG once per VNet it is seen from, on first use. */
export class CompiledNsgCache {
  readonly #network: Network;
  /** NSG name → VNet name → compiled (nested maps: no key string to build per lookup). */
  readonly #cache = new Map<string, Map<string, CompiledNsg>>();
  constructor(network: Network) {
    this.#network = network;
  }
  get(nsgName: string, vnetName: string): CompiledNsg | undefined {
    let byVnet = this.#cache.get(nsgName);
    let compiled = byVnet?.get(vnetName);
    if (!compiled) {
      const nsg = this.#network.nsgs.get(nsgName);
      const tags = this.#network.tagsByVnet.get(vnetName);
      if (!nsg || !tags) return undefined;
      compiled = compileNsg(nsg.name, nsg.securityRules, tags, this.#network);
      if (!byVnet) this.#cache.set(nsgName, (byVnet = new Map<string, CompiledNsg>()));
      byVnet.set(vnetName, compiled);
    }
    return compiled;
  }
}
