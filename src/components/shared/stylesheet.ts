/**
 * Links a stylesheet at run time, once per address, and settles when it has loaded (or failed:
 * the browser reports a failed stylesheet itself, and what it styles still works unstyled).
 * For CSS that pages must not link up front (Monaco's: scripts/monaco-styles.ts).
 */
const linked = new Map<string, Promise<void>>();

export function linkStylesheet(href: string): Promise<void> {
  let loading = linked.get(href);
  if (!loading) {
    const link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = href;
    loading = new Promise<void>((resolve) => {
      link.addEventListener("load", () => resolve(), { once: true });
      link.addEventListener("error", () => resolve(), { once: true });
    });
    document.head.append(link);
    linked.set(href, loading);
  }
  return loading;
}
