/**
 * The comparison's cells, against the simplest way to get them: outside addresses grouped by one
 * membership bit per rule and role for every cell, and each group's ports cut by the rules that
 * hold it (what flow-space.ts did before partition refinement and the sweep). Scenarios come from
 * the evaluator's property generators; the second network has the same NICs and other rules.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  flowSpace,
  lowestOutsideAddress,
  type AddressGroup,
  type AddressRange,
  type FlowSpace,
} from "../../src/lib/compare/flow-space.ts";
import { portCells, sweepGroupPorts, type PortCellsByProtocol } from "../../src/lib/compare/port-cells.ts";
import type { CompiledRule } from "../../src/lib/nsg/compile.ts";
import { HOST_SERVICE_ADDRESSES } from "../../src/lib/nsg/host-services.ts";
import { parseIp } from "../../src/lib/nsg/ip.ts";
import { scenarioArb } from "../nsg/properties/arbitraries.ts";
import { PROPERTY_TIMEOUT_MS, evaluatorOf } from "../nsg/properties/build.ts";

const holds = (rule: CompiledRule, role: 0 | 1, cell: AddressRange): boolean => {
  const set = role === 0 ? rule.sourceAddresses : rule.destinationAddresses;
  const flat: ArrayLike<number | bigint> = cell.family === 4 ? set.v4 : set.v6;
  for (let i = 0; i < flat.length; i += 2) if (flat[i]! <= cell.lo && cell.hi <= flat[i + 1]!) return true;
  return false;
};

const hostValues = new Set(
  HOST_SERVICE_ADDRESSES.flatMap((a) => {
    const parsed = parseIp(a);
    return parsed.ok ? [parsed.value.value] : [];
  }),
);

/** Groups by a key of every rule's membership in both roles, cell by cell, host addresses apart. */
function referenceGroups(
  space: FlowSpace,
  nicCells: ReadonlySet<string>,
): { group: AddressGroup; rules: CompiledRule[] }[] {
  const out: { group: AddressGroup; rules: CompiledRule[] }[] = [];
  for (const family of [4, 6] as const) {
    const byKey = new Map<string, { group: AddressGroup; rules: CompiledRule[] }>();
    space.addresses[family].forEach((cell, c) => {
      if (cell.lo === cell.hi && nicCells.has(`${family}:${cell.lo}`)) return;
      const bits = space.rules.map((r) => `${+holds(r, 0, cell)}${+holds(r, 1, cell)}`).join("");
      const host = family === 4 && cell.lo === cell.hi && hostValues.has(cell.lo);
      const key = `${host ? `host ${cell.lo}:` : ""}${bits}`;
      let entry = byKey.get(key);
      if (!entry) {
        const rules = space.rules.filter((r) => holds(r, 0, cell) || holds(r, 1, cell));
        byKey.set(key, (entry = { group: { family, cells: [] }, rules }));
        out.push(entry);
      }
      entry.group.cells.push(c);
    });
  }
  return out;
}

/**
 * Two networks over one topology (the scenario's rules, and another scenario's in the same NSGs),
 * their flow space over every NIC, and the reference's grouping of it.
 */
const spaces = fc.tuple(scenarioArb, scenarioArb).map(([scenario, other]) => {
  const learner = evaluatorOf(scenario);
  const reference = evaluatorOf({
    ...scenario,
    topology: { ...scenario.topology, nsgs: other.topology.nsgs },
  });
  const nics = [...learner.network.nicsByName.values(), ...reference.network.nicsByName.values()];
  const space = flowSpace([learner, reference], nics);
  const nicCells = new Set(
    nics
      .flatMap((n) => [n.privateIp, ...(n.publicIp ? [n.publicIp] : [])])
      .map((ip) => `${ip.family}:${ip.value}`),
  );
  return { space, networks: [learner, reference], expected: referenceGroups(space, nicCells) };
});

describe("property: the comparison's cells are those of the per-cell reference", () => {
  it(
    "groups outside addresses exactly as one membership bit per rule and role per cell would",
    () => {
      fc.assert(
        fc.property(spaces, ({ space, networks, expected }) => {
          expect(space.outsideGroups).toEqual(expected.map((e) => e.group));
          // The comparison asks a path of this address before the cells exist (plan.ts).
          for (const family of [4, 6] as const) {
            const first = space.outsideGroups.find((g) => g.family === family)!;
            expect(lowestOutsideAddress(networks, family)).toBe(space.addresses[family][first.cells[0]!]!.lo);
          }
        }),
        { numRuns: 200 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    "sweeps each group's ports to what the rules holding the group cut",
    () => {
      fc.assert(
        fc.property(spaces, ({ space, expected }) => {
          const swept = new Map<AddressGroup, PortCellsByProtocol>();
          for (const family of [4, 6] as const)
            sweepGroupPorts(space, family, (g, ports) => swept.set(g, ports.cells()));
          expect(space.outsideGroups.map((g) => swept.get(g))).toEqual(
            expected.map(({ rules }) => ({ Tcp: portCells(rules, "Tcp"), Udp: portCells(rules, "Udp") })),
          );
        }),
        { numRuns: 200 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});
