import { IPv4, IPv6, Validator } from "ip-num";
import { fail, issue, ok, type Result } from "../result.ts";
import { addressSet, type AddressSet } from "./address-set.ts";
import { BoundedMemo } from "./bounded-memo.ts";

/** One concrete address, as the evaluator compares it. */
export type IpAddress =
  { family: 4; value: number; text: string } | { family: 6; value: bigint; text: string };

/**
 * Address text is parsed with ip-num, and each distinct text only once: rule sets and flow
 * batches repeat the same addresses and prefixes, and validation, compilation and evaluation
 * all ask for them. Zone ids (fe80::1%eth0) name a host interface, not an address a security
 * rule can hold, so they are refused.
 */
const MEMO_LIMIT = 50_000;
const ipMemo = new BoundedMemo<Result<IpAddress>>(MEMO_LIMIT);
const prefixMemo = new BoundedMemo<Result<AddressSet>>(MEMO_LIMIT);

const DOT = 46;
const ZERO = 48;
const NINE = 57;

/**
 * An IPv4 address in the one form rules write it, four decimal octets without leading zeros,
 * read from its character codes; anything else is undefined and left to ip-num, which is far
 * slower (a validating regular expression and a bigint per address) and decides every other text.
 */
function dottedQuad(text: string, end = text.length): number | undefined {
  let value = 0;
  let octet = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === DOT) {
      if (digits === 0 || ++dots > 3) return undefined;
      value = value * 256 + octet;
      octet = 0;
      digits = 0;
    } else if (code >= ZERO && code <= NINE) {
      if (digits > 0 && octet === 0) return undefined; // a leading zero
      octet = octet * 10 + code - ZERO;
      if (++digits > 3 || octet > 255) return undefined;
    } else return undefined;
  }
  return dots === 3 && digits > 0 ? value * 256 + octet : undefined;
}

function parseIpText(trimmed: string): IpAddress | undefined {
  if (Validator.isValidIPv4String(trimmed)[0])
    return { family: 4, value: Number(IPv4.fromString(trimmed).getValue()), text: trimmed };
  if (!trimmed.includes(":") || trimmed.includes("%") || !Validator.isValidIPv6String(trimmed)[0])
    return undefined;
  try {
    return { family: 6, value: IPv6.fromString(trimmed).getValue(), text: trimmed };
  } catch {
    return undefined; // a form the validator let through but the parser can't read
  }
}

export function parseIp(text: string): Result<IpAddress> {
  const trimmed = text.trim();
  // Quicker than a memo lookup, and flows from many addresses would otherwise fill the memo.
  const quad = dottedQuad(trimmed);
  if (quad !== undefined) return ok({ family: 4, value: quad, text: trimmed });
  return ipMemo.get(trimmed, () => {
    const value = parseIpText(trimmed);
    return value ? ok(value) : fail([issue("invalid-ip", `"${text}" is not a valid IPv4 or IPv6 address`)]);
  });
}

/** Dotted decimal, as ip-num writes it (and far quicker: the comparison writes one per address group). */
export function formatV4(value: number | bigint): string {
  const v = Number(value);
  return `${Math.floor(v / 0x1000000)}.${(v >>> 16) & 255}.${(v >>> 8) & 255}.${v & 255}`;
}

/** RFC 5952 text: lower case, no leading zeros, the longest run (2+) of zero groups as "::". */
export function formatV6(value: bigint): string {
  const groups = IPv6.fromBigInt(value)
    .toString()
    .toLowerCase()
    .split(":")
    .map((g) => g.replace(/^0+(?=.)/, ""));
  let best = -1;
  let bestLength = 1;
  for (let i = 0; i < groups.length;) {
    let j = i;
    while (j < groups.length && groups[j] === "0") j++;
    if (j - i > bestLength) [best, bestLength] = [i, j - i];
    i = j === i ? i + 1 : j;
  }
  if (best < 0) return groups.join(":");
  return `${groups.slice(0, best).join(":")}::${groups.slice(best + bestLength).join(":")}`;
}

/**
 * Parses an address prefix as Azure accepts it in a rule: a single address or a CIDR.
 * Azure rejects a CIDR whose host bits are set (10.0.0.5/24), so do we, and we say which
 * network was probably meant.
 */
export function parseCidrOrIp(text: string): Result<AddressSet> {
  const trimmed = text.trim();
  return prefixMemo.get(trimmed, () => parsePrefix(text, trimmed));
}

/**
 * Whether `parseCidrOrIp` would accept the text, answered without building its set for the
 * IPv4 forms rules nearly always hold: validating a large NSG reads every prefix once more than
 * compiling it does, and a memo lookup or a new set per prefix costs more than reading the text.
 */
