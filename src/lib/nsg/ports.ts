/**
 * Port specs as Azure writes them: "*", "443", "20-21". Compiled to inclusive intervals.
 */
export type PortInterval = readonly [number, number];
export const ANY_PORT: PortInterval = [0, 65535];

export type PortParse = { ok: true; value: PortInterval } | { ok: false; message: string };

export function parsePortSpec(spec: string): PortParse {
  const text = spec.trim();
  if (text === "*") return { ok: true, value: ANY_PORT };
  const single = /^\d+$/.exec(text);
  if (single) {
    const port = Number(text);
    if (port > 65535) return { ok: false, message: `port ${text} is out of range (0-65535)` };
    return { ok: true, value: [port, port] };
  }
  const range = /^(\d+)\s*-\s*(\d+)$/.exec(text);
  if (range) {
    const lo = Number(range[1]);
    const hi = Number(range[2]);
    if (lo > 65535 || hi > 65535)
      return { ok: false, message: `port range ${text} is out of range (0-65535)` };
    if (lo > hi) return { ok: false, message: `port range ${text} starts after it ends; write ${hi}-${lo}` };
    return { ok: true, value: [lo, hi] };
  }
  return { ok: false, message: `"${spec}" is not a port, a range like 20-21, or *` };
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
