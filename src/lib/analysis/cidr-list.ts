import type { AddressSet } from "../nsg/address-set.ts";

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

const v4Text = (v: bigint) => [24n, 16n, 8n, 0n].map((s) => String((v >> s) & 255n)).join(".");

function v6Text(v: bigint): string {
  const groups = Array.from({ length: 8 }, (_, i) => ((v >> BigInt(112 - i * 16)) & 0xffffn).toString(16));
  // Compress the longest run of zero groups to "::".
  let best = [-1, 0];
  for (let i = 0; i < 8; ) {
    if (groups[i] !== "0") { i++; continue; }
    let j = i;
    while (j < 8 && groups[j] === "0") j++;
    if (j - i > best[1]! && j - i > 1) best = [i, j - i];
    i = j;
  }
  if (best[0]! < 0) return groups.join(":");
  const head = groups.slice(0, best[0]).join(":");
  const tail = groups.slice(best[0]! + best[1]!).join(":");
  return `${head}::${tail}`;
}

export function toCidrs(set: AddressSet): string[] {
  const out: string[] = [];
  for (let i = 0; i < set.v4.length; i += 2) out.push(...rangeToCidrs(BigInt(set.v4[i]!), BigInt(set.v4[i + 1]!), 32, v4Text));
  for (let i = 0; i < set.v6.length; i += 2) out.push(...rangeToCidrs(set.v6[i]!, set.v6[i + 1]!, 128, v6Text));
  return out;
}
