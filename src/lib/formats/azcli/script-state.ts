import { flattenArmRule } from "../../nsg/rule-schema.ts";
import type { Topology } from "../../nsg/topology-schema.ts";
import type { IssuePath } from "../../result.ts";
import type { AzureStep } from "../azure-steps.ts";
import type { NetworkChange } from "../network-changes.ts";
import type { Association, NsgRules, RuleDocument, RuleFormat } from "../rule-document.ts";
import type { SourceSpan } from "../../result.ts";
import type { LineIndex } from "../source-span.ts";
import type { Offsets, Report } from "./arg-parser.ts";
import { ScriptNetwork } from "./script-network.ts";

/**
 * The NSGs a script acts on, as Azure would hold them after each command: the rules each NSG
 * starts with, then every create (a PUT: same name replaces), update and delete in order.
 * Each rule remembers which text wrote which field, for `locate`.
 */

export interface AzCliOptions {
  /** NSGs the learner may edit. */
  editable: readonly string[];
  /** Rules each NSG starts with (flat ARM shape), so update/delete/create act on real state. */
  initialRules?: Readonly<Record<string, readonly unknown[]>>;
  /**
   * The network the script runs on (VNets, subnets, NICs, VMs, ASGs), for what az looks up by
   * name: the NSG `az vm open-port` changes, the VNet `az vm create` picks, `$(az … show)`.
   */
  topology?: Topology;
  /**
   * True in the playground, where a script builds VNets, subnets, ASGs, NICs and VMs on top of
   * the scenario. An exercise's network is fixed: such commands are noted and not run.
   */
  buildNetwork?: boolean;
}

/** A network change whose spans are made once the text's lines are known. */
export type PendingChange = (span: (at: Offsets) => SourceSpan) => NetworkChange;

/** An Azure step (azure-steps.ts) likewise, without its clean-up mark, which the state adds. */
export type PendingStep = (span: (at: Offsets) => SourceSpan) => Omit<AzureStep, "cleanup">;

/** A rule field as written; singular and plural spellings share one group. */
export type FieldGroup =
  | "name"
  | "priority"
  | "direction"
  | "access"
  | "protocol"
  | "description"
  | "sourceAddressPrefix"
  | "sourcePortRange"
  | "destinationAddressPrefix"
  | "destinationPortRange"
  | "sourceApplicationSecurityGroups"
  | "destinationApplicationSecurityGroups";

const GROUP_OF: Readonly<Record<string, FieldGroup>> = {
  name: "name",
  priority: "priority",
  direction: "direction",
  access: "access",
  protocol: "protocol",
  description: "description",
  sourceAddressPrefix: "sourceAddressPrefix",
  sourceAddressPrefixes: "sourceAddressPrefix",
  sourcePortRange: "sourcePortRange",
  sourcePortRanges: "sourcePortRange",
  destinationAddressPrefix: "destinationAddressPrefix",
  destinationAddressPrefixes: "destinationAddressPrefix",
  destinationPortRange: "destinationPortRange",
  destinationPortRanges: "destinationPortRange",
  sourceApplicationSecurityGroups: "sourceApplicationSecurityGroups",
  destinationApplicationSecurityGroups: "destinationApplicationSecurityGroups",
};

export interface FieldSource {
  span: Offsets;
  /** One span per list value. */
  items: Offsets[];
}

export interface RuleSource {
  /** The command that created or last updated the rule. */
  command: Offsets;
  fields: Map<FieldGroup, FieldSource>;
}

export interface RuleEntry {
  rule: Record<string, unknown>;
  /** Undefined for a rule the script never touched. */
  source?: RuleSource;
}

export interface NsgState {
  name: string;
  editable: boolean;
  created: boolean;
  rules: RuleEntry[];
  byName: Map<string, RuleEntry>;
  /** Where the script first acts on this NSG (its `az network nsg create`, if any). */
  span?: Offsets;
}

const key = (name: string) => name.toLowerCase();

/** A rule's name, whatever shape it came in. */
export function ruleName(rule: unknown): string | undefined {
  const flat = flattenArmRule(rule);
  return flat && typeof flat === "object" && typeof (flat as { name?: unknown }).name === "string"
    ? (flat as { name: string }).name
    : undefined;
}

export class ScriptState {
  /** Azure resource names are case-insensitive; we keep the first spelling we saw. */
  readonly #nsgs = new Map<string, NsgState>();
  readonly #touched: NsgState[] = [];
  readonly #known = new Map<string, string>();
  readonly associations: { association: Omit<Association, "span">; at: Offsets }[] = [];
  readonly network: PendingChange[] = [];
  readonly #steps: { step: PendingStep; cleanup: Offsets | undefined }[] = [];
  /** Where the clean-up being run was set up, while it runs (see `asCleanup`). */
  #cleanup: Offsets | undefined;
  /** The network by name as the script has built it so far. */
  readonly net: ScriptNetwork;
  readonly editableNames: string[];

