/**
 * A memo of bounded size with no cliff: when the current generation is full it becomes the
 * previous one and the one before is dropped; a hit in the previous generation is carried into
 * the current. What is in use stays, memory stays within two generations, and no lookup ever
 * finds the whole memo cleared (as clearing it at its limit did, mid-way through a large NSG).
 */
export class BoundedMemo<T> {
  readonly #limit: number;
  #current = new Map<string, T>();
  #previous = new Map<string, T>();
  constructor(limit: number) {
    this.#limit = limit;
  }
  get(key: string, compute: () => T): T {
    let value = this.#current.get(key);
    if (value !== undefined) return value;
    value = this.#previous.get(key) ?? compute();
    if (this.#current.size >= this.#limit) {
      this.#previous = this.#current;
      this.#current = new Map<string, T>();
    }
    this.#current.set(key, value);
    return value;
  }
}
