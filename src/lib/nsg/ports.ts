import { fail, issue, ok, type Result } from "../result.ts";

/**
 * Port specs as Azure writes them: "*", "443", "20-21". Compiled to inclusive intervals.
 */
export type PortInterval = readonly [number, number];
export const ANY_PORT: PortInterval = [0, 65535];

const invalid = (message: string) => fail([issue("invalid-port", message)]);

export function parsePortSpec(spec: string): Result<PortInterval> {
  const text = spec.trim();
  if (text === "*") return ok(ANY_PORT);
  const plain = plainPorts(text);
  if (plain >= 0) return ok([Math.floor(plain / PORTS), plain % PORTS]);
  const single = /^\d+$/.exec(text);
  if (single) {
    const port = Number(text);
    if (port > 65535) return invalid(`port ${text} is out of range (0-65535)`);
    return ok([port, port]);
  }
  const range = /^(\d+)\s*-\s*(\d+)$/.exec(text);
  if (range) {
    const lo = Number(range[1]);
    const hi = Number(range[2]);
    if (lo > 65535 || hi > 65535) return invalid(`port range ${text} is out of range (0-65535)`);
    if (lo > hi) return invalid(`port range ${text} starts after it ends; write ${hi}-${lo}`);
    return ok([lo, hi]);
  }
  return invalid(`"${spec}" is not a port, a range like 20-21, or *`);
}

const ZERO = 48;
const NINE = 57;
const DASH = 45;

/**
 * Whether `parsePortSpec` accepts the spec, answered without building its interval for the
 * plain forms: validation reads every port of a large NSG once more than compiling does.
 */
export function isValidPortSpec(spec: string): boolean {
  const text = spec.trim();
  return text === "*" || plainPorts(text) >= 0 || parsePortSpec(spec).ok;
}

/** How many ports there are: an interval lo-hi is packed into one number as lo × PORTS + hi. */
const PORTS = 65536;

/**
 * "443" or "20-21" as nearly every rule writes it, in range and in order, read from its character
 * codes (the regular expressions below cost more than the rest of compiling a port), packed as
 * lo × PORTS + hi so that nothing is allocated; anything else, errors included, is -1 and left
 * to them.
 */
function plainPorts(text: string): number {
  let lo = -1;
  let value = 0;
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= ZERO && code <= NINE) {
      value = value * 10 + code - ZERO;
      if (++digits > 5) return -1;
    } else if (code === DASH && lo < 0 && digits > 0) {
      lo = value;
      value = 0;
      digits = 0;
    } else return -1;
  }
  if (digits === 0 || value > 65535) return -1;
  if (lo < 0) return value * PORTS + value;
  return lo <= value ? lo * PORTS + value : -1;
}

export function portInList(port: number, intervals: readonly PortInterval[]): boolean {
  // Indexed loop: this runs for every rule a packet is tried against.
  for (let i = 0; i < intervals.length; i++) {
    const interval = intervals[i]!;
    if (port >= interval[0] && port <= interval[1]) return true;
  }
  return false;
}

export function formatPorts(intervals: readonly PortInterval[]): string {
  return intervals
    .map(([lo, hi]) => (lo === 0 && hi === 65535 ? "*" : lo === hi ? `${lo}` : `${lo}-${hi}`))
    .join(", ");
}
