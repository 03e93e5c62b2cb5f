import { FLOW_PROTOCOLS, hasPorts, type PortProtocol } from "../nsg/vocabulary.ts";

/**
 * How many flow evaluations a comparison may cost. The count is known before anything is
 * evaluated (one flow per cell, in both networks), so a comparison that would be too large
 * gives up before it starts, and as soon as any part of the count, or a lower bound on it,
 * says so: a bound lets it give up without building the cells the exact count would need.
 */

/** More evaluations than this and the comparison gives up, saying so: it never hangs a page. */
export const MAX_EVALUATIONS = 100_000;

/** The comparison could not run to the end within MAX_EVALUATIONS. */
export class ComparisonTooLarge extends Error {}

/** How many source and destination port cells a protocol with ports is compared over. */
export type PortCellCounts = Record<PortProtocol, { sourcePorts: number; destinationPorts: number }>;

/** What one pairing costs over these port cells: both networks, every protocol, every pair of port cells. */
export const evaluationsOver = (ports: PortCellCounts): number =>
  FLOW_PROTOCOLS.reduce(
    (n, p) => n + 2 * (hasPorts(p) ? ports[p].sourcePorts * ports[p].destinationPorts : 1),
    0,
  );

export class EvaluationBudget {
  readonly #limit: number;
  #spent = 0;
  constructor(limit: number = MAX_EVALUATIONS) {
    this.#limit = limit;
  }
  /** Counts evaluations the comparison will make. */
  spend(count: number): void {
    this.#spent += count;
    this.#check(0);
  }
  /** Gives up now if the comparison will make at least `count` evaluations more than those spent. */
  expectAtLeast(count: number): void {
    this.#check(count);
  }
  #check(more: number): void {
    if (this.#spent + more > this.#limit) throw new ComparisonTooLarge("too many distinct flows to compare");
  }
}
