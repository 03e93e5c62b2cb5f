import type { CompiledRule } from "../nsg/compile.ts";
import type { Evaluator } from "../nsg/evaluator.ts";
import { AZURE_PLATFORM_IP } from "../nsg/service-tags.ts";
import type { RuleLint } from "./lint-rules.ts";

/**
 * Azure Load Balancer health probes come from 168.63.129.16 (the AzureLoadBalancer tag) and are
 * subject to NSGs: the default rule AllowAzureLoadBalancerInBound (65001) lets them in, and a
 * custom deny placed before it — typically a "deny everything inbound" safeguard with source `*`
 * — makes every probe fail, so the load balancer takes the VM out of rotation. (Learn: "What is
 * IP address 168.63.129.16?" and "Azure Load Balancer health probes".) Exact: probes are TCP, and
 * every TCP port cell of the rules on each NIC's inbound path is tried.
 */

/** Past this many cells per NIC the check says nothing rather than cost a keystroke's time. */
const MAX_CELLS = 5_000;

/** Which ports start a cell; one array for every call (a call fills and reads it, then is done). */
let marks: Uint8Array | undefined;

/**
 * Starts of the cells that a list of port ranges cuts 0–65535 into, ascending; undefined as soon
 * as there are more than `most` (the check then says nothing, and the rest of the rules need not
 * be read). Marked in an array of every port and read back in order: for the thousands of ranges
 * of a pasted NSG that is cheaper than a set of numbers sorted.
 */
function cellStarts(
  rules: readonly CompiledRule[],
  side: "sourcePorts" | "destinationPorts",
  most: number,
): number[] | undefined {
  marks ??= new Uint8Array(65536);
  marks.fill(0);
  marks[0] = 1;
  let count = 1;
  const mark = (port: number) => {
    if (marks![port] === 0) count++;
    marks![port] = 1;
  };
  for (const rule of rules) {
    for (const [lo, hi] of rule[side]) {
      mark(lo);
      if (hi < 65535) mark(hi + 1);
    }
    if (count > most) return undefined;
  }
  const starts: number[] = [];
  for (let port = 0; port < 65536; port++) if (marks[port]) starts.push(port);
  return starts;
}

export function probeBlockingRules(evaluator: Evaluator, nsgs: readonly string[]): RuleLint[] {
  const watched = new Set(nsgs);
  const lints = new Map<string, RuleLint>();
  for (const placement of evaluator.network.nicsByName.values()) {
    const path = evaluator.path(AZURE_PLATFORM_IP, placement.nic.name);
    if (!path.ok) continue;
    const rules = path.value.gates.flatMap((g) =>
      g.kind === "nsg" && g.nsg !== undefined && watched.has(g.nsg) ? (g.rules ?? []) : [],
    );
    if (rules.length === 0) continue;
    const tcp = rules.filter((r) => r.rule.protocol === "*" || r.rule.protocol === "Tcp");
    const sourcePorts = cellStarts(tcp, "sourcePorts", MAX_CELLS);
    // At most MAX_CELLS cells in all: source cells times destination cells.
    const ports =
      sourcePorts && cellStarts(tcp, "destinationPorts", Math.floor(MAX_CELLS / sourcePorts.length));
    if (!sourcePorts || !ports) continue;
    for (const sourcePort of sourcePorts) {
      for (const [cell, start] of ports.entries()) {
        const end = (ports[cell + 1] ?? 65536) - 1;
        // An example a reader recognises: a web port when the cell has one.
        const port = [80, 443].find((p) => start <= p && p <= end) ?? Math.max(start, 1);
        if (port > end || path.value.access("Tcp", sourcePort, port) === "Allow") continue;
        const verdict = evaluator.evaluate({
          from: AZURE_PLATFORM_IP,
          to: placement.nic.name,
          protocol: "Tcp",
          sourcePort,
          port,
        });
        if (!verdict.ok) continue;
        const step = verdict.value.decidingStep;
        if (step.kind !== "nsg" || step.rule.isDefault || !watched.has(step.nsg)) continue;
        const key = `${step.nsg}|${step.rule.name}`;
        if (lints.has(key)) continue;
        lints.set(key, {
          kind: "blocks-load-balancer-probes",
          // No scenario models a load balancer, so this is a lesson for production, not a mistake in the task.
          severity: "info",
          nsg: step.nsg,
          rule: step.rule.name,
          message: `${step.rule.name} (priority ${step.rule.priority}) also denies Azure Load Balancer health probes, which come from 168.63.129.16 (the AzureLoadBalancer tag) — e.g. TCP ${port} to ${placement.vm}. Fine in this scenario, which has no load balancer; behind one, ${placement.vm} would be marked down and get no traffic unless an allow with source AzureLoadBalancer comes first (a number below ${step.rule.priority}).`,
        });
      }
    }
  }
  return [...lints.values()];
}
