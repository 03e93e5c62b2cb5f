import type { PortInterval } from "../nsg/ports.ts";
import type { AddressRange } from "./flow-space.ts";

/**
 * The example flow of a difference: any member would do, but a learner reads a familiar port
 * (3389 in "TCP 23–65535") and a documentation address more easily than the range's first value.
 */
const FAMILIAR_PORTS = [22, 3389, 80, 443, 21, 20, 23, 25, 53, 445, 1433, 3306, 5432, 8080, 587, 990];
/** RFC 5737 documentation ranges, which the course uses for outside hosts. */
const DOCUMENTATION_V4: [number, number][] = [
  [0xcb007100, 0xcb0071ff], // 203.0.113.0/24
  [0xc6336400, 0xc63364ff], // 198.51.100.0/24 (before 192.0.2.0/24: the course's "someone else")
  [0xc0000200, 0xc00002ff], // 192.0.2.0/24
];
const EPHEMERAL = 49152;

const inPorts = (port: number, ranges: readonly PortInterval[]) =>
  ranges.some(([lo, hi]) => lo <= port && port <= hi);

export function pickPort(ranges: readonly PortInterval[]): number {
  return FAMILIAR_PORTS.find((p) => inPorts(p, ranges)) ?? ranges[0]?.[0] ?? 0;
}

export function pickSourcePort(ranges: readonly PortInterval[]): number {
  return inPorts(EPHEMERAL, ranges) ? EPHEMERAL : (ranges[0]?.[0] ?? EPHEMERAL);
}

export function pickAddress(ranges: readonly AddressRange[]): number | bigint {
  for (const [lo, hi] of DOCUMENTATION_V4) {
    for (const range of ranges) {
      if (range.family !== 4) continue;
      const start = Math.max(lo + 7, Number(range.lo));
      if (start <= Math.min(hi, Number(range.hi))) return start;
    }
  }
  const first = ranges[0]!;
  // 0.0.0.0 and :: are legal but odd to read; step past them when the range allows.
  if (first.lo === 0 && Number(first.hi) > 0) return 1;
  if (first.lo === 0n && BigInt(first.hi) > 0n) return 1n;
  return first.lo;
}
