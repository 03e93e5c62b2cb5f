/** Cuts of one dimension (addresses, or ports), recorded as "a new cell starts at this value". */
export class Cuts<T extends number | bigint> {
  /** Every start recorded, repeats included: pushing is cheaper than a set, and sorting finds the repeats. */
  readonly #starts: T[] = [];
  readonly min: T;
  readonly max: T;
  readonly #step: (value: T, by: -1 | 1) => T;
  constructor(min: T, max: T, step: (value: T, by: -1 | 1) => T) {
    this.min = min;
    this.max = max;
    this.#step = step;
    this.#starts.push(min);
  }
  /** A cell starts at `value` (the minimum always starts one). */
  start(value: T): void {
    this.#starts.push(value);
  }
  /** The interval [lo, hi] starts a cell at lo and another right after hi. */
  interval(lo: T, hi: T): void {
    if (lo > this.min) this.#starts.push(lo);
    if (hi < this.max) this.#starts.push(this.#step(hi, 1));
  }
  /** Where the cells start, ascending, each once. */
  starts(): ArrayLike<T> {
    // Numbers sort natively in a typed array, many times quicker than through a comparator; it is
    // filled and read by loops (Float64Array.from an array, and Array.from a typed array with a
    // mapping, take the iterator's slow path).
    if (typeof this.min === "number") {
      const all = this.#starts as number[];
      const numbers = new Float64Array(all.length);
      for (let i = 0; i < all.length; i++) numbers[i] = all[i]!;
      numbers.sort();
      let distinct = 0;
      for (let i = 0; i < numbers.length; i++)
        if (i === 0 || numbers[i] !== numbers[distinct - 1]) numbers[distinct++] = numbers[i]!;
      return numbers.slice(0, distinct) as unknown as ArrayLike<T>;
    }
    const sorted = [...this.#starts].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return sorted.filter((value, i) => i === 0 || value !== sorted[i - 1]);
  }
  cells(): [T, T][] {
    const starts = this.starts();
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
