import { fail, issue, ok, type Result } from "../result.ts";
import { base64UrlToBytes, bytesToBase64Url } from "../text/base64url.ts";
import { checksum } from "../text/checksum.ts";
import { isEditorFormat, type EditorFormat } from "./editor-format.ts";

/**
 * Rules in a URL fragment, so a learner can send their attempt to a classmate or instructor:
 * `#rules=v2.<exercise id>.<format>.<checksum>.<base64url of the UTF-8 text>`. The fragment
 * never reaches the server (GitHub Pages sees nothing). The exercise id sends the rules to their
 * exercise on a page that holds several; the checksum refuses a link cut when it was copied.
 * Links are capped in length, since chat tools and browsers truncate long URLs.
 * Version 1 links (`v1.<format>.<base64url>`, no exercise, no checksum) are still read.
 */

export const SHARE_PARAM = "rules";
/** Encoded characters; roughly 6 KB of rules. */
export const MAX_SHARE_LENGTH = 8000;

export interface SharedRules {
  format: EditorFormat;
  text: string;
  /** The exercise the rules were written for; undefined in version 1 links. */
  exercise?: string;
}

export type ShareEncode = Result<{ hash: string }>;
/** The shared rules; `undefined` when the fragment carries none (no link is no error). */
export type ShareDecode = Result<SharedRules | undefined>;

export const toBase64Url = (text: string): string => bytesToBase64Url(new TextEncoder().encode(text));

/** Throws on malformed input; `decodeShareHash` turns that into a message. */
export const fromBase64Url = (encoded: string): string =>
  new TextDecoder("utf-8", { fatal: true }).decode(base64UrlToBytes(encoded));

/** The fragment (with its "#") for an exercise's rules, or why there is none. */
export function encodeShareHash(
  rules: SharedRules & { exercise: string },
  maxLength: number = MAX_SHARE_LENGTH,
): ShareEncode {
  const hash = `#${SHARE_PARAM}=v2.${rules.exercise}.${rules.format}.${checksum(rules.text)}.${toBase64Url(rules.text)}`;
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

const damaged = (why: string) =>
  fail([
    issue(
      "share-link-damaged",
      `The link's rules are damaged (${why}; perhaps it was cut when it was copied), so nothing was loaded. Ask for the link again, or for the submission file.`,
    ),
  ]);

function decodeText(encoded: string): string | undefined {
  try {
    return fromBase64Url(encoded);
  } catch {
    return undefined;
  }
}

const V2 = /^v2\.([a-z0-9]+(?:-[a-z0-9]+)*)\.([a-z]+)\.([0-9a-f]{8})\.([A-Za-z0-9_-]*)$/;
const V1 = /^v1\.([a-z]+)\.([A-Za-z0-9_-]*)$/;

/** Reads rules from `location.hash`; `undefined` when the fragment carries none. */
export function decodeShareHash(hash: string): ShareDecode {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const value = params.get(SHARE_PARAM);
  if (value === null) return ok(undefined);
  if (value.length > MAX_SHARE_LENGTH)
    return fail([
      issue("share-link-too-long", "The link's rules are longer than NSG Lab accepts; they were not loaded."),
    ]);
  const v2 = V2.exec(value);
  const v1 = v2 ? undefined : V1.exec(value);
  if (!v2 && !v1) {
    return /^v[12]\./.test(value)
      ? damaged("it ends too early or holds characters a link never has")
      : fail([
          issue(
            "share-link-damaged",
            "The link's rules are damaged or from a newer NSG Lab (they may have been cut when the link was copied); they were not loaded.",
          ),
        ]);
  }
  const format = v2 ? v2[2] : v1![1];
  if (!isEditorFormat(format))
    return fail([
      issue(
        "unknown-rule-format",
        `The link's rules are in an unknown format "${format}"; they were not loaded.`,
      ),
    ]);
  const text = decodeText(v2 ? v2[4]! : v1![2]!);
  if (text === undefined) return damaged("its text is not valid");
  if (!v2) return ok({ format, text });
  if (checksum(text) !== v2[3]) return damaged("its check does not match its text");
  return ok({ format, text, exercise: v2[1]! });
}

/**
 * Which exercise on a page a link's rules belong to: the one it names, or — for a version 1
 * link, which names none — the page's only exercise. Fails with the reason the page can't use it.
 */
export function linkTarget(link: SharedRules, exercisesOnPage: readonly string[]): Result<string> {
  if (link.exercise !== undefined) {
    if (exercisesOnPage.includes(link.exercise)) return ok(link.exercise);
    return fail([
      issue(
        "share-link-elsewhere",
        `The link's rules are for the exercise “${link.exercise}”, which is not on this page; nothing was loaded here.`,
      ),
    ]);
  }
  if (exercisesOnPage.length === 1) return ok(exercisesOnPage[0]!);
  return fail([
    issue(
      "share-link-elsewhere",
      "The link's rules come from an older NSG Lab link that does not say which exercise they are for, and this page has several; nothing was loaded. Open the exercise's own page with the link instead.",
    ),
  ]);
}

/** The fragment without the rules parameter (other parameters kept), e.g. after loading them. */
export function withoutShareParam(hash: string): string {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  params.delete(SHARE_PARAM);
  const rest = params.toString();
  return rest ? `#${rest}` : "";
}
