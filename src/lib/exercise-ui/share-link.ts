import { fail, issue, ok, type Result } from "../result.ts";
import { base64UrlToBytes, bytesToBase64Url } from "../text/base64url.ts";
import { isEditorFormat, type EditorFormat } from "./editor-format.ts";

/**
 * Rules in a URL fragment, so a learner can send their attempt to a classmate or instructor:
 * `#rules=v1.<format>.<base64url of the UTF-8 text>`. The fragment never reaches the server
 * (GitHub Pages sees nothing). Links are capped in length: chat tools and browsers truncate
 * long URLs, and a cut link would silently lose rules.
 */

export const SHARE_PARAM = "rules";
/** Encoded characters; roughly 6 KB of rules. */
export const MAX_SHARE_LENGTH = 8000;

export interface SharedRules {
  format: EditorFormat;
  text: string;
}

export type ShareEncode = Result<{ hash: string }>;
/** The shared rules; `undefined` when the fragment carries none (no link is no error). */
export type ShareDecode = Result<SharedRules | undefined>;

export const toBase64Url = (text: string): string => bytesToBase64Url(new TextEncoder().encode(text));

/** Throws on malformed input; `decodeShareHash` turns that into a message. */
export const fromBase64Url = (encoded: string): string =>
  new TextDecoder("utf-8", { fatal: true }).decode(base64UrlToBytes(encoded));

/** The fragment (with its "#") for some rules, or why there is none. */
export function encodeShareHash(rules: SharedRules, maxLength: number = MAX_SHARE_LENGTH): ShareEncode {
  const hash = `#${SHARE_PARAM}=v1.${rules.format}.${toBase64Url(rules.text)}`;
  if (hash.length > maxLength) {
    return fail([
      issue(
        "share-link-too-long",
        `These rules are too long for a link (${hash.length.toLocaleString("en")} characters; links are limited to ${maxLength.toLocaleString("en")}). Download the submission file and share that instead.`,
      ),
    ]);
  }
  return ok({ hash });
}

/** Reads rules from `location.hash`; `undefined` when the fragment carries none. */
export function decodeShareHash(hash: string): ShareDecode {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const value = params.get(SHARE_PARAM);
  if (value === null) return ok(undefined);
  if (value.length > MAX_SHARE_LENGTH)
    return fail([
      issue("share-link-too-long", "The link's rules are longer than NSG Lab accepts; they were not loaded."),
    ]);
  const match = /^v1\.([a-z]+)\.([A-Za-z0-9_-]*)$/.exec(value);
  if (!match)
    return fail([
      issue(
        "share-link-damaged",
        "The link's rules are damaged or from a newer NSG Lab (they may have been cut when the link was copied); they were not loaded.",
      ),
    ]);
  const format = match[1];
  if (!isEditorFormat(format))
    return fail([
      issue(
        "unknown-rule-format",
        `The link's rules are in an unknown format "${format}"; they were not loaded.`,
      ),
    ]);
  try {
    return ok({ format, text: fromBase64Url(match[2]!) });
  } catch {
    return fail([
      issue(
        "share-link-damaged",
        "The link's rules are damaged (perhaps cut when the link was copied); they were not loaded.",
      ),
    ]);
  }
}

/** The fragment without the rules parameter (other parameters kept), e.g. after loading them. */
export function withoutShareParam(hash: string): string {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  params.delete(SHARE_PARAM);
  const rest = params.toString();
  return rest ? `#${rest}` : "";
}
