import type { AddressSet } from "../nsg/address-set.ts";
import { formatV4, formatV6 } from "../nsg/ip.ts";

/**
 * An address set written back as CIDR blocks, as Azure's "effective security rules" view shows
 * a service tag expanded into prefixes.
 */
function rangeToCidrs(lo: bigint, hi: bigint, bits: number, format: (v: bigint) => string): string[] {
  const out: string[] = [];
  let start = lo;
  while (start <= hi) {
    // Largest block aligned at `start` that fits in [start, hi].
    let size = 0;
    while (size < bits) {
      const next = 1n << BigInt(size + 1);
      if (start % next !== 0n || start + next - 1n > hi) break;
      size++;
    }
    out.push(`${format(start)}/${bits - size}`);
    start += 1n << BigInt(size);
  }
  return out;
}

export function toCidrs(set: AddressSet): string[] {
  const out: string[] = [];
  for (let i = 0; i < set.v4.length; i += 2)
    out.push(...rangeToCidrs(BigInt(set.v4[i]!), BigInt(set.v4[i + 1]!), 32, formatV4));
  for (let i = 0; i < set.v6.length; i += 2)
    out.push(...rangeToCidrs(set.v6[i]!, set.v6[i + 1]!, 128, formatV6));
  return out;
}
