/**
 * FNV-1a (32-bit) over UTF-8 bytes, as 8 hex digits: not security, just a check that a link
 * arrived whole (chat tools and browsers cut long URLs, and a cut link must not load silently).
 */
export function checksum(text: string): string {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}
