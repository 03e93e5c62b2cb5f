import { describe, expect, it } from "vitest";
import {
  decodeShareHash,
  encodeShareHash,
  fromBase64Url,
  MAX_SHARE_LENGTH,
  toBase64Url,
  withoutShareParam,
} from "../../src/lib/exercise-ui/share-link.ts";

describe("share links", () => {
  it("round-trips rules, including non-ASCII text, through a URL-safe fragment", () => {
    const rules = {
      format: "azcli" as const,
      text: "# Öffne FTP → 20–21 ✓\naz network nsg rule create --name 'a b' \\\n  --priority 300\n",
    };
    const encoded = encodeShareHash(rules);
    expect(encoded.ok).toBe(true);
    if (!encoded.ok) return;
    expect(encoded.value.hash).toMatch(/^#rules=v1\.azcli\.[A-Za-z0-9_-]+$/);
    expect(decodeShareHash(encoded.value.hash)).toEqual({ ok: true, value: rules });
  });

  it("base64url-encodes UTF-8 without padding", () => {
    expect(toBase64Url("ÿ?>")).toBe("w78_Pg");
    expect(fromBase64Url("w78_Pg")).toBe("ÿ?>");
  });

  it("refuses rules too long for a link, with a message", () => {
    const encoded = encodeShareHash({ format: "json", text: "x".repeat(MAX_SHARE_LENGTH) });
    expect(encoded).toEqual({
      ok: false,
      errors: [
        {
          code: "share-link-too-long",
          message: expect.stringContaining("too long for a link") as unknown,
          path: [],
        },
      ],
    });
  });

  it("ignores fragments that carry no rules", () => {
    expect(decodeShareHash("")).toEqual({ ok: true, value: undefined });
    expect(decodeShareHash("#section-2")).toEqual({ ok: true, value: undefined });
  });

  it("rejects damaged, foreign or cut links with a message", () => {
    expect(decodeShareHash("#rules=v2.json.e30")).toMatchObject({ ok: false });
    expect(decodeShareHash("#rules=v1.yaml.e30")).toEqual({
      ok: false,
      errors: [
        {
          code: "unknown-rule-format",
          message: expect.stringContaining('unknown format "yaml"') as unknown,
          path: [],
        },
      ],
    });
    expect(decodeShareHash("#rules=v1.json.%%%")).toMatchObject({ ok: false });
    expect(decodeShareHash("#rules=v1.json./w")).toMatchObject({ ok: false }); // "/" is not base64url
    expect(decodeShareHash("#rules=v1.json._w")).toMatchObject({
      ok: false,
      errors: [{ code: "share-link-damaged", message: expect.stringContaining("damaged") as unknown }],
    }); // invalid UTF-8
  });

  it("removes only the rules from a fragment", () => {
    expect(withoutShareParam("#rules=v1.json.e30")).toBe("");
    expect(withoutShareParam("#rules=v1.json.e30&tab=2")).toBe("#tab=2");
  });
});
