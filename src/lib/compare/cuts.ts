/** Cuts of one dimension (addresses, or ports), recorded as "a new cell starts at this value". */
export class Cuts<T extends number | bigint> {
  readonly #starts = new Set<T>();
  readonly min: T;
  readonly max: T;
  readonly #step: (value: T, by: -1 | 1) => T;
  constructor(min: T, max: T, step: (value: T, by: -1 | 1) => T) {
    this.min = min;
    this.max = max;
    this.#step = step;
    this.#starts.add(min);
  }
  /** A cell starts at `value` (the minimum always starts one). */
  start(value: T): void {
    this.#starts.add(value);
  }
  /** The interval [lo, hi] starts a cell at lo and another right after hi. */
  interval(lo: T, hi: T): void {
    if (lo > this.min) this.#starts.add(lo);
    if (hi < this.max) this.#starts.add(this.#step(hi, 1));
  }
  cells(): [T, T][] {
    // Numbers sort natively in a typed array, many times quicker than through a comparator.
    const starts: ArrayLike<T> =
      typeof this.min === "number"
        ? (Float64Array.from(this.#starts as Set<number>).sort() as unknown as ArrayLike<T>)
        : [...this.#starts].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return Array.from(starts, (lo, i) => {
      const next = i + 1 < starts.length ? starts[i + 1]! : undefined;
      const hi = next === undefined ? this.max : this.#step(next, -1);
      return [lo, hi];
    });
  }
}

export const stepNumber = (value: number, by: -1 | 1): number => value + by;
export const stepBigint = (value: bigint, by: -1 | 1): bigint => value + BigInt(by);
