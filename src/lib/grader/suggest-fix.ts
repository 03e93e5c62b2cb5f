import type { Difference } from "../compare/compare-networks.ts";
import { compareNetworks } from "../compare/compare-networks.ts";
import { closestAllow, editedStep, type Field } from "../compare/closest-rule.ts";
import { createEvaluator, type Evaluator } from "../nsg/evaluator.ts";
import { PRIORITY_MIN, type SecurityRule } from "../nsg/rule-schema.ts";
import { rulesOfStep } from "../nsg/step-rules.ts";
import type { Topology } from "../nsg/topology-schema.ts";
import type { Exercise } from "./exercise-schema.ts";
import type { RuleFormat } from "../formats/rule-document.ts";

/**
 * The smallest edit that closes a difference, verified: it is applied to the learner's network
 * and kept only when the example flow then gets the reference's verdict. Shown on request only
 * (it is a hint level), worded in the learner's format's own field names.
 */

/** Where each rule field lives, in a SecurityRule and in the az CLI. */
const FIELD_PLACES: Record<
  Field,
  { keys: (keyof SecurityRule)[]; flag: string; json: string; param: string }
> = {
  protocol: { keys: ["protocol"], flag: "--protocol", json: "protocol", param: "-Protocol" },
  sourceAddress: {
    keys: ["sourceAddressPrefixes", "sourceApplicationSecurityGroups"],
    flag: "--source-address-prefixes",
    json: "sourceAddressPrefixes",
    param: "-SourceAddressPrefix",
  },
  sourcePort: {
    keys: ["sourcePortRanges"],
    flag: "--source-port-ranges",
    json: "sourcePortRanges",
    param: "-SourcePortRange",
  },
  destinationAddress: {
    keys: ["destinationAddressPrefixes", "destinationApplicationSecurityGroups"],
    flag: "--destination-address-prefixes",
    json: "destinationAddressPrefixes",
    param: "-DestinationAddressPrefix",
  },
  destinationPort: {
    keys: ["destinationPortRanges"],
    flag: "--destination-port-ranges",
    json: "destinationPortRanges",
    param: "-DestinationPortRange",
  },
};

const fieldText = (rule: SecurityRule, field: Field): string => {
  if (field === "protocol") return rule.protocol;
  const [list, asgs] = FIELD_PLACES[field].keys.map((k) => rule[k] as string[] | undefined);
  return (asgs && asgs.length > 0 ? asgs : (list ?? [])).join(" ");
};

function copyFields(target: SecurityRule, source: SecurityRule, fields: readonly Field[]): SecurityRule {
  const changed: SecurityRule = { ...target };
  for (const field of fields)
    for (const key of FIELD_PLACES[field].keys) Object.assign(changed, { [key]: source[key] });
  return changed;
}

function withRule(topology: Topology, nsg: string, rule: SecurityRule, replacing?: string): Topology {
  return {
    ...topology,
    nsgs: topology.nsgs.map((n) =>
      n.name !== nsg
        ? n
        : {
            ...n,
            securityRules:
              replacing !== undefined
                ? n.securityRules.map((r) => (r.name === replacing ? rule : r))
                : [...n.securityRules, rule],
          },
    ),
  };
}

interface Candidate {
  text: (format: RuleFormat) => string;
  topology: Topology;
}

function changeText(rule: SecurityRule, fields: readonly Field[], to: SecurityRule) {
  return (format: RuleFormat) =>
    fields
      .map((f) => {
        const place = FIELD_PLACES[f];
        const name = format === "azcli" ? place.flag : format === "powershell" ? place.param : place.json;
        return `change \`${name}\` of ${rule.name} from \`${fieldText(rule, f)}\` to \`${fieldText(to, f)}\``;
      })
      .join(", and ");
}

