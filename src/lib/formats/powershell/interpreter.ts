import { closestMatch } from "../../text/closest-match.ts";
import type { Offsets } from "../azcli/arg-parser.ts";
import type { Assignment, Expr, Stage, Statement, TryFinally } from "./ast.ts";
import { CMDLETS, NOTED_CMDLETS, type Cmdlet } from "./cmdlets.ts";
import { addValues, evaluate, lookup, MAX_ITEMS, type EvalContext } from "./evaluate.ts";
import { appendRules, getMember, setMember } from "./members.ts";
import { BUILD_CMDLETS } from "./build-cmdlets.ts";
import { NETWORK_CMDLETS } from "./network-cmdlets.ts";
import { addVnetPeering } from "./peering-cmdlet.ts";
import { CONTENT_CMDLETS } from "./content-cmdlets.ts";
import { testIpFlow } from "./ip-flow-cmdlet.ts";
import { RESOURCE_CMDLETS } from "./resource-cmdlets.ts";
import { VM_CMDLETS } from "./vm-cmdlets.ts";
import { bindParams, type BindContext } from "./params.ts";
import {
  filterItems,
  forEachObject,
  FOREACH_NAMES,
  whereObject,
  WHERE_NAMES,
  type PipelineContext,
} from "./pipeline-cmdlets.ts";
import {
  collect,
  describe,
  append,
  itemsOf,
  type NsgObject,
  type PsValue,
  type Variables,
} from "./values.ts";
import type { World } from "./world.ts";

/**
 * Runs a script's statements: assignments to variables and to properties (`$nic.NetworkSecurityGroup
 * = $nsg`, `+=`), pipelines whose stages are expressions, cmdlets, Where-Object and ForEach-Object,
 * with `$_` set inside their script blocks (which run in the script's own scope, as PowerShell's do).
 * A statement that fails stops there, its error reported; the script goes on with the next one.
 */

type Context = EvalContext & PipelineContext & BindContext;

const ALL_CMDLETS: ReadonlyMap<string, Cmdlet> = new Map([
  ...CMDLETS,
  ...[
    ...NETWORK_CMDLETS,
    ...BUILD_CMDLETS,
    ...VM_CMDLETS,
    addVnetPeering,
    ...RESOURCE_CMDLETS,
    testIpFlow,
    ...CONTENT_CMDLETS,
  ].map((c): [string, Cmdlet] => [c.name.toLowerCase(), c]),
]);

export const SUPPORTED_CMDLETS = [...ALL_CMDLETS.values()].map((c) => c.name);

/** What NSG Lab runs, in groups, and the cmdlet a typo was probably meant to be. */
function unsupportedMessage(name: string): string {
  const near = closestMatch(name.toLowerCase(), ALL_CMDLETS.keys());
  const meant = near ? ` Did you mean ${ALL_CMDLETS.get(near)!.name}?` : "";
  return (
    `"${name}" is not a cmdlet NSG Lab runs.${meant} It runs the Az.Network cmdlets for rules ` +
    "(New-, Add-, Set-, Get- and Remove-AzNetworkSecurityRuleConfig), NSGs (New-, Get- and " +
    "Set-AzNetworkSecurityGroup), ASGs, VNets and subnets (…-AzVirtualNetwork, " +
    "…-AzVirtualNetworkSubnetConfig), public IPs and NICs (…-AzNetworkInterface), the Az.Compute " +
    "ones that put a VM on them (New-AzVMConfig, Add-AzVMNetworkInterface, New-AzVM), and " +
    `Where-Object and ForEach-Object; it notes ${NOTED_CMDLETS.size} others that change nothing, such as Write-Host`
  );
}

/** Blocks within blocks within a script: deeper than this is a runaway, not a script. */
const MAX_CALL_DEPTH = 64;

export class Interpreter {
  readonly vars: Variables = new Map();
  readonly #world: World;
  readonly #noted = new Set<number>();
  #callDepth = 0;

  constructor(world: World) {
    this.#world = world;
  }

