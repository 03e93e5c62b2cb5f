import { ALL_ADDRESSES } from "../nsg/address-set.ts";
import type { Evaluator } from "../nsg/evaluator.ts";
import type { Packet } from "../nsg/match.ts";
import { rulesOfStep } from "../nsg/step-rules.ts";
import type { SecurityRule } from "../nsg/rule-schema.ts";
import type { PortInterval } from "../nsg/ports.ts";
import type { NsgStep } from "../nsg/verdict.ts";
import type { Difference, DifferenceEnd } from "./compare-networks.ts";
import { closestAllow, editedStep, type Field } from "./closest-rule.ts";
import { formatAddress, rangesOfSet, type AddressRange } from "./flow-space.ts";

/**
 * A difference in words a learner understands: who can reach whom on what, with an example,
 * then which field of which rule makes it so ("Too open: your rules also let 198.51.100.5 reach
 * vm-ingest on TCP 23–65535 (e.g. TCP 3389)").
 */

/** The prefix length when [lo, hi] is exactly one CIDR block. */
function cidrLength(range: AddressRange): number | undefined {
  const bits = range.family === 4 ? 32 : 128;
  const lo = BigInt(range.lo);
  const size = BigInt(range.hi) - lo + 1n;
  if ((size & (size - 1n)) !== 0n || lo % size !== 0n) return undefined;
  return bits - (size.toString(2).length - 1);
}

export function formatRange(range: AddressRange): string {
  if (range.lo === range.hi) return formatAddress(range.family, range.lo);
  const full = range.family === 4 ? 0xffffffff : (1n << 128n) - 1n;
  if (BigInt(range.lo) === 0n && BigInt(range.hi) === BigInt(full))
    return range.family === 4 ? "any IPv4 address" : "any IPv6 address";
  const length = cidrLength(range);
  if (length !== undefined) return `${formatAddress(range.family, range.lo)}/${length}`;
  return `${formatAddress(range.family, range.lo)}–${formatAddress(range.family, range.hi)}`;
}

/** A set of addresses with a name a learner knows: a service tag, "any address". */
export interface NamedSet {
  name: string;
  ranges: readonly AddressRange[];
}

/** The ranges of `whole` not in `part` (both sorted and disjoint), or undefined when `part` is not inside `whole`. */
function complementWithin(
  part: readonly AddressRange[],
  whole: readonly AddressRange[],
): AddressRange[] | undefined {
  const out: AddressRange[] = [];
  let i = 0;
  for (const w of whole) {
    let cursor = BigInt(w.lo);
    const end = BigInt(w.hi);
    while (i < part.length && BigInt(part[i]!.hi) <= end && BigInt(part[i]!.lo) >= BigInt(w.lo)) {
      const p = part[i]!;
      if (BigInt(p.lo) > cursor) out.push(range(w.family, cursor, BigInt(p.lo) - 1n));
      cursor = BigInt(p.hi) + 1n;
      i++;
    }
    if (cursor <= end) out.push(range(w.family, cursor, end));
  }
  return i === part.length ? out : undefined;
}

const range = (family: 4 | 6, lo: bigint, hi: bigint): AddressRange =>
  family === 4 ? { family, lo: Number(lo), hi: Number(hi) } : { family, lo, hi };

/**
 * Up to three ranges, a CIDR block with a few single addresses cut out of it, or a named set
 * (a service tag) with a few ranges cut out ("any Internet address except 203.0.113.0/24").
 */
