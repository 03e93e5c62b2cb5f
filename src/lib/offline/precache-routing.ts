/**
 * Which precached file answers a request, if any. A static host ignores the query, so the
 * worker does too: /search/?q=ftp is the search page, and Pagefind's cache-busting
 * `pagefind-entry.json?ts=…` is the precached file. A folder asked for without its slash
 * ("lessons/x") is the folder's page, as the host would redirect it.
 */
export function precachedUrlFor(
  requestUrl: string,
  scope: string,
  precached: ReadonlySet<string>,
): string | undefined {
  const request = new URL(requestUrl);
  const root = new URL(scope);
  if (request.origin !== root.origin || !request.pathname.startsWith(root.pathname)) return undefined;
  const path = request.pathname.slice(root.pathname.length);
  const asFolder =
    path.endsWith("/index.html") || path === "index.html" ? path.slice(0, -"index.html".length) : `${path}/`;
  return [path, asFolder].find((candidate) => precached.has(candidate));
}
