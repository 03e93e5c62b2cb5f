import type { PortInterval } from "../nsg/ports.ts";

/**
 * Merges the differing cells of one region (an outside-address cell index, a source-port range,
 * a destination-port range) into few boxes a person can read: ports that differ alike for a run
 * of adjacent addresses are written once, and adjacent ranges become one.
 */
export interface Cell {
  /**
   * The outside address cells this stands for (a group of cells every rule treats alike, shared
   * by all of the group's entries), or [-1] when neither end is outside.
   */
  outside: readonly number[];
  sourcePort: PortInterval;
  port: PortInterval;
}

/** Inclusive runs of cell indices. */
export type Runs = [number, number][];

export interface MergedBox {
  outside: Runs;
  sourcePorts: PortInterval[];
  ports: PortInterval[];
}

export function runsOf(indices: Iterable<number>): Runs {
  const sorted = [...new Set(indices)].sort((a, b) => a - b);
  const runs: Runs = [];
  for (const i of sorted) {
    const last = runs[runs.length - 1];
    if (last && last[1] + 1 === i) last[1] = i;
    else runs.push([i, i]);
  }
  return runs;
}

/** Sorted, with touching ranges joined. */
export function mergeRanges(ranges: Iterable<PortInterval>): PortInterval[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [lo, hi] of sorted) {
    const last = merged[merged.length - 1];
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else merged.push([lo, hi]);
  }
  return merged;
}

const rangesKey = (ranges: readonly PortInterval[]) => ranges.map(([a, b]) => `${a}-${b}`).join(",");

/** Groups `items` by a key of what each maps to, keeping first-seen order. */
function groupBy<T>(items: Iterable<[T, string]>): T[][] {
  const groups = new Map<string, T[]>();
  for (const [item, key] of items) {
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return [...groups.values()];
}

interface Shape {
  sourcePorts: PortInterval[];
  ports: PortInterval[];
}

export function mergeCells(cells: readonly Cell[]): MergedBox[] {
  // outside group → source-port range → destination-port ranges
  const byOutside = new Map<
    readonly number[],
    Map<string, { sourcePort: PortInterval; ports: PortInterval[] }>
  >();
  for (const c of cells) {
    let bySource = byOutside.get(c.outside);
    if (!bySource)
      byOutside.set(
        c.outside,
        (bySource = new Map<string, { sourcePort: PortInterval; ports: PortInterval[] }>()),
      );
    const key = `${c.sourcePort[0]}-${c.sourcePort[1]}`;
    const entry = bySource.get(key);
    if (entry) entry.ports.push(c.port);
    else bySource.set(key, { sourcePort: c.sourcePort, ports: [c.port] });
  }
  const shapeOf = (bySource: Map<string, { sourcePort: PortInterval; ports: PortInterval[] }>): Shape[] =>
    groupBy(
      [...bySource.values()].map((e): [{ sourcePort: PortInterval; ports: PortInterval[] }, string] => {
        const ports = mergeRanges(e.ports);
        return [{ sourcePort: e.sourcePort, ports }, rangesKey(ports)];
      }),
    ).map((group) => ({ sourcePorts: mergeRanges(group.map((g) => g.sourcePort)), ports: group[0]!.ports }));
  const shapes = [...byOutside].map(([outside, bySource]): [readonly number[], Shape[]] => [
    outside,
    shapeOf(bySource),
  ]);
  const boxes: MergedBox[] = [];
  for (const group of groupBy(
    shapes.map(([outside, shape]): [[readonly number[], Shape[]], string] => [
      [outside, shape],
      shape.map((b) => `${rangesKey(b.sourcePorts)}/${rangesKey(b.ports)}`).join(";"),
    ]),
  )) {
    const outside = runsOf(group.flatMap(([o]) => o));
    for (const box of group[0]![1]) boxes.push({ outside, ...box });
  }
  return boxes;
}
