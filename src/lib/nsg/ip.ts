import { IPv4, IPv6, IPv4CidrRange, IPv6CidrRange, Validator } from "ip-num";
import { addressSet, type AddressSet } from "./address-set.ts";

/** One concrete address, as the evaluator compares it. */
export type IpAddress = { family: 4; value: number; text: string } | { family: 6; value: bigint; text: string };

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

export function parseIp(text: string): Parsed<IpAddress> {
  const trimmed = text.trim();
  if (Validator.isValidIPv4String(trimmed)[0]) {
    return { ok: true, value: { family: 4, value: Number(IPv4.fromString(trimmed).getValue()), text: trimmed } };
  }
  if (trimmed.includes(":") && Validator.isValidIPv6String(trimmed)[0]) {
    return { ok: true, value: { family: 6, value: IPv6.fromString(trimmed).getValue(), text: trimmed } };
  }
  return { ok: false, message: `"${text}" is not a valid IPv4 or IPv6 address` };
}

export const isIpLiteral = (text: string): boolean => parseIp(text).ok;

/**
 * Parses an address prefix as Azure accepts it in a rule: a single address or a CIDR.
 * Azure rejects a CIDR whose host bits are set (10.0.0.5/24), so do we, and we say which
 * network was probably meant.
 */
export function parseCidrOrIp(text: string): Parsed<AddressSet> {
  const trimmed = text.trim();
  if (!trimmed.includes("/")) {
    const ip = parseIp(trimmed);
    if (!ip.ok) return ip;
    return { ok: true, value: singleAddress(ip.value) };
  }
  const [addr = "", bits = ""] = trimmed.split("/");
  if (!/^\d{1,3}$/.test(bits)) return { ok: false, message: `"${text}" has an invalid prefix length "/${bits}"` };
  const ip = parseIp(addr);
  if (!ip.ok) return { ok: false, message: `"${text}" is not a valid CIDR: ${ip.message}` };
  const prefix = Number(bits);
  if (ip.value.family === 4) {
    if (prefix > 32) return { ok: false, message: `"${text}": an IPv4 prefix length is 0 to 32` };
    if (!Validator.isValidIPv4CidrRange(trimmed)[0]) {
      const network = IPv4CidrRange.fromCidr(`${addr}/${prefix}`).getFirst().toString();
      return { ok: false, message: `"${text}" has host bits set; the network is ${network}/${prefix}` };
    }
    const range = IPv4CidrRange.fromCidr(trimmed);
    return {
      ok: true,
      value: addressSet([[Number(range.getFirst().getValue()), Number(range.getLast().getValue())]]),
    };
  }
  if (prefix > 128) return { ok: false, message: `"${text}": an IPv6 prefix length is 0 to 128` };
  if (!Validator.isValidIPv6CidrRange(trimmed)[0]) {
    const network = IPv6CidrRange.fromCidr(`${addr}/${prefix}`).getFirst().toString();
    return { ok: false, message: `"${text}" has host bits set; the network is ${network}/${prefix}` };
  }
  const range = IPv6CidrRange.fromCidr(trimmed);
  return { ok: true, value: addressSet([], [[range.getFirst().getValue(), range.getLast().getValue()]]) };
}

export function singleAddress(ip: IpAddress): AddressSet {
  return ip.family === 4 ? addressSet([[ip.value, ip.value]]) : addressSet([], [[ip.value, ip.value]]);
}

/** Parses a list of CIDRs that the caller knows to be valid (built-in tables). */
export function cidrSet(cidrs: readonly string[]): AddressSet {
  const v4: [number, number][] = [];
  const v6: [bigint, bigint][] = [];
  for (const cidr of cidrs) {
    const parsed = parseCidrOrIp(cidr);
    if (!parsed.ok) throw new Error(`built-in prefix ${cidr}: ${parsed.message}`);
    for (let i = 0; i < parsed.value.v4.length; i += 2) v4.push([parsed.value.v4[i]!, parsed.value.v4[i + 1]!]);
    for (let i = 0; i < parsed.value.v6.length; i += 2) v6.push([parsed.value.v6[i]!, parsed.value.v6[i + 1]!]);
  }
  return addressSet(v4, v6);
}