export function formatRanges(ranges: readonly AddressRange[], named: readonly NamedSet[] = []): string {
  if (ranges.length === 0) return "no address";
  if (ranges.length > 3) {
    for (const set of named) {
      const rest = complementWithin(
        ranges,
        set.ranges.filter((r) => r.family === ranges[0]!.family),
      );
      if (rest && rest.length === 0) return set.name;
      if (rest && rest.length <= 3) return `${set.name} except ${rest.map(formatRange).join(", ")}`;
    }
  }
  const first = ranges[0]!;
  const last = ranges[ranges.length - 1]!;
  const hull: AddressRange = { family: first.family, lo: first.lo, hi: last.hi };
  const gaps: AddressRange[] = [];
  for (let i = 1; i < ranges.length; i++) {
    const lo = BigInt(ranges[i - 1]!.hi) + 1n;
    const hi = BigInt(ranges[i]!.lo) - 1n;
    gaps.push({
      family: first.family,
      lo: first.family === 4 ? Number(lo) : lo,
      hi: first.family === 4 ? Number(hi) : hi,
    });
  }
  if (
    ranges.length > 1 &&
    cidrLength(hull) !== undefined &&
    gaps.length <= 3 &&
    gaps.every((g) => g.lo === g.hi)
  )
    return `${formatRange(hull)} except ${gaps.map(formatRange).join(", ")}`;
  const shown = ranges.slice(0, 3).map(formatRange).join(", ");
  return ranges.length > 3 ? `${shown} and ${ranges.length - 3} more ranges` : shown;
}

export function formatPortRanges(ports: readonly PortInterval[]): string {
  if (ports.length === 1 && ports[0]![0] === 0 && ports[0]![1] === 65535) return "every port";
  return ports.map(([lo, hi]) => (lo === hi ? `${lo}` : `${lo}–${hi}`)).join(", ");
}

function endText(end: DifferenceEnd, named: readonly NamedSet[]): string {
  if (end.kind === "outside") return formatRanges(end.addresses, named);
  return end.viaPublicIp ? `${end.vm} (at its public IP)` : end.vm;
}

function whatText(d: Difference): string {
  if (d.sourcePorts.length === 0 && d.ports.length === 0) return d.protocol.toUpperCase();
  const sourcePorts =
    d.sourcePorts.length === 1 && d.sourcePorts[0]![0] === 0 && d.sourcePorts[0]![1] === 65535
      ? ""
      : ` from source ports ${formatPortRanges(d.sourcePorts)}`;
  const ports = formatPortRanges(d.ports);
  return `${d.protocol.toUpperCase()} ${ports === "every port" ? "on every port" : ports}${sourcePorts}`;
}

const isSingle = (end: DifferenceEnd) =>
  end.kind === "nic" || (end.addresses.length === 1 && end.addresses[0]!.lo === end.addresses[0]!.hi);

/** An example, when the region holds more than one flow: the address and port that vary. */
function exampleText(d: Difference): string {
  const parts: string[] = [];
  if (!isSingle(d.from)) parts.push(`from ${d.witness.from}`);
  if (!isSingle(d.to)) parts.push(`to ${d.witness.to}`);
  const singlePort = d.ports.length === 1 && d.ports[0]![0] === d.ports[0]![1];
  if (d.witness.port !== undefined && !singlePort)
    parts.push(`${d.protocol.toUpperCase()} ${d.witness.port}`);
  return parts.length > 0 ? ` (e.g. ${parts.join(", ")})` : "";
}

/** The service tags as seen from the difference's NIC, for naming big regions. */
function namedSets(d: Difference, network: Evaluator | undefined): NamedSet[] {
  const nic = [d.from, d.to].find((e) => e.kind === "nic");
  const tags =
    nic && network
      ? network.network.tagsByVnet.get(network.network.nicsByName.get(nic.nic)?.vnet.name ?? "")
      : undefined;
  if (!tags) return [];
  return [
    { name: "any Internet address", ranges: rangesOfSet(tags.internet) },
    { name: "any address of the virtual network", ranges: rangesOfSet(tags.virtualNetwork) },
    { name: "any address", ranges: rangesOfSet(ALL_ADDRESSES) },
  ];
}

/** The one-line summary: the region and an example flow of it. `network` names big regions by tag. */
export function differenceSummary(d: Difference, network?: Evaluator): string {
  const what = whatText(d);
  const named = namedSets(d, network);
  return d.kind === "too-open"
    ? `Too open: your rules also let ${endText(d.from, named)} reach ${endText(d.to, named)} on ${what}${exampleText(d)}. The reference solution denies this.`
    : `Too closed: ${endText(d.from, named)} can't reach ${endText(d.to, named)} on ${what}${exampleText(d)}, which the task needs.`;
}

