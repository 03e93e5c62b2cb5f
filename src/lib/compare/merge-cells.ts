/**
 * Merges the differing cells of one region (outside-address cell × source-port cell ×
 * destination-port cell indices) into few boxes a person can read: ports that differ alike
 * for a run of adjacent addresses are written once, and adjacent cells become ranges.
 */
export interface CellIndex {
  outside: number;
  sourcePort: number;
  port: number;
}

/** Inclusive runs of cell indices. */
export type Runs = [number, number][];

export interface MergedBox {
  outside: Runs;
  sourcePorts: Runs;
  ports: Runs;
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

const runsKey = (runs: Runs) => runs.map(([a, b]) => `${a}-${b}`).join(",");

/** Groups `items` by the key of what each maps to, keeping first-seen order. */
function groupBy<T>(
  items: Iterable<[number, T]>,
  key: (value: T) => string,
): { members: number[]; value: T }[] {
  const groups = new Map<string, { members: number[]; value: T }>();
  for (const [member, value] of items) {
    const k = key(value);
    const group = groups.get(k);
    if (group) group.members.push(member);
    else groups.set(k, { members: [member], value });
  }
  return [...groups.values()];
}

export function mergeCells(cells: readonly CellIndex[]): MergedBox[] {
  // outside cell → source-port cell → destination-port cells
  const byOutside = new Map<number, Map<number, Set<number>>>();
  for (const c of cells) {
    let bySource = byOutside.get(c.outside);
    if (!bySource) byOutside.set(c.outside, (bySource = new Map<number, Set<number>>()));
    let ports = bySource.get(c.sourcePort);
    if (!ports) bySource.set(c.sourcePort, (ports = new Set<number>()));
    ports.add(c.port);
  }
  // For each outside cell: boxes of (source-port runs × port runs).
  const shapeOf = (bySource: Map<number, Set<number>>) =>
    groupBy(
      [...bySource].map(([s, ports]): [number, Runs] => [s, runsOf(ports)]),
      runsKey,
    ).map((g) => ({ sourcePorts: runsOf(g.members), ports: g.value }));
  const shapes = [...byOutside].map(([outside, bySource]): [number, ReturnType<typeof shapeOf>] => [
    outside,
    shapeOf(bySource),
  ]);
  const boxes: MergedBox[] = [];
  for (const group of groupBy(shapes, (shape) =>
    shape.map((b) => `${runsKey(b.sourcePorts)}/${runsKey(b.ports)}`).join(";"),
  )) {
    const outside = runsOf(group.members);
    for (const box of group.value) boxes.push({ outside, ...box });
  }
  return boxes;
}