export const isValidPrefix = (text: string): boolean => isPlainV4Prefix(text) || parseCidrOrIp(text).ok;

/** A valid IPv4 address or CIDR as rules nearly always write one (`plainV4Range`). */
export const isPlainV4Prefix = (text: string): boolean => plainV4Length(text.trim()) >= 0;

/**
 * An IPv4 address or CIDR in the form rules write it (`dottedQuad`, then "/" and a length of
 * 0–32 without a leading zero, host bits clear) as its first and last address; anything else,
 * errors included, is undefined and left to `parsePrefix`.
 */
export function plainV4Range(text: string): readonly [number, number] | undefined {
  const bits = plainV4Length(text);
  if (bits < 0) return undefined;
  const slash = text.indexOf("/");
  const address = dottedQuad(text, slash < 0 ? text.length : slash)!;
  return [address, address + 2 ** (32 - bits) - 1];
}

/** `plainV4Range`'s prefix length (32 for an address), or -1; nothing allocated for validation. */
function plainV4Length(text: string): number {
  const slash = text.indexOf("/");
  const address = dottedQuad(text, slash < 0 ? text.length : slash);
  if (address === undefined) return -1;
  let bits = 32;
  if (slash >= 0) {
    const digits = text.length - slash - 1;
    const tens = text.charCodeAt(slash + 1) - ZERO;
    const units = text.charCodeAt(slash + 2) - ZERO;
    if (digits === 1 && tens >= 0 && tens <= 9) bits = tens;
    else if (digits === 2 && tens >= 1 && tens <= 3 && units >= 0 && units <= 9) bits = tens * 10 + units;
    else return -1;
    if (bits > 32) return -1;
  }
  return address % 2 ** (32 - bits) === 0 ? bits : -1;
}

function parsePrefix(text: string, trimmed: string): Result<AddressSet> {
  if (!trimmed.includes("/")) {
    const ip = parseIp(trimmed);
    if (!ip.ok) return ip;
    return ok(singleAddress(ip.value));
  }
  const slash = trimmed.indexOf("/");
  const addr = trimmed.slice(0, slash);
  const bits = trimmed.slice(slash + 1);
  const invalid = (message: string) => fail([issue("invalid-cidr", message)]);
  if (!/^\d{1,3}$/.test(bits)) return invalid(`"${text}" has an invalid prefix length "/${bits}"`);
  const ip = parseIp(addr);
  if (!ip.ok) return invalid(`"${text}" is not a valid CIDR: ${ip.errors[0]!.message}`);
  const prefix = Number(bits);
  if (ip.value.family === 4) {
    if (prefix > 32) return invalid(`"${text}": an IPv4 prefix length is 0 to 32`);
    const size = 2 ** (32 - prefix);
    const first = ip.value.value - (ip.value.value % size);
    if (first !== ip.value.value) return hostBitsSet(text, `${formatV4(first)}/${prefix}`);
    return ok(addressSet([[first, first + size - 1]]));
  }
  if (prefix > 128) return invalid(`"${text}": an IPv6 prefix length is 0 to 128`);
  const hostMask = (1n << BigInt(128 - prefix)) - 1n;
  const first = ip.value.value & ~hostMask;
  if (first !== ip.value.value) return hostBitsSet(text, `${formatV6(first)}/${prefix}`);
  return ok(addressSet([], [[first, first | hostMask]]));
}

const hostBitsSet = (text: string, network: string) =>
  fail([issue("cidr-host-bits-set", `"${text}" has host bits set; the network is ${network}`)]);

export function singleAddress(ip: IpAddress): AddressSet {
  return ip.family === 4 ? addressSet([[ip.value, ip.value]]) : addressSet([], [[ip.value, ip.value]]);
}

/** Parses a list of CIDRs that the caller knows to be valid (built-in tables). */
export function cidrSet(cidrs: readonly string[]): AddressSet {
  const v4: [number, number][] = [];
  const v6: [bigint, bigint][] = [];
  for (const cidr of cidrs) {
    const parsed = parseCidrOrIp(cidr);
    if (!parsed.ok) throw new Error(`built-in prefix ${cidr}: ${parsed.errors[0]!.message}`);
    for (let i = 0; i < parsed.value.v4.length; i += 2)
      v4.push([parsed.value.v4[i]!, parsed.value.v4[i + 1]!]);
    for (let i = 0; i < parsed.value.v6.length; i += 2)
      v6.push([parsed.value.v6[i]!, parsed.value.v6[i + 1]!]);
  }
  return addressSet(v4, v6);
}