/** Port fields are plural ("destination ports … include"). */
const isPlural = (field: Field) => field === "sourcePort" || field === "destinationPort";
const FIELD_NAMES: Record<Field, string> = {
  protocol: "protocol",
  sourceAddress: "source",
  sourcePort: "source ports",
  destinationAddress: "destination",
  destinationPort: "destination ports",
};

/** A rule field as the learner wrote it. */
function fieldValue(rule: SecurityRule, field: Field): string {
  const list = (prefixes: readonly string[], asgs: readonly string[]) =>
    (asgs.length > 0 ? asgs : prefixes).join(", ");
  switch (field) {
    case "protocol":
      return rule.protocol === "*" ? "Any" : rule.protocol;
    case "sourceAddress":
      return list(rule.sourceAddressPrefixes, rule.sourceApplicationSecurityGroups);
    case "destinationAddress":
      return list(rule.destinationAddressPrefixes, rule.destinationApplicationSecurityGroups);
    case "sourcePort":
      return rule.sourcePortRanges.join(", ");
    case "destinationPort":
      return rule.destinationPortRanges.join(", ");
  }
}

/** What the example packet has in a field. */
function packetValue(packet: Packet, field: Field): string {
  switch (field) {
    case "protocol":
      return packet.protocol.toUpperCase();
    case "sourceAddress":
      return packet.source.text;
    case "destinationAddress":
      return packet.destination.text;
    case "sourcePort":
      return String(packet.sourcePort);
    case "destinationPort":
      return String(packet.destinationPort);
  }
}

const ruleLabel = (step: NsgStep) => `${step.rule.name} (priority ${step.rule.priority}, ${step.nsg})`;

/**
 * Which field of which rule causes the difference. Too open: the learner's rule that allowed the
 * example, and each field in which the closest reference rule would not have matched it. Too
 * closed: what denied it in the learner's network, and the fields in which the learner's closest
 * allow rule misses it.
 */
export function differenceCause(
  d: Difference,
  learner: Evaluator,
  reference: Evaluator,
  editable: readonly string[],
): string {
  const edited = new Set(editable);
  if (d.kind === "too-open") {
    const step = editedStep(d.learner, edited, "Allow");
    if (!step)
      return "None of your rules decides this flow: the reference solution has an NSG in its path that your network lacks there.";
    if (step.rule.isDefault)
      return `The default rule ${ruleLabel(step)} allows it; the reference solution decides it with a rule of its own first.`;
    const mine = rulesOfStep(learner, step)?.find((r) => r.rule.name === step.rule.name);
    const closest = closestAllow(rulesOfStep(reference, step), step.packet);
    if (!mine || !closest || closest.misses.length === 0) return `Your rule ${ruleLabel(step)} allows it.`;
    const fields = closest.misses.map(
      (f) =>
        `${FIELD_NAMES[f]} ${fieldValue(mine.rule, f)} ${isPlural(f) ? "include" : "includes"} ${packetValue(step.packet, f)} (the task needs ${fieldValue(closest.rule.rule, f)})`,
    );
    return `Your rule ${ruleLabel(step)} allows it: its ${fields.join("; its ")}.`;
  }
  const mine = d.learner.decidingStep;
  const deniedBy =
    mine.kind === "nsg"
      ? `${mine.rule.isDefault ? "the default rule" : "your rule"} ${ruleLabel(mine)} denies it`
      : "the platform denies it";
  const theirs = editedStep(d.reference, edited, "Allow");
  if (!theirs) return `In your network ${deniedBy}.`;
  const closest = closestAllow(rulesOfStep(learner, theirs), theirs.packet);
  if (!closest) return `In your network ${deniedBy}, and no rule of yours in ${theirs.nsg} allows it.`;
  if (closest.misses.length === 0)
    return `In your network ${deniedBy} before your rule ${closest.rule.rule.name} is reached.`;
  const fields = closest.misses.map(
    (f) =>
      `${FIELD_NAMES[f]} ${fieldValue(closest.rule.rule, f)} ${isPlural(f) ? "leave" : "leaves"} out ${packetValue(theirs.packet, f)}`,
  );
  return `In your network ${deniedBy}: your rule ${closest.rule.rule.name} would allow it, but its ${fields.join(" and its ")}.`;
}