function candidates(
  d: Difference,
  learner: Evaluator,
  reference: Evaluator,
  topology: Topology,
  editable: ReadonlySet<string>,
): Candidate[] {
  if (d.kind === "too-open") {
    const step = editedStep(d.learner, editable, "Allow");
    if (!step || step.rule.isDefault) return [];
    const mine = rulesOfStep(learner, step).find((r) => r.rule.name === step.rule.name);
    const closest = closestAllow(rulesOfStep(reference, step), step.packet);
    if (!mine) return [];
    if (!closest) {
      return [
        {
          text: () =>
            `remove the rule ${mine.rule.name} from ${step.nsg}: the task allows nothing like it there`,
          topology: {
            ...topology,
            nsgs: topology.nsgs.map((n) =>
              n.name === step.nsg
                ? { ...n, securityRules: n.securityRules.filter((r) => r.name !== mine.rule.name) }
                : n,
            ),
          },
        },
      ];
    }
    const changed = copyFields(mine.rule, closest.rule.rule, closest.misses);
    return [
      {
        text: changeText(mine.rule, closest.misses, closest.rule.rule),
        topology: withRule(topology, step.nsg, changed, mine.rule.name),
      },
    ];
  }
  const theirs = editedStep(d.reference, editable, "Allow");
  if (!theirs) return [];
  const wanted = rulesOfStep(reference, theirs).find((r) => r.rule.name === theirs.rule.name);
  const closest = closestAllow(rulesOfStep(learner, theirs), theirs.packet);
  const out: Candidate[] = [];
  if (closest && wanted && closest.misses.length > 0) {
    const changed = copyFields(closest.rule.rule, wanted.rule, closest.misses);
    out.push({
      text: changeText(closest.rule.rule, closest.misses, wanted.rule),
      topology: withRule(topology, theirs.nsg, changed, closest.rule.rule.name),
    });
  }
  // The rule is right but a deny of the learner's decides first: move the allow before it.
  const denied = d.learner.decidingStep;
  if (closest && closest.misses.length === 0 && denied.kind === "nsg" && !denied.rule.isDefault) {
    const priority = denied.rule.priority - 1;
    const used = rulesOfStep(learner, theirs).some(
      (r) => r.rule.priority === priority && r.rule.direction === closest.rule.rule.direction,
    );
    if (priority >= PRIORITY_MIN && !used)
      out.push({
        text: () =>
          `give ${closest.rule.rule.name} priority ${priority}, so it is checked before ${denied.rule.name} (${denied.rule.priority})`,
        topology: withRule(topology, theirs.nsg, { ...closest.rule.rule, priority }, closest.rule.rule.name),
      });
  }
  if (!closest && wanted) {
    const priority = wanted.rule.priority;
    const free = !rulesOfStep(learner, theirs).some(
      (r) => r.rule.priority === priority && r.rule.direction === wanted.rule.direction,
    );
    if (free)
      out.push({
        text: () =>
          `add a rule to ${theirs.nsg} like the reference's: ${wanted.rule.direction} ${wanted.rule.access} ${wanted.rule.protocol} from ${fieldText(wanted.rule, "sourceAddress")} to ${fieldText(wanted.rule, "destinationAddress")} port ${fieldText(wanted.rule, "destinationPort")}`,
        topology: withRule(topology, theirs.nsg, wanted.rule),
      });
  }
  return out;
}

/** The first candidate edit that, applied, gives the example flow the reference's verdict. */
export function suggestFix(
  exercise: Exercise,
  d: Difference,
  learner: Evaluator,
  reference: Evaluator,
  format: RuleFormat,
  differencesNow: number,
): string | undefined {
  const editable = new Set(exercise.editable);
  for (const candidate of candidates(d, learner, reference, learner.network.topology, editable)) {
    const fixed = createEvaluator(candidate.topology, exercise.subscription);
    if (!fixed.ok) continue;
    const verdict = fixed.value.evaluate(d.witness);
    if (!verdict.ok || verdict.value.access !== d.reference.access) continue;
    // And it must leave fewer differences than there are now: closing one must not open others.
    const after = compareNetworks(fixed.value, reference, { editable: exercise.editable }).length;
    if (after < differencesNow) return candidate.text(format);
  }
  return undefined;
}
