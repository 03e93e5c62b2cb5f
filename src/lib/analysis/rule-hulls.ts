import { IPV6_MAX } from "../nsg/address-set.ts";
import type { CompiledRule } from "../nsg/compile.ts";
import type { PortInterval } from "../nsg/ports.ts";

/**
 * Each rule of one list as the smallest box holding it: its protocol, and for each of its port
 * lists and address families the lowest and highest value, in typed arrays. If rule A covers
 * rule B, A's box holds B's box, so comparing a few numbers rejects most pairs of rules that
 * `covers` would otherwise walk interval by interval (through objects and bigints). A box that
 * holds another only says "maybe", unless the rule is exactly its box (EXACT_BOX).
 */
export interface RuleHulls {
  /** Rules 0 .. count - 1 are loaded; the arrays may be longer. */
  count: number;
  /** PROTOCOL_CODE of the rule's protocol. */
  protocol: Uint8Array;
  /** DEFAULT_RULE, OUTBOUND, EXACT_BOX. */
  flags: Uint8Array;
  /**
   * Per rule, HULL_WIDTH numbers: the lowest then the highest value of its destination ports,
   * source ports, source IPv4, source IPv6, destination IPv4 and destination IPv6. An empty
   * dimension is [+∞, −∞], which every box holds and which holds only another empty one, as the
   * empty set is in every set and only it is in the empty set. A rule whose protocol carries no
   * ports (ICMP, ESP, AH) has none here: Azure ignores them for it, and it can only cover rules
   * of its own protocol, which have none either.
   */
  bounds: Float64Array;
}

export const HULL_WIDTH = 12;
/** A default rule never covers another (the lint asks about custom rules shadowing each other). */
export const DEFAULT_RULE = 1;
export const OUTBOUND = 2;
/**
 * The rule is its box: each port list and IPv4 set one unbroken range (or none), each IPv6 set
 * none or all of IPv6 (where rounding to numbers cannot matter). Then a box that holds another
 * rule's box holds that rule.
 */
export const EXACT_BOX = 4;

const ANY_PROTOCOL = 0;
const PROTOCOL_CODE: Readonly<Record<string, number>> = {
  "*": ANY_PROTOCOL,
  Tcp: 1,
  Udp: 2,
  Icmp: 3,
  Esp: 4,
  Ah: 5,
};

/**
 * One table, grown as needed and reused: the lint loads one rule list at a time and is done with
 * it before the next (a grade of 7,994 rules made 770 KB of fresh typed arrays otherwise).
 */
const shared: RuleHulls = {
  count: 0,
  protocol: new Uint8Array(0),
  flags: new Uint8Array(0),
  bounds: new Float64Array(0),
};

/** The boxes of `rules`, valid until the next call. */
export function loadHulls(rules: readonly CompiledRule[]): RuleHulls {
  const n = rules.length;
  if (shared.protocol.length < n) {
    const size = Math.max(n, 2 * shared.protocol.length);
    shared.protocol = new Uint8Array(size);
    shared.flags = new Uint8Array(size);
    shared.bounds = new Float64Array(size * HULL_WIDTH);
  }
  shared.count = n;
  const { protocol, flags, bounds } = shared;
  for (let i = 0; i < n; i++) {
    const compiled = rules[i]!;
    const { rule } = compiled;
    const code = PROTOCOL_CODE[rule.protocol]!;
    protocol[i] = code;
    const at = i * HULL_WIDTH;
    const carriesPorts = code <= 2; // *, TCP, UDP: as carriesPortsAt
    let exact = portHull(bounds, at, carriesPorts ? compiled.destinationPorts : NO_PORTS);
    exact = portHull(bounds, at + 2, carriesPorts ? compiled.sourcePorts : NO_PORTS) && exact;
    exact = v4Hull(bounds, at + 4, compiled.sourceAddresses.v4) && exact;
    exact = v6Hull(bounds, at + 6, compiled.sourceAddresses.v6) && exact;
    exact = v4Hull(bounds, at + 8, compiled.destinationAddresses.v4) && exact;
    exact = v6Hull(bounds, at + 10, compiled.destinationAddresses.v6) && exact;
    flags[i] =
      (compiled.isDefault ? DEFAULT_RULE : 0) |
      (rule.direction === "Outbound" ? OUTBOUND : 0) |
      (exact ? EXACT_BOX : 0);
  }
  return shared;
}

const NO_PORTS: readonly PortInterval[] = [];

/** Writes the ports' bounds; true when the ports make one unbroken range (adjacent ones join). */
function portHull(bounds: Float64Array, at: number, ports: readonly PortInterval[]): boolean {
  let lo = Infinity;
  let hi = -Infinity;
  let covered = 0;
  for (let i = 0; i < ports.length; i++) {
    const range = ports[i]!;
    if (range[0] < lo) lo = range[0];
    if (range[1] > hi) hi = range[1];
    covered += range[1] - range[0] + 1;
  }
  bounds[at] = lo;
  bounds[at + 1] = hi;
  // Ranges that overlap can fill their span with gaps left: count the gaps only then.
  return ports.length <= 1 || (covered >= hi - lo + 1 && unbroken(ports, lo, hi));
}

