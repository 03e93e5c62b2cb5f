/**
 * Identifiers for generated Network Watcher output: a MAC address per NIC, a GUID per NSG or
 * flow log. Azure assigns these at random; a generated log needs them stable (the same exercise
 * builds the same page) and distinct, so they are derived from the resource's name by FNV-1a.
 */

/**
 * FNV-1a, 32 bits, then MurmurHash3's finalizer: small, fast, stable across runs and machines,
 * and with names that differ in their last character ("q0", "q1") spread over the whole range.
 */
export function hash32(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

const hex = (n: number, digits: number) => n.toString(16).padStart(8, "0").slice(-digits);

/** "1f0e9a2c-4b7d-4e21-9c3a-5d6e7f80a1b2": a GUID-shaped identifier for a named resource. */
export function guidOf(name: string): string {
  const parts = [1, 2, 3, 4].map((i) => hex(hash32(`${i}:${name}`), 8));
  const all = parts.join("");
  return `${all.slice(0, 8)}-${all.slice(8, 12)}-${all.slice(12, 16)}-${all.slice(16, 20)}-${all.slice(20, 32)}`;
}

/**
 * "002248A1B2C3": a NIC's MAC address as flow logs write it (12 hex digits, no separators),
 * under 00-22-48, the prefix of the MAC addresses in Microsoft's own flow log samples.
 */
export const macOf = (nic: string): string => `002248${hex(hash32(`mac:${nic}`), 6)}`.toUpperCase();