  get #report() {
    return this.#world.report;
  }

  run(statements: readonly Statement[]): void {
    for (const statement of statements) this.#statement(statement);
  }

  /** What expressions, cmdlets and script blocks of one statement run with (made once per statement). */
  #context(statementAt: Offsets): Context {
    const world = this.#world;
    const ctx: Context = {
      world,
      statementAt,
      vars: this.vars,
      report: world.report,
      budget: world.budget,
      runStatements: (statements) => this.#statements(statements),
      filter: (block, items) => filterItems(block, items, ctx),
      evaluate: (expr) => evaluate(expr, ctx),
      runBlock: (block, item) => this.#block(block, item),
      member: (value, name, at) => getMember(value, name, at, ctx),
      charge: (n, at) => world.charge(n, at),
      splat: (name, at) => {
        const v = lookup(name, at, ctx);
        if (!v) return undefined;
        if (v.kind !== "hashtable") {
          this.#report(
            "unsupported-powershell-syntax",
            `@${name} splats ${describe(v)}; NSG Lab splats hashtables (@{ Name = 'x'; … })`,
            at,
          );
          return undefined;
        }
        return v.entries;
      },
    };
    return ctx;
  }

  /** The outputs of statements run in order (for `$( … )`, `@( … )` and blocks). */
  #statements(statements: readonly Statement[]): PsValue[] | undefined {
    if (this.#callDepth >= MAX_CALL_DEPTH) {
      this.#report(
        "nesting-too-deep",
        `script blocks run inside each other deeper than ${MAX_CALL_DEPTH} levels`,
        statements[0]?.at ?? { start: 0, end: 1 },
      );
      return undefined;
    }
    this.#callDepth++;
    try {
      const out: PsValue[] = [];
      for (const statement of statements) {
        const outputs = this.#statement(statement);
        if (!outputs || !this.#world.charge(outputs.length, statement.at)) return undefined;
        append(out, outputs);
        if (out.length > MAX_ITEMS) {
          this.#report("value-too-long", `these statements output more than 10,000 items`, statement.at);
          return undefined;
        }
      }
      return out;
    } finally {
      this.#callDepth--;
    }
  }

  #block(block: Extract<Expr, { kind: "block" }>, item: PsValue): PsValue[] | undefined {
    if (!this.#world.charge(1, block.at)) return undefined;
    const previous = this.vars.get("_");
    this.vars.set("_", item);
    try {
      return this.#statements(block.statements);
    } finally {
      if (previous) this.vars.set("_", previous);
      else this.vars.delete("_");
    }
  }

  /** A statement's outputs: none when it assigns; undefined when it failed. */
  #statement(statement: Statement): PsValue[] | undefined {
    if (statement.guarded) return this.#tryFinally(statement.guarded);
    const value = this.#pipeline(statement);
    if (!value) return undefined;
    if (statement.assign) return this.#assign(statement.assign, value, statement.at) ? [] : undefined;
    return itemsOf(value);
  }

  /**
   * `try { … } finally { … }`: the body's statements, each going on after one that failed, as the
   * script's do; then the finally block, which PowerShell runs however the body ends, as the
   * script's clean-up (its Azure steps are marked so). The outputs are both blocks'.
   */
  #tryFinally({ body, cleanup, tryAt }: TryFinally): PsValue[] {
    const out: PsValue[] = [];
    const runEach = (statements: readonly Statement[]) => {
      for (const statement of statements) {
        const outputs = this.#statement(statement);
        if (outputs && this.#world.charge(outputs.length, statement.at)) append(out, outputs);
      }
    };
    runEach(body);
    this.#world.state.asCleanup(tryAt, () => runEach(cleanup));
    return out;
  }

  #pipeline(statement: Statement): PsValue | undefined {
    let value: PsValue | undefined;
    let source: { nsg: NsgObject; version: number; at: Offsets } | undefined;
    const ctx = this.#context(statement.at);
    for (let i = 0; i < statement.stages.length; i++) {
      const stage = statement.stages[i]!;
      const result = this.#stage(
        stage,
        i === 0 ? undefined : (value ?? { kind: "null", at: statement.at }),
        ctx,
      );
      if (!result) return undefined;
      value = result;
      if (i === 0 && value.kind === "array" && value.live?.kind === "rules" && statement.stages.length > 1)
        source = {
          nsg: value.live.nsg,
          version: value.live.nsg.version,
          at: statement.stages[0]!.kind === "expression" ? statement.stages[0]!.value.at : statement.at,
        };
    }
    // The pipeline reads an NSG's own rule list item by item; changing that list meanwhile
    // stops it, as .NET's List enumerator does.
    if (source && source.nsg.version !== source.version) {
      this.#report(
        "unsupported-powershell-syntax",
        `Collection was modified; enumeration operation may not execute: this pipeline changes NSG "${source.nsg.name}"'s rules while reading them; copy the list first with @( … ) or ( … )`,
        source.at,
      );
      return undefined;
    }
    return value ?? { kind: "null", at: statement.at };
  }

  #stage(stage: Stage, input: PsValue | undefined, ctx: Context): PsValue | undefined {
    if (stage.kind === "expression") {
      if (input) {
        this.#report(
          "unsupported-powershell-syntax",
          "a value cannot take input from the pipeline",
          stage.value.at,
        );
        return undefined;
      }
      return evaluate(stage.value, ctx);
    }
    const key = stage.name.toLowerCase();
    const empty: PsValue = { kind: "null", at: stage.at };
    if (WHERE_NAMES.has(key)) return whereObject(stage.name, stage.elements, input, stage.at, ctx);
    if (FOREACH_NAMES.has(key)) return forEachObject(stage.name, stage.elements, input, stage.at, ctx);
    // Out-Null discards what it is given; nothing to note.
    if (key === "out-null") return empty;
    const noted = NOTED_CMDLETS.get(key);
    if (noted) {
      // Noted once, even when a script block runs it for every item.
      if (this.#noted.has(stage.at.start)) return empty;
      this.#noted.add(stage.at.start);
      this.#report(
        "cmdlet-noted",
        `${stage.name} ${noted}: it changes no NSG rule, so NSG Lab notes it and goes on`,
        stage.nameAt,
        "warning",
      );
      return empty;
    }
    const cmdlet = ALL_CMDLETS.get(key);
    if (!cmdlet) {
      this.#report("unsupported-cmdlet", unsupportedMessage(stage.name), stage.nameAt);
      return undefined;
    }
    const takesInput = cmdlet.params.some((p) => p.fromPipeline);
    const items = input && takesInput && input.kind === "array" ? itemsOf(input) : undefined;
    // A cmdlet runs once for each object piped to it.
    if (items && items.length !== 1) {
      const out: PsValue[] = [];
      if (!this.#world.charge(items.length, stage.at)) return undefined;
      for (const item of items) {
        const result = this.#runCmdlet(cmdlet, stage, item, ctx);
        if (!result) return undefined;
        append(out, itemsOf(result));
      }
      return collect(out, stage.at);
    }
    return this.#runCmdlet(cmdlet, stage, items ? items[0] : input, ctx);
  }

  #runCmdlet(
    cmdlet: Cmdlet,
    stage: Extract<Stage, { kind: "command" }>,
    input: PsValue | undefined,
    ctx: Context,
  ): PsValue | undefined {
    const bound = bindParams(cmdlet.name, cmdlet.params, stage.elements, input, stage.at, ctx);
    if (!bound) return undefined;
    for (const b of bound.values()) this.#world.use(b.value);
    return cmdlet.run({
      bound,
      state: this.#world.state,
      command: stage.at,
      nameAt: stage.nameAt,
      report: this.#report,
      world: this.#world,
    });
  }

  #assign(assign: Assignment, value: PsValue, statementAt: Offsets): boolean {
    const target = assign.target;
    const ctx = this.#context(statementAt);
    if (target.kind === "variable") {
      const name = target.name.toLowerCase();
      // `$null = …` discards the value.
      if (name === "null") return true;
      if (name === "true" || name === "false") {
        this.#report("unsupported-powershell-syntax", `$${target.name} cannot be assigned to`, target.at);
        return false;
      }
      let next = value;
      if (assign.op === "+=") {
        const current = this.vars.get(name) ?? { kind: "null", at: target.at };
        // `+=` on a variable never set starts from $null, as PowerShell's does.
        const sum = addValues(current, value, target.at, ctx);
        if (!sum) return false;
        next = sum;
      }
      this.vars.set(name === "psitem" ? "_" : name, next);
      return true;
    }
    if (target.kind === "member") {
      const object = evaluate(target.target, ctx);
      if (!object) return false;
      if (assign.op === "+=" && object.kind === "nsg" && target.name.toLowerCase() === "securityrules") {
        ctx.world.use(object);
        return appendRules(object.nsg, value, ctx);
      }
      let next = value;
      if (assign.op === "+=") {
        const current = getMember(object, target.name, target.nameAt, ctx);
        const sum = current && addValues(current, value, target.at, ctx);
        if (!sum) return false;
        next = sum;
      }
      // PowerShell refuses to set a property on a whole list.
      if (object.kind === "array") {
        this.#report(
          "unsupported-powershell-syntax",
          `.${target.name} cannot be set on ${describe(object)}; pick one item, as in [0]`,
          target.nameAt,
        );
        return false;
      }
      return setMember(object, target.name, target.nameAt, next, ctx);
    }
    if (target.kind === "index") {
      const object = evaluate(target.target, ctx);
      const key = object && evaluate(target.index, ctx);
      if (!object || !key) return false;
      if (object.kind === "hashtable" && key.kind === "string") {
        object.entries.set(key.text.toLowerCase(), { key: key.text, keyAt: key.at, value });
        return true;
      }
      this.#report(
        "unsupported-powershell-syntax",
        "NSG Lab sets [ ] items only of hashtables ($params['Name'] = …)",
        target.at,
      );
      return false;
    }
    this.#report(
      "unsupported-powershell-syntax",
      "only a variable or a property can be assigned to",
      target.at,
    );
    return false;
  }
}