/** True when `ports` leave no port of lo..hi out: from lo, jump to the furthest end reached. */
function unbroken(ports: readonly PortInterval[], lo: number, hi: number): boolean {
  for (let from = lo; ;) {
    let reach = -1;
    for (const [start, end] of ports) if (start <= from && end >= from && end > reach) reach = end;
    if (reach < 0) return false;
    if (reach >= hi) return true;
    from = reach + 1;
  }
}

/** An address set's family is sorted and disjoint, so its first and last entries bound it. */
function v4Hull(bounds: Float64Array, at: number, flat: Float64Array): boolean {
  const empty = flat.length === 0;
  bounds[at] = empty ? Infinity : flat[0]!;
  bounds[at + 1] = empty ? -Infinity : flat[flat.length - 1]!;
  return flat.length <= 2;
}

/**
 * IPv6 bounds are bigints turned into numbers: that rounds, but never out of order (a ≤ b gives
 * Number(a) ≤ Number(b)), so a box that holds another still holds it after rounding.
 */
function v6Hull(bounds: Float64Array, at: number, flat: readonly bigint[]): boolean {
  if (flat.length === 0) {
    bounds[at] = Infinity;
    bounds[at + 1] = -Infinity;
    return true;
  }
  const lo = flat[0]!;
  const hi = flat[flat.length - 1]!;
  bounds[at] = Number(lo);
  bounds[at + 1] = Number(hi);
  return flat.length === 2 && lo === 0n && hi === IPV6_MAX;
}

/**
 * The first rule in from .. to - 1 whose box may cover rule `later`'s: a custom rule of the same
 * direction, with the same protocol or `*`, and a box that holds `later`'s; -1 when there is
 * none. One loop with `later`'s box in locals: it runs for every pair of rules that nothing
 * cheaper rules out.
 */
export function nextMayCover(table: RuleHulls, later: number, from: number, to: number): number {
  const { protocol, flags, bounds } = table;
  // A default rule's DEFAULT_RULE bit makes it differ from every rule's direction.
  const kind = flags[later]! & OUTBOUND;
  const laterProtocol = protocol[later]!;
  const l = later * HULL_WIDTH;
  const dLo = bounds[l]!;
  const dHi = bounds[l + 1]!;
  const sLo = bounds[l + 2]!;
  const sHi = bounds[l + 3]!;
  const src4Lo = bounds[l + 4]!;
  const src4Hi = bounds[l + 5]!;
  const src6Lo = bounds[l + 6]!;
  const src6Hi = bounds[l + 7]!;
  const dst4Lo = bounds[l + 8]!;
  const dst4Hi = bounds[l + 9]!;
  const dst6Lo = bounds[l + 10]!;
  const dst6Hi = bounds[l + 11]!;
  for (let r = from, e = from * HULL_WIDTH; r < to; r++, e += HULL_WIDTH) {
    if ((flags[r]! & (DEFAULT_RULE | OUTBOUND)) !== kind) continue;
    if (protocol[r] !== ANY_PROTOCOL && protocol[r] !== laterProtocol) continue;
    // Destination ports first: the dimension in which rules most often differ.
    if (bounds[e]! > dLo || bounds[e + 1]! < dHi || bounds[e + 2]! > sLo || bounds[e + 3]! < sHi) continue;
    if (
      bounds[e + 4]! > src4Lo ||
      bounds[e + 5]! < src4Hi ||
      bounds[e + 8]! > dst4Lo ||
      bounds[e + 9]! < dst4Hi
    )
      continue;
    if (
      bounds[e + 6]! > src6Lo ||
      bounds[e + 7]! < src6Hi ||
      bounds[e + 10]! > dst6Lo ||
      bounds[e + 11]! < dst6Hi
    )
      continue;
    return r;
  }
  return -1;
}

/** True when the rule's protocol carries ports (`*`, TCP, UDP): only then do its ports count. */
export const carriesPortsAt = (table: RuleHulls, rule: number): boolean => table.protocol[rule]! <= 2;

/** The lowest destination port of a rule whose protocol carries ports, else -1. */
export function lowestPort(table: RuleHulls, rule: number): number {
  const port = table.bounds[rule * HULL_WIDTH]!;
  return port === Infinity ? -1 : port;
}

/** `nextMayCover` for one rule: may rule `earlier`'s box cover rule `later`'s? */
export const mayCover = (table: RuleHulls, earlier: number, later: number): boolean =>
  nextMayCover(table, later, earlier, earlier + 1) === earlier;

/** A rule found by `nextMayCover` that is EXACT_BOX covers `later`; any other, `covers` decides. */
export const boxIsExact = (table: RuleHulls, rule: number): boolean => (table.flags[rule]! & EXACT_BOX) !== 0;