  readonly options: AzCliOptions;

  constructor(options: AzCliOptions) {
    this.options = options;
    this.editableNames = [...options.editable];
    for (const name of options.editable) this.#known.set(key(name), name);
    for (const name of Object.keys(options.initialRules ?? {}))
      if (!this.#known.has(key(name))) this.#known.set(key(name), name);
    for (const { name } of options.topology?.nsgs ?? [])
      if (!this.#known.has(key(name))) this.#known.set(key(name), name);
    this.net = new ScriptNetwork(options.topology);
  }

  #isEditable(name: string) {
    return this.options.editable.some((e) => key(e) === key(name));
  }

  #state(name: string): NsgState {
    let nsg = this.#nsgs.get(key(name));
    if (!nsg) {
      const canonical = this.#known.get(key(name)) ?? name;
      const initial =
        Object.entries(this.options.initialRules ?? {}).find(([k]) => key(k) === key(name))?.[1] ?? [];
      nsg = {
        name: canonical,
        editable: this.#isEditable(name),
        created: false,
        rules: [],
        byName: new Map(),
      };
      for (const raw of initial) {
        const entry: RuleEntry = { rule: toRecord(raw) };
        nsg.rules.push(entry);
        const n = ruleName(raw);
        if (n !== undefined) nsg.byName.set(key(n), entry);
      }
      this.#nsgs.set(key(name), nsg);
    }
    return nsg;
  }

