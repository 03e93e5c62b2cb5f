import { NO_V6, union, type AddressSet } from "./address-set.ts";

/**
 * One address set built from many parts, as compiling a rule side with a list of prefixes builds
 * it: IPv4 ranges are added as numbers, so no set is made per prefix, and the buffers are reused
 * from one side to the next (a 7,994-rule NSG has 16,000 sides). `build` gives what `union` of
 * the parts gives: sorted, disjoint, adjacent ranges joined.
 */
export class AddressSetBuilder {
  #los = new Float64Array(64);
  #his = new Float64Array(64);
  #count = 0;
  /** Parts with IPv6 ranges: rare, merged by `union`. */
  #withV6: AddressSet[] = [];

  addV4(lo: number, hi: number): void {
    if (this.#count === this.#los.length) {
      const los = new Float64Array(this.#count * 2);
      const his = new Float64Array(this.#count * 2);
      los.set(this.#los);
      his.set(this.#his);
      this.#los = los;
      this.#his = his;
    }
    this.#los[this.#count] = lo;
    this.#his[this.#count++] = hi;
  }

  add(set: AddressSet): void {
    for (let i = 0; i < set.v4.length; i += 2) this.addV4(set.v4[i]!, set.v4[i + 1]!);
    if (set.v6.length > 0) this.#withV6.push(set);
  }

  /** The set of everything added since the last build; the builder starts empty again. */
  build(): AddressSet {
    const count = this.#count;
    const los = this.#los;
    const his = this.#his;
    sortByStart(los, his, count);
    let merged = 0;
    const out = new Float64Array(2 * count);
    for (let i = 0; i < count; i++) {
      // Overlapping and adjacent ranges (last end + 1 === start) join.
      if (merged > 0 && los[i]! <= out[merged - 1]! + 1)
        out[merged - 1] = Math.max(out[merged - 1]!, his[i]!);
      else {
        out[merged++] = los[i]!;
        out[merged++] = his[i]!;
      }
    }
    const v4 = merged === out.length ? out : out.slice(0, merged);
    const v6 = this.#withV6.length > 0 ? union(...this.#withV6).v6 : NO_V6;
    this.#count = 0;
    this.#withV6 = [];
    return { v4, v6 };
  }
}

/**
 * Sorts the first `count` ranges by start, in place. A side's list is short (Azure allows 4,000
 * prefixes, rules rarely hold more than a few dozen): insertion sort, with no comparator calls;
 * a long list is sorted through an index.
 */
function sortByStart(los: Float64Array, his: Float64Array, count: number): void {
  if (count > 64) {
    const order = new Uint32Array(count);
    for (let i = 0; i < count; i++) order[i] = i;
    order.sort((a, b) => los[a]! - los[b]! || his[a]! - his[b]!);
    const sortedLos = Float64Array.from(order, (i) => los[i]!);
    const sortedHis = Float64Array.from(order, (i) => his[i]!);
    los.set(sortedLos);
    his.set(sortedHis);
    return;
  }
  for (let i = 1; i < count; i++) {
    const lo = los[i]!;
    const hi = his[i]!;
    let j = i - 1;
    while (j >= 0 && los[j]! > lo) {
      los[j + 1] = los[j]!;
      his[j + 1] = his[j]!;
      j--;
    }
    los[j + 1] = lo;
    his[j + 1] = hi;
  }
}
