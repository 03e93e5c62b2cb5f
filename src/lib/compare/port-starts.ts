import type { PortInterval } from "../nsg/ports.ts";

export const PORT_MAX = 65535;

/**
 * Where port cells start, one mark per port: ports are few (65,536), so marking them and reading
 * the marks in order beats a set of starts sorted afterwards when thousands of rules cut them,
 * and the cells can be counted without being made.
 */
export class PortStarts {
  readonly #marks = new Uint8Array(PORT_MAX + 1);
  constructor() {
    this.#marks[0] = 1;
  }
  /** The interval [lo, hi] starts a cell at lo and another right after hi (as `Cuts.interval`). */
  interval(lo: number, hi: number): void {
    this.#marks[lo] = 1;
    if (hi < PORT_MAX) this.#marks[hi + 1] = 1;
  }
  intervals(ranges: readonly PortInterval[]): void {
    for (let i = 0; i < ranges.length; i++) this.interval(ranges[i]![0], ranges[i]![1]);
  }
  count(): number {
    let count = 0;
    for (let port = 0; port <= PORT_MAX; port++) count += this.#marks[port]!;
    return count;
  }
  cells(): PortInterval[] {
    const cells: PortInterval[] = [];
    let start = 0;
    for (let port = 1; port <= PORT_MAX; port++) {
      if (this.#marks[port] === 0) continue;
      cells.push([start, port - 1]);
      start = port;
    }
    cells.push([start, PORT_MAX]);
    return cells;
  }
}
