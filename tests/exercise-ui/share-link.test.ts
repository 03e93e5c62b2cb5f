import { describe, expect, it } from "vitest";
import {
  decodeShareHash,
  encodeShareHash,
  fromBase64Url,
  linkTarget,
  MAX_SHARE_LENGTH,
  toBase64Url,
  withoutShareParam,
} from "../../src/lib/exercise-ui/share-link.ts";

describe("share links", () => {
  it("round-trips rules, including non-ASCII text, through a URL-safe fragment", () => {
    const rules = {
      format: "azcli" as const,
      text: "# Öffne FTP → 20–21 ✓\naz network nsg rule create --name 'a b' \\\n  --priority 300\n",
      exercise: "ftp-active",
    };
    const encoded = encodeShareHash(rules);
    expect(encoded.ok).toBe(true);
    if (!encoded.ok) return;
    expect(encoded.value.hash).toMatch(/^#rules=v2\.ftp-active\.azcli\.[0-9a-f]{8}\.[A-Za-z0-9_-]+$/);
    expect(decodeShareHash(encoded.value.hash)).toEqual({ ok: true, value: rules });
    // Version 1 links (no exercise, no checksum) are still read.
    expect(decodeShareHash("#rules=v1.json.e30")).toEqual({
      ok: true,
      value: { format: "json", text: "{}" },
    });
  });

  it("carries PowerShell in the same version 2 link, so links made before it still open", () => {
    const rules = {
      format: "powershell" as const,
      text: "Get-AzNetworkSecurityGroup -Name 'nsg' -ResourceGroupName 'rg' |\n  Set-AzNetworkSecurityGroup\n",
      exercise: "ftp-active",
    };
    const encoded = encodeShareHash(rules);
    expect(encoded.ok && encoded.value.hash).toMatch(/^#rules=v2\.ftp-active\.powershell\.[0-9a-f]{8}\./);
    if (encoded.ok) expect(decodeShareHash(encoded.value.hash)).toEqual({ ok: true, value: rules });
    // A JSON or az CLI link from before PowerShell existed reads exactly as it did.
    const older = encodeShareHash({ format: "azcli", text: "az network nsg list", exercise: "ftp-active" });
    expect(older.ok && decodeShareHash(older.value.hash)).toEqual({
      ok: true,
      value: { format: "azcli", text: "az network nsg list", exercise: "ftp-active" },
    });
  });

  it("base64url-encodes UTF-8 without padding", () => {
    expect(toBase64Url("ÿ?>")).toBe("w78_Pg");
    expect(fromBase64Url("w78_Pg")).toBe("ÿ?>");
  });

  it("refuses rules too long for a link, with a message", () => {
    const encoded = encodeShareHash({ format: "json", text: "x".repeat(MAX_SHARE_LENGTH), exercise: "a" });
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
    expect(decodeShareHash("#rules=v3.json.e30")).toMatchObject({ ok: false });
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

  it("refuses a link cut anywhere, or with a changed character, instead of loading part of it", () => {
    const encoded = encodeShareHash({
      format: "azcli",
      text: "az network nsg rule create -g rg --nsg-name nsg --name allow-ftp --priority 300 --destination-port-ranges 21",
      exercise: "ftp-active",
    });
    if (!encoded.ok) throw new Error("no link");
    const hash = encoded.value.hash;
    for (let cut = "#rules=v2.".length; cut < hash.length; cut++) {
      const read = decodeShareHash(hash.slice(0, cut));
      expect(read.ok, `cut at ${cut}`).toBe(false);
    }
    const last = hash.at(-1) === "A" ? "B" : "A";
    expect(decodeShareHash(hash.slice(0, -1) + last)).toMatchObject({
      ok: false,
      errors: [{ code: "share-link-damaged" }],
    });
  });

  it("sends a link to the exercise it names, or to a page's only exercise for an old link", () => {
    const named = { format: "json" as const, text: "[]", exercise: "ftp-active" };
    expect(linkTarget(named, ["app-tier-asg", "ftp-active"])).toEqual({ ok: true, value: "ftp-active" });
    expect(linkTarget(named, ["app-tier-asg"])).toMatchObject({
      ok: false,
      errors: [{ code: "share-link-elsewhere" }],
    });
    const old = { format: "json" as const, text: "[]" };
    expect(linkTarget(old, ["app-tier-asg"])).toEqual({ ok: true, value: "app-tier-asg" });
    expect(linkTarget(old, ["app-tier-asg", "ftp-active"])).toMatchObject({ ok: false });
  });

  it("removes only the rules from a fragment", () => {
    expect(withoutShareParam("#rules=v1.json.e30")).toBe("");
    expect(withoutShareParam("#rules=v1.json.e30&tab=2")).toBe("#tab=2");
  });
});
