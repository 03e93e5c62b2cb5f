/**
 * Address parsing. Checked against the ip-num library (a reference implementation of the RFC 4291
 * text forms) on generated input, plus the cases that matter for rules: no leading-zero octets, no
 * zone ids, CIDRs with IPv4 tails, host bits.
 */
import fc from "fast-check";
import { IPv4, IPv6, Validator } from "ip-num";
import { describe, expect, it } from "vitest";
import { formatV4, isValidPrefix } from "../../../src/lib/nsg/ip.ts";
import { parseCidrOrIp, parseIp } from "../../../src/lib/nsg/index.ts";

function reference(text: string): { family: 4 | 6; value: string } | undefined {
  if (Validator.isValidIPv4String(text)[0])
    return { family: 4, value: String(IPv4.fromString(text).getValue()) };
  if (text.includes(":") && !text.includes("%") && Validator.isValidIPv6String(text)[0])
    return { family: 6, value: String(IPv6.fromString(text).getValue()) };
  return undefined;
}
const ours = (text: string) => {
  const parsed = parseIp(text);
  return parsed.ok ? { family: parsed.value.family, value: String(parsed.value.value) } : undefined;
};

const hexGroup = fc.stringMatching(/^[0-9a-fA-F]{1,4}$/);
const octet = fc.integer({ min: 0, max: 255 }).map(String);
const v4Text = fc.tuple(octet, octet, octet, octet).map((o) => o.join("."));
const v6Text = fc
  .tuple(fc.array(hexGroup, { minLength: 8, maxLength: 8 }), fc.nat(8), fc.nat(8), fc.boolean(), v4Text)
  .map(([groups, a, b, tail, v4]) => {
    const g = tail ? [...groups.slice(0, 6), v4] : groups;
    const [start, end] = [Math.min(a, b) % g.length, Math.max(a, b) % (g.length + 1)];
    return end - start >= 2 ? `${g.slice(0, start).join(":")}::${g.slice(end).join(":")}` : g.join(":");
  });
const noise = fc.string({ unit: fc.constantFrom(..."0123456789abcdefABCDEF:.x "), maxLength: 24 });
/** Text close to a dotted quad (what the character-code reader takes or hands to ip-num). */
const nearV4 = fc.oneof(
  fc.string({ unit: fc.constantFrom(..."0123456789."), maxLength: 19 }),
  fc
    .tuple(fc.array(fc.stringMatching(/^[0-9]{0,4}$/), { minLength: 3, maxLength: 5 }))
    .map(([octets]) => octets.join(".")),
);

describe("IP address parsing", () => {
  it("agrees with the reference on well-formed and malformed text", () => {
    fc.assert(
      fc.property(fc.oneof(v4Text, v6Text, noise, nearV4), (text) => {
        expect(ours(text.trim())).toEqual(reference(text.trim()));
      }),
      { numRuns: 4000 },
    );
  });

  it("writes IPv4 addresses as the reference does", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (value) => {
        expect(formatV4(value)).toBe(IPv4.fromNumber(BigInt(value)).toString());
        expect(formatV4(BigInt(value))).toBe(IPv4.fromNumber(BigInt(value)).toString());
      }),
      { numRuns: 2000 },
    );
    expect(formatV4(0xffffffff)).toBe("255.255.255.255");
  });

  it("refuses octets with leading zeros, and zone ids", () => {
    expect(parseIp("010.0.0.1").ok).toBe(false);
    expect(parseIp("fe80::1%eth0").ok).toBe(false);
  });

  it("reads IPv6 with an IPv4 tail", () => {
    const parsed = parseIp("::ffff:10.0.0.1");
    expect(parsed.ok && parsed.value.value).toBe(0xffff0a000001n);
  });
});

describe("CIDR parsing", () => {
  it("never throws, whatever the text", () => {
    fc.assert(
      fc.property(fc.oneof(v4Text, v6Text, noise), fc.integer({ min: 0, max: 130 }), (address, bits) => {
        const result = parseCidrOrIp(`${address}/${bits}`);
        expect(typeof result.ok).toBe("boolean");
      }),
      { numRuns: 2000 },
    );
  });

  it("reads IPv4 prefixes as the reference does, and validates them alike, near-misses and host bits included", () => {
    const bits = fc.oneof(
      fc.integer({ min: 0, max: 40 }).map(String),
      fc.string({ unit: fc.constantFrom(..."0123456789/ "), maxLength: 4 }),
    );
    const prefix = fc.oneof(
      fc.tuple(fc.oneof(v4Text, nearV4), bits).map(([a, b]) => `${a}/${b}`),
      fc.tuple(v4Text, fc.integer({ min: 0, max: 32 })).map(([a, b]) => `${a}/${b}`),
      v4Text,
    );
    const expected = (text: string) => {
      const [address, length, ...rest] = text.trim().split("/");
      const ip = reference(address!);
      if (rest.length > 0 || ip?.family !== 4) return "invalid";
      if (length === undefined) return [Number(ip.value), Number(ip.value)];
      if (!/^\d{1,3}$/.test(length) || Number(length) > 32) return "invalid";
      const size = 2 ** (32 - Number(length));
      return Number(ip.value) % size === 0 ? [Number(ip.value), Number(ip.value) + size - 1] : "host bits";
    };
    fc.assert(
      fc.property(prefix, (text) => {
        const parsed = parseCidrOrIp(text);
        const seen = parsed.ok
          ? parsed.value.v6.length === 0 && Array.from(parsed.value.v4)
          : parsed.errors[0]!.code === "cidr-host-bits-set"
            ? "host bits"
            : "invalid";
        expect(seen).toEqual(expected(text));
        expect(isValidPrefix(text)).toBe(parsed.ok);
      }),
      { numRuns: 4000 },
    );
  });

  it("accepts IPv6 networks written with an IPv4 tail", () => {
    const parsed = parseCidrOrIp("::ffff:10.0.0.0/104");
    expect(parsed.ok && parsed.value.v6).toEqual([0xffff0a000000n, 0xffff0affffffn]);
  });

  it("names the network meant when host bits are set, in RFC 5952 form", () => {
    expect(parseCidrOrIp("fd00:0:0:1::5/48")).toEqual({
      ok: false,
      errors: [
        {
          code: "cidr-host-bits-set",
          message: '"fd00:0:0:1::5/48" has host bits set; the network is fd00::/48',
          path: [],
        },
      ],
    });
    expect(parseCidrOrIp("192.168.1.77/26")).toEqual({
      ok: false,
      errors: [
        {
          code: "cidr-host-bits-set",
          message: '"192.168.1.77/26" has host bits set; the network is 192.168.1.64/26',
          path: [],
        },
      ],
    });
  });

  it("covers /0 to /32 and /0 to /128 exactly", () => {
    const all4 = parseCidrOrIp("0.0.0.0/0");
    expect(all4.ok && Array.from(all4.value.v4)).toEqual([0, 0xffffffff]);
    const one = parseCidrOrIp("10.1.2.3/32");
    expect(one.ok && Array.from(one.value.v4)).toEqual([0x0a010203, 0x0a010203]);
    const all6 = parseCidrOrIp("::/0");
    expect(all6.ok && all6.value.v6).toEqual([0n, (1n << 128n) - 1n]);
  });
});
