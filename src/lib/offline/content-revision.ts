/**
 * A short content hash: the revision of a precached file and, over the whole manifest, the
 * version of a build. The same function runs at build time (Node) and in the service worker,
 * which checks every download against it, so a cache only ever holds the bytes of its build
 * (not, say, a page a CDN still served from the previous deploy).
 */
const REVISION_HEX_DIGITS = 16;

export async function contentRevision(bytes: ArrayBuffer | Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return [...digest]
    .map((byte) => byte.toString(16).padStart(2, "0"))
    .join("")
    .slice(0, REVISION_HEX_DIGITS);
}

export const textRevision = (text: string): Promise<string> =>
  contentRevision(new TextEncoder().encode(text));
