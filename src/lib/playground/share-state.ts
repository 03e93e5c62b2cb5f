import { validateState, type PlaygroundState } from "./playground-state.ts";
import { fail, issue, ok, type Result } from "../result.ts";
import { base64UrlToBytes, bytesToBase64Url } from "../text/base64url.ts";

/**
 * The playground in a URL fragment: `#playground=v1.z.<base64url of deflate-raw(JSON)>`, or
 * `v1.j.<base64url of JSON>` where the browser lacks CompressionStream. The fragment never
 * reaches the server. Links are capped: chat tools and some browsers cut long URLs, and a cut
 * link would lose the scenario silently.
 */
export const SHARE_PARAM = "playground";
export const MAX_LINK_LENGTH = 8000;
/** A decompressed link never expands past this (a tiny link can inflate to gigabytes). */
export const MAX_STATE_BYTES = 1_000_000;

export type ShareEncode = Result<{ hash: string; compressed: boolean }>;
/** The shared playground; `undefined` when the fragment carries none (no link is no error). */
export type ShareDecode = Result<PlaygroundState | undefined>;

const hasCompression = (): boolean =>
  typeof CompressionStream === "function" && typeof DecompressionStream === "function";

async function deflateRaw(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new CompressionStream("deflate-raw"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Inflates, giving up past `limit` bytes. */
async function inflateRaw(bytes: Uint8Array, limit: number): Promise<Uint8Array> {
  const reader = new Blob([bytes as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream("deflate-raw"))
    .getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel();
      throw new Error("too large");
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

export interface EncodeOptions {
  maxLength?: number;
  /** Off to test the fallback; on by default where the browser can. */
  compress?: boolean;
}

/** The fragment (with "#") that restores `state`, or why there is none. */
export async function encodeShareState(
  state: PlaygroundState,
  options: EncodeOptions = {},
): Promise<ShareEncode> {
  const maxLength = options.maxLength ?? MAX_LINK_LENGTH;
  const compressed = (options.compress ?? true) && hasCompression();
  const json = new TextEncoder().encode(JSON.stringify(state));
  const payload = compressed ? await deflateRaw(json) : json;
  const hash = `#${SHARE_PARAM}=v1.${compressed ? "z" : "j"}.${bytesToBase64Url(payload)}`;
  if (hash.length > maxLength) {
    return fail([
      issue(
        "share-link-too-long",
        `This playground is too big for a link (${hash.length.toLocaleString("en")} characters${compressed ? " even compressed" : ""}; links are limited to ${maxLength.toLocaleString("en")}, because chat tools and browsers cut longer ones). Shorten the scenario, or copy its text and share that instead.`,
      ),
    ]);
  }
  return ok({ hash, compressed });
}

const DAMAGED = "The link's playground is damaged (perhaps cut when the link was copied); it was not loaded.";

/** Reads a playground from `location.hash`; `undefined` when the fragment carries none. */
export async function decodeShareState(hash: string): Promise<ShareDecode> {
  const value = new URLSearchParams(hash.replace(/^#/, "")).get(SHARE_PARAM);
  if (value === null) return ok(undefined);
  if (value.length > MAX_LINK_LENGTH * 2)
    return fail([
      issue(
        "share-link-too-long",
        "The link's playground is longer than NSG Lab accepts; it was not loaded.",
      ),
    ]);
  const match = /^v1\.([zj])\.([A-Za-z0-9_-]*)$/.exec(value);
  if (!match)
    return fail([
      issue(
        "share-link-damaged",
        "The link's playground is damaged or from a newer NSG Lab; it was not loaded.",
      ),
    ]);
  let json: unknown;
  try {
    let bytes = base64UrlToBytes(match[2]!);
    if (match[1] === "z") {
      if (!hasCompression())
        return fail([
          issue(
            "decompression-unavailable",
            "This browser cannot decompress the link's playground (no DecompressionStream); open it in a current browser.",
          ),
        ]);
      bytes = await inflateRaw(bytes, MAX_STATE_BYTES);
    } else if (bytes.length > MAX_STATE_BYTES) throw new Error("too large");
    json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    return fail([issue("share-link-damaged", DAMAGED)]);
  }
  const state = validateState(json);
  if (!state.ok)
    return fail(
      state.errors.map((e) => ({
        ...e,
        message: `The link's playground could not be used (${e.message}); it was not loaded.`,
      })),
    );
  return state;
}

/** The fragment without the playground parameter (others kept), once it has been loaded. */
export function withoutShareParam(hash: string): string {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  params.delete(SHARE_PARAM);
  const rest = params.toString();
  return rest ? `#${rest}` : "";
}