  #touch(nsg: NsgState, at: Offsets) {
    if (!nsg.span) {
      nsg.span = at;
      this.#touched.push(nsg);
    }
  }

  #editableList() {
    return this.editableNames.length > 0 ? this.editableNames.map((n) => `"${n}"`).join(", ") : "none";
  }

  /** The NSG whose rules a command changes: editable, or created earlier in the script. */
  nsgForRules(name: string, at: Offsets, commandSpan: Offsets, report: Report): NsgState | undefined {
    const existing = this.#nsgs.get(key(name));
    if (this.#isEditable(name) || existing?.created) {
      const nsg = this.#state(name);
      this.#touch(nsg, commandSpan);
      return nsg;
    }
    if (this.#known.has(key(name))) {
      report(
        "not-editable-nsg",
        `NSG "${this.#known.get(key(name))}" is not editable in this exercise (you may change: ${this.#editableList()})`,
        at,
      );
    } else {
      report(
        "unknown-nsg",
        `NSG "${name}" was not found: create it first with az network nsg create, or use one of: ${this.#editableList()}`,
        at,
      );
    }
    return undefined;
  }

  /**
   * `az network nsg create` is a PUT of the whole NSG without security rules, so on an NSG that
   * already exists it replaces the custom rules with none (Azure's create-or-update semantics).
   */
  createNsg(name: string, at: Offsets, commandSpan: Offsets, report: Report): boolean {
    if (this.#known.has(key(name)) && !this.#isEditable(name) && !this.#nsgs.get(key(name))?.created) {
      report(
        "not-editable-nsg",
        `NSG "${this.#known.get(key(name))}" is not editable in this exercise (you may change: ${this.#editableList()})`,
        at,
      );
      return false;
    }
    const nsg = this.#state(name);
    nsg.created = true;
    nsg.rules = [];
    nsg.byName = new Map();
    nsg.span = undefined;
    const i = this.#touched.indexOf(nsg);
    if (i >= 0) this.#touched.splice(i, 1);
    this.#touch(nsg, commandSpan);
    if (!this.#known.has(key(name))) this.#known.set(key(name), name);
    return true;
  }

  /** An NSG an association may point to: any NSG of the exercise or one the script created. */
  nsgForAssociation(name: string, at: Offsets, report: Report): string | undefined {
    const known = this.#known.get(key(name));
    if (known !== undefined) return known;
    report(
      "unknown-nsg",
      `NSG "${name}" was not found: create it first with az network nsg create, or use one of the exercise's NSGs`,
      at,
    );
    return undefined;
  }

  findRule(nsg: NsgState, name: string): RuleEntry | undefined {
    return nsg.byName.get(key(name));
  }

  /** Create-or-update by name, as the PUT behind `az network nsg rule create` does. */
  putRule(nsg: NsgState, rule: Record<string, unknown>, source: RuleSource): void {
    const name = ruleName(rule) ?? "";
    const existing = nsg.byName.get(key(name));
    if (existing) {
      existing.rule = rule;
      existing.source = source;
      return;
    }
    const entry: RuleEntry = { rule, source };
    nsg.rules.push(entry);
    nsg.byName.set(key(name), entry);
  }

  deleteRule(nsg: NsgState, entry: RuleEntry): void {
    nsg.rules.splice(nsg.rules.indexOf(entry), 1);
    for (const [k, e] of nsg.byName) if (e === entry) nsg.byName.delete(k);
  }

  /**
   * The NSG as it stands now, without counting as a change (a read such as PowerShell's
   * Get-AzNetworkSecurityGroup); undefined for a name neither the exercise nor the script has.
   */
  readNsg(name: string): NsgState | undefined {
    return this.#known.has(key(name)) ? this.#state(name) : undefined;
  }

  /** Every rule of the NSG at once (PowerShell saves a whole NSG object with Set-AzNetworkSecurityGroup). */
  replaceRules(nsg: NsgState, entries: readonly RuleEntry[]): void {
    nsg.rules = entries.map((e) => ({ ...e }));
    nsg.byName = new Map();
    for (const entry of nsg.rules) {
      const n = ruleName(entry.rule);
      if (n !== undefined && !nsg.byName.has(key(n))) nsg.byName.set(key(n), entry);
    }
  }

  /**
   * Whether a command that builds network resources may run. In an exercise it is noted as not
   * run (a warning, like az group create): the learner pasting a tutorial still has its NSG
   * rules graded, and the note names the NSGs the exercise does let them change.
   */
  mayBuildNetwork(command: string, at: Offsets, report: Report): boolean {
    if (this.options.buildNetwork) return true;
    report(
      "exercise-network-fixed",
      `"${command}" was not run: an exercise's network is fixed, and this one only lets you change the NSGs ${this.#editableList()} (and NSGs you create)`,
      at,
      "warning",
    );
    return false;
  }

  /** Records resources a command built, in script order (see `mayBuildNetwork` first). */
  changeNetwork(change: PendingChange): void {
    this.network.push(change);
  }

  /** Records a resource group or IP flow verify step, in script order. */
  recordStep(step: PendingStep): void {
    this.#steps.push({ step, cleanup: this.#cleanup });
  }

  /**
   * Runs `body` as the script's clean-up (a Bash EXIT trap's handler, a PowerShell `finally`
   * block), set up at `armedAt`: the steps it records are marked as clean-up.
   */
  asCleanup(armedAt: Offsets, body: () => void): void {
    const outer = this.#cleanup;
    this.#cleanup = outer ?? armedAt;
    try {
      body();
    } finally {
      this.#cleanup = outer;
    }
  }

  /** Every NSG the exercise or the script has, in the order they became known. */
  nsgNames(): string[] {
    return [...this.#known.values()];
  }

  /** The NSG's name as first spelled, when the exercise or the script has it. */
  knownNsg(name: string): string | undefined {
    return this.#known.get(key(name));
  }

  associate(association: Omit<Association, "span">, at: Offsets): void {
    this.associations.push({ association, at });
    this.net.associate(association.level, association.target, association.nsg);
  }

  document(lines: LineIndex, format: RuleFormat = "azcli"): RuleDocument {
    const touched = [...this.#touched];
    const span = (o: Offsets): SourceSpan => lines.span(o.start, o.end);
    const nsgs: NsgRules[] = touched.map((n) => ({
      name: n.name,
      rules: n.rules.map((e) => e.rule),
      created: n.created,
    }));
    const associations: Association[] = this.associations.map(({ association, at }) => ({
      ...association,
      span: span(at),
    }));
    const locate = (path: IssuePath): SourceSpan | undefined => {
      const found = locateOffsets(touched, path);
      return found ? span(found) : undefined;
    };
    const network = this.network.map((build) => build(span));
    const azure = this.#steps.map(
      ({ step, cleanup }): AzureStep =>
        ({ ...step(span), ...(cleanup ? { cleanup: { armedAt: span(cleanup) } } : {}) }) as AzureStep,
    );
    return { format, nsgs, associations, network, azure, warnings: [], locate };
  }
}

function toRecord(raw: unknown): Record<string, unknown> {
  return raw && typeof raw === "object" && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
}

/** [nsg, ruleIndex, field, listIndex?] → the text that wrote it (see RuleDocument.locate). */
function locateOffsets(nsgs: readonly NsgState[], path: IssuePath): Offsets | undefined {
  const [nsgName, index, ...rest] = path;
  if (typeof nsgName !== "string") return undefined;
  const nsg = nsgs.find((n) => n.name === nsgName) ?? nsgs.find((n) => key(n.name) === key(nsgName));
  if (!nsg) return undefined;
  if (typeof index !== "number") return nsg.span;
  const entry = nsg.rules[index];
  if (!entry) return nsg.span;
  // A rule the script never touched was not written here: nothing in the text to point at.
  if (!entry.source) return undefined;
  const fieldPath = rest[0] === "properties" ? rest.slice(1) : rest;
  const field = fieldPath[0];
  const group = typeof field === "string" ? GROUP_OF[field] : undefined;
  const written = group ? entry.source.fields.get(group) : undefined;
  if (!written) return entry.source.command;
  const item = fieldPath[1];
  return typeof item === "number" ? (written.items[item] ?? written.span) : written.span;
}
