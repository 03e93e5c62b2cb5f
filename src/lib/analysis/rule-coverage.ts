import type { CompiledRule } from "../nsg/compile.ts";
import type { PortInterval } from "../nsg/ports.ts";
import { nextCandidate, portIndex, startCandidates } from "../nsg/rule-index.ts";
import {
  boxIsExact,
  carriesPortsAt,
  loadHulls,
  lowestPort,
  mayCover,
  nextMayCover,
  type RuleHulls,
} from "./rule-hulls.ts";
import { containsAll } from "./set-containment.ts";

/**
 * True when every port of `inner` lies in `outer`. Outer ranges may overlap, touch (80 and 81
 * hold 80-81) and come in any order, so each inner range is walked from its start: the outer
 * range reaching furthest from there, then again past its end. Nothing is allocated: this runs
 * for candidate pairs of rules.
 */
export function portsCover(outer: readonly PortInterval[], inner: readonly PortInterval[]): boolean {
  for (let i = 0; i < inner.length; i++) if (!rangeCovered(outer, inner[i]![0], inner[i]![1])) return false;
  return true;
}

function rangeCovered(outer: readonly PortInterval[], lo: number, hi: number): boolean {
  // Each step passes the end of one more outer range, so this ends within outer.length steps.
  for (let from = lo; ;) {
    let reach = -1;
    for (let j = 0; j < outer.length; j++) {
      const range = outer[j]!;
      if (range[0] <= from && range[1] >= from && range[1] > reach) reach = range[1];
    }
    if (reach < 0) return false;
    if (reach >= hi) return true;
    from = reach + 1;
  }
}

/**
 * True when every packet `later` could match is already matched by `earlier`, so `later` can
 * never decide anything. Ports only count for TCP/UDP packets (Azure ignores them otherwise),
 * so an ICMP-only rule is covered by any earlier rule with matching protocol and addresses.
 */
const carriesPorts = (rule: CompiledRule): boolean =>
  rule.rule.protocol === "*" || rule.rule.protocol === "Tcp" || rule.rule.protocol === "Udp";

export function covers(earlier: CompiledRule, later: CompiledRule): boolean {
  const a = earlier.rule;
  const b = later.rule;
  if (a.direction !== b.direction) return false;
  if (a.protocol !== "*" && a.protocol !== b.protocol) return false;
  return holdsMatches(earlier, later, carriesPorts(later));
}

/**
 * The rest of `covers`, once direction and protocol allow it: `later`'s ports (when they count)
 * and addresses within `earlier`'s. The lint knows the first two from the rules' boxes and does
 * not read the rules themselves again (a cold read per rule).
 */
function holdsMatches(earlier: CompiledRule, later: CompiledRule, portsCount: boolean): boolean {
  if (
    portsCount &&
    !(
      portsCover(earlier.destinationPorts, later.destinationPorts) &&
      portsCover(earlier.sourcePorts, later.sourcePorts)
    )
  )
    return false;
  return (
    containsAll(earlier.sourceAddresses, later.sourceAddresses) &&
    containsAll(earlier.destinationAddresses, later.destinationAddresses)
  );
}

/**
 * Earlier rules tried in order before the port index is asked: a rule is most often covered by
 * one of the first, broad rules of its list (in the 7,994-rule paste, half of them by one of the
 * first 30), and comparing boxes in one loop is cheaper than walking the index's candidates.
 */
const SCAN_FIRST = 64;

/**
 * For each rule of `rules` (one direction, in priority order), the first custom rule before it
 * that covers it, or undefined. Each earlier rule is first compared as a box (`nextMayCover`, a
 * few numbers), and only the few that pass are compared set by set. Past the first SCAN_FIRST
 * rules, a rule with ports is covered only by rules that hold all its destination ports, so only
 * the port index's candidates for its lowest one are tried, not every earlier rule (pairs of all
 * rules were 30 million `covers` for an NSG of 8,000 rules).
 */
export function coveringRules(rules: readonly CompiledRule[]): (CompiledRule | undefined)[] {
  const hulls = loadHulls(rules);
  const found: (CompiledRule | undefined)[] = [];
  for (let at = 0; at < rules.length; at++) found.push(firstCovering(rules, hulls, at));
  return found;
}

function firstCovering(
  rules: readonly CompiledRule[],
  hulls: RuleHulls,
  at: number,
): CompiledRule | undefined {
  // Read from the box, not the rule: the rule's own objects are scattered in memory, and a
  // cold read of each was a good part of the lint's time.
  const port = lowestPort(hulls, at);
  const portsCount = carriesPortsAt(hulls, at);
  // A rule whose box may cover this one is of its direction and protocol (or `*`).
  const covering = (r: number) => boxIsExact(hulls, r) || holdsMatches(rules[r]!, rules[at]!, portsCount);
  const scanned = port >= 0 ? Math.min(at, SCAN_FIRST) : at;
  for (let r = nextMayCover(hulls, at, 0, scanned); r >= 0; r = nextMayCover(hulls, at, r + 1, scanned))
    if (covering(r)) return rules[r];
  if (port < 0 || scanned === at) return undefined;
  // Any port of the rule would do: its lowest is one.
  startCandidates(portIndex(rules), port);
  // Candidates come in priority order: past `at` none is earlier.
  for (let r = nextCandidate(); r >= 0 && r < at; r = nextCandidate())
    if (r >= scanned && mayCover(hulls, r, at) && covering(r)) return rules[r];
  return undefined;
}
