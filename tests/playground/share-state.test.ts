import { deflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { BLANK_CLI, BLANK_SCENARIO } from "../../src/lib/playground/blank-scenario.ts";
import { makeState } from "../../src/lib/playground/playground-state.ts";
import {
  decodeShareState,
  encodeShareState,
  withoutShareParam,
} from "../../src/lib/playground/share-state.ts";
import { joinMessages } from "../../src/lib/result.ts";
import { bytesToBase64Url } from "../../src/lib/text/base64url.ts";

const state = makeState(BLANK_SCENARIO, BLANK_CLI, {
  from: "vm-web",
  to: "vm-db",
  protocol: "Tcp",
  sourcePort: "",
  port: "1433",
  response: false,
});

describe("the playground in a link", () => {
  it("round-trips compressed (deflate-raw) and much shorter than the text", async () => {
    const encoded = await encodeShareState(state);
    if (!encoded.ok) throw new Error(joinMessages(encoded.errors));
    expect(encoded.value.compressed).toBe(true);
    expect(encoded.value.hash).toMatch(/^#playground=v1\.z\.[A-Za-z0-9_-]+$/);
    expect(encoded.value.hash.length).toBeLessThan((BLANK_SCENARIO.length + BLANK_CLI.length) * 0.8);
    expect(await decodeShareState(`#other=1&${encoded.value.hash.slice(1)}`)).toEqual({
      ok: true,
      value: state,
    });
  });

  it("round-trips uncompressed, unicode included", async () => {
    const unicode = makeState("# Café ✓ 网络\ntopology: {}\n", "", null);
    const encoded = await encodeShareState(unicode, { compress: false });
    if (!encoded.ok) throw new Error(joinMessages(encoded.errors));
    expect(encoded.value.hash).toMatch(/^#playground=v1\.j\./);
    expect(await decodeShareState(encoded.value.hash)).toEqual({ ok: true, value: unicode });
  });

  it("refuses a link that would be too long, saying why", async () => {
    const encoded = await encodeShareState(state, { maxLength: 100 });
    expect(encoded.ok).toBe(false);
    expect(!encoded.ok && encoded.errors[0]?.message).toMatch(
      /too big for a link \(\d[\d,]* characters even compressed; links are limited to 100/,
    );
  });

  it("is absent from other fragments, and reports damaged links", async () => {
    expect(await decodeShareState("")).toEqual({ ok: true, value: undefined });
    expect(await decodeShareState("#rules=v1.json.e30")).toEqual({ ok: true, value: undefined });
    const encoded = await encodeShareState(state);
    if (!encoded.ok) throw new Error(joinMessages(encoded.errors));
    const cut = encoded.value.hash.slice(0, Math.floor(encoded.value.hash.length / 2));
    expect(await decodeShareState(cut)).toMatchObject({
      ok: false,
      errors: [{ code: "share-link-damaged", message: expect.stringMatching(/damaged/) as unknown }],
    });
    expect(await decodeShareState("#playground=v9.z.abc")).toMatchObject({
      ok: false,
      errors: [{ code: "share-link-damaged", message: expect.stringMatching(/newer NSG Lab/) as unknown }],
    });
    expect(await decodeShareState("#playground=v1.j.e30")).toMatchObject({
      ok: false,
      errors: [
        {
          code: "unsupported-version",
          message: expect.stringMatching(/could not be used \(unknown version undefined\)/) as unknown,
        },
      ],
    });
  });

  it("refuses a compressed link that inflates past the limit", async () => {
    const bomb = deflateRawSync(
      Buffer.from(`{"version":1,"scenario":"${"a".repeat(3_000_000)}","cli":"","flow":null}`),
    );
    const hash = `#playground=v1.z.${bytesToBase64Url(new Uint8Array(bomb))}`;
    expect(hash.length).toBeLessThan(16000);
    expect(await decodeShareState(hash)).toMatchObject({ ok: false });
  });

  it("drops only its own parameter from the fragment", () => {
    expect(withoutShareParam("#playground=v1.z.abc&x=1")).toBe("#x=1");
    expect(withoutShareParam("#playground=v1.z.abc")).toBe("");
  });
});
