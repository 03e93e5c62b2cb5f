import { joinMessages, type Result } from "../../lib/result.ts";

/**
 * Element building for the islands. Children given as strings become text nodes: learner
 * text (rule names, messages quoting it) is never parsed as HTML.
 */
type Child = Node | string | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) if (value !== undefined) node.setAttribute(name, value);
  for (const child of children)
    if (child !== null && child !== undefined && child !== false) node.append(child);
  return node;
}

export function must<T extends Element>(root: ParentNode, selector: string): T {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`exercise markup is missing ${selector}`);
  return found;
}

/** Copies text; false when the clipboard is not available or refused. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Starts a download of `text` as a file. */
export function downloadText(fileName: string, text: string, type = "application/json"): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = el("a", { href: url, download: fileName });
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export interface ShareControls {
  button: HTMLButtonElement;
  output: HTMLInputElement;
  status: HTMLElement;
}

/**
 * "Copy link": builds the link (the current page plus an encoded #fragment), shows it, copies
 * it, and says what happened; when copying is blocked the link is selected for Ctrl+C.
 */
export function wireShareButton(
  controls: ShareControls,
  encode: () => Promise<Result<{ hash: string }>>,
  whoSeesWhat: string,
): void {
  controls.button.addEventListener(
    "click",
    asyncHandler(async () => {
      const encoded = await encode();
      if (!encoded.ok) {
        controls.output.value = "";
        controls.status.textContent = joinMessages(encoded.errors, " ");
        return;
      }
      const url = `${location.origin}${location.pathname}${location.search}${encoded.value.hash}`;
      controls.output.value = url;
      const copied = await copyText(url);
      if (!copied) controls.output.select();
      controls.status.textContent = `${copied ? "Link copied." : "The link is selected above: press Ctrl+C (⌘C) to copy it."} ${whoSeesWhat}`;
    }),
  );
}

/**
 * Wraps an async event handler. DOM listeners ignore the promise a handler returns, so a
 * rejection would vanish unreported; this logs it instead.
 */
export function asyncHandler<E extends Event>(handler: (event: E) => Promise<void>): (event: E) => void {
  return (event) => {
    handler(event).catch((error: unknown) => console.error(error));
  };
}
