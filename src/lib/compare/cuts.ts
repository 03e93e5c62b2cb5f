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
    // Numbers sort natively in a typed array, many times quicker than through a comparator; it is
    // filled and read by loops (Float64Array.from a set, and Array.from a typed array with a
    // mapping, take the iterator's slow path).
    let starts: ArrayLike<T>;
    if (typeof this.min === "number") {
      const numbers = new Float64Array(this.#starts.size);
      let i = 0;
      for (const start of this.#starts as Set<number>) numbers[i++] = start;
      starts = numbers.sort() as unknown as ArrayLike<T>;
    } else starts = [...this.#starts].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const cells: [T, T][] = [];
    for (let i = 0; i < starts.length; i++) {
      const hi = i + 1 < starts.length ? this.#step(starts[i + 1]!, -1) : this.max;
      cells.push([starts[i]!, hi]);
    }
    return cells;
  }
}

export const stepNumber = (value: number, by: -1 | 1): number => value + by;
export const stepBigint = (value: bigint, by: -1 | 1): bigint => value + BigInt(by);
