import type { Offsets, Report } from "../azcli/arg-parser.ts";
import type { FieldSource } from "../azcli/script-state.ts";
import type { Element, Expr } from "./ast.ts";
import { describe, itemsOf, type PsValue } from "./values.ts";

/**
 * PowerShell's parameter binding for the cmdlets NSG Lab runs: names are case-insensitive, an
 * unambiguous prefix of a name is accepted (`-Dest` is not, since several parameters start
 * with it), `-Name:value` binds like `-Name value`, a switch takes a value only in the
 * `-Force:$false` form, and `@params` binds a hashtable's keys as parameter names
 * (about_Splatting), alongside parameters written out, each parameter once.
 */

export interface ParamSpec {
  name: string;
  kind: "value" | "switch";
  mandatory?: boolean;
  /** Takes the pipeline's input (the NSG of `Get-AzNetworkSecurityGroup … | Add-…`). */
  fromPipeline?: boolean;
  /** Accepted and without effect on rules (-Force, -AsJob, -Tag, common parameters). */
  ignored?: boolean;
  /** Other names the cmdlet declares for it ([Alias()]), matched whole. */
  aliases?: readonly string[];
}

/** PowerShell's common parameters; none changes what a cmdlet does to rules. */
export const COMMON_PARAMS: readonly ParamSpec[] = [
  "Verbose",
  "Debug",
  "ErrorAction",
  "WarningAction",
  "InformationAction",
  "ErrorVariable",
  "WarningVariable",
  "InformationVariable",
  "OutVariable",
  "OutBuffer",
  "PipelineVariable",
  "DefaultProfile",
].map((name) => ({ name, kind: name === "Verbose" || name === "Debug" ? "switch" : "value", ignored: true }));

export interface Bound {
  value: PsValue;
  /** The parameter's name as written (or its key in a splatted hashtable), or the value when piped. */
  at: Offsets;
}

export type BoundParams = Map<string, Bound>;

export interface BindContext {
  report: Report;
  evaluate(expr: Expr): PsValue | undefined;
  /** The hashtable `@name` splats; undefined when it is not one (reported). */
  splat(name: string, at: Offsets): Map<string, { key: string; keyAt: Offsets; value: PsValue }> | undefined;
}

/** Binds written parameters, splatted ones and the piped input to a cmdlet's parameters, reporting each slip. */
export function bindParams(
  cmdlet: string,
  specs: readonly ParamSpec[],
  elements: readonly Element[],
  piped: PsValue | undefined,
  commandAt: Offsets,
  ctx: BindContext,
): BoundParams | undefined {
  const { report } = ctx;
  const all = [...specs, ...COMMON_PARAMS];
  const bound: BoundParams = new Map();
  let ok = true;
  const bind = (spec: ParamSpec, value: PsValue, at: Offsets) => {
    if (bound.has(spec.name)) {
      report("conflicting-arguments", `${cmdlet}: parameter -${spec.name} is given more than once`, at);
      ok = false;
    } else bound.set(spec.name, { value, at });
  };
  for (let i = 0; i < elements.length; i++) {
    const element = elements[i]!;
    if (element.kind === "splat") {
      const entries = ctx.splat(element.name, element.at);
      if (!entries) {
        ok = false;
        continue;
      }
      for (const entry of entries.values()) {
        const spec = resolveParam(cmdlet, all, entry.key, entry.keyAt, report);
        if (!spec) {
          ok = false;
          continue;
        }
        // A switch splats as Name = $true (or $false, which leaves it off).
        if (spec.kind === "switch" && entry.value.kind !== "bool") {
          report(
            "invalid-argument-value",
            `${cmdlet}: the switch -${spec.name} takes $true or $false when splatted`,
            entry.value.at,
          );
          ok = false;
          continue;
        }
        bind(spec, entry.value, entry.keyAt);
      }
      continue;
    }
    if (element.kind === "arg") {
      report(
        "unknown-argument",
        `${cmdlet}: a positional parameter cannot be found that accepts this value; name its parameter (for example -Name)`,
        element.value.at,
      );
      ok = false;
      continue;
    }
    const spec = resolveParam(cmdlet, all, element.name, element.at, report);
    if (!spec) {
      ok = false;
      if (!element.value && elements[i + 1]?.kind === "arg") i++;
      continue;
    }
    let expr = element.value;
    if (spec.kind === "value" && !expr) {
      const next = elements[i + 1];
      if (next?.kind === "arg") {
        expr = next.value;
        i++;
      } else {
        report("missing-argument-value", `${cmdlet}: -${spec.name} needs a value after it`, element.at);
        ok = false;
        continue;
      }
    }
    if (!expr) {
      bind(spec, { kind: "bool", value: true, at: element.at }, element.at);
      continue;
    }
    const value = ctx.evaluate(expr);
    if (!value) {
      ok = false;
      continue;
    }
    bind(spec, value, element.at);
  }
  const pipedSpec = specs.find((s) => s.fromPipeline);
  if (piped && pipedSpec) {
    if (bound.has(pipedSpec.name)) {
      report(
        "conflicting-arguments",
        `${cmdlet}: -${pipedSpec.name} is given and also piped in; give it one way`,
        bound.get(pipedSpec.name)!.at,
      );
      ok = false;
    } else bound.set(pipedSpec.name, { value: piped, at: piped.at });
  } else if (piped && piped.kind !== "null") {
    report("unsupported-powershell-syntax", `${cmdlet} takes no input from the pipeline`, commandAt);
    ok = false;
  }
  if (!ok) return undefined;
  for (const spec of specs)
    if (spec.mandatory && !bound.has(spec.name)) {
      report("missing-argument", `${cmdlet}: the mandatory parameter -${spec.name} is missing`, commandAt);
      ok = false;
    }
  return ok ? bound : undefined;
}

function resolveParam(
  cmdlet: string,
  specs: readonly ParamSpec[],
  written: string,
  at: Offsets,
  report: Report,
): ParamSpec | undefined {
  const lower = written.toLowerCase();
  const exact =
    specs.find((s) => s.name.toLowerCase() === lower) ??
    specs.find((s) => s.aliases?.some((a) => a.toLowerCase() === lower));
  if (exact) return exact;
  const matches = specs.filter((s) => s.name.toLowerCase().startsWith(lower));
  if (matches.length === 1) return matches[0];
  if (matches.length > 1) {
    report(
      "ambiguous-argument",
      `${cmdlet}: parameter -${written} is ambiguous; it could be ${matches.map((m) => `-${m.name}`).join(", ")}`,
      at,
    );
    return undefined;
  }
  if (lower === "whatif" || lower === "confirm")
    report(
      "unsupported-argument",
      `${cmdlet}: -${written} is not run by NSG Lab (-WhatIf changes nothing); remove it`,
      at,
    );
  else
    report(
      "unknown-argument",
      `${cmdlet}: a parameter cannot be found that matches -${written}; it has ${specs
        .filter((s) => !s.ignored)
        .map((s) => `-${s.name}`)
        .join(", ")}`,
      at,
    );
  return undefined;
}

/** A switch's state: given, `-Force:$true` or `Force = $true`. */
export const isOn = (bound: Bound | undefined): boolean =>
  bound !== undefined && !(bound.value.kind === "bool" && !bound.value.value);

/** One text value: a lone string (a number is written as text too). */
export function textOf(cmdlet: string, name: string, bound: Bound | undefined, report: Report) {
  if (!bound) return undefined;
  const items = itemsOf(bound.value);
  if (items.length === 1 && items[0]!.kind === "string") return items[0];
  report(
    "invalid-argument-value",
    `${cmdlet}: -${name} takes one text value${items.length === 1 ? `, not ${describe(items[0]!)}` : ""}`,
    bound.value.at,
  );
  return undefined;
}

/** A list of text values, each with its own span (for `-DestinationPortRange 80,443`). */
export function textsOf(cmdlet: string, name: string, bound: Bound, report: Report) {
  const items = itemsOf(bound.value);
  if (items.length > 0 && items.every((i) => i.kind === "string")) {
    const texts = items;
    const source: FieldSource = { span: bound.value.at, items: texts.map((t) => t.at) };
    return { texts: texts.map((t) => t.text), source };
  }
  report(
    "invalid-argument-value",
    `${cmdlet}: -${name} takes text values such as "10.0.0.0/24" or 80,443`,
    bound.value.at,
  );
  return undefined;
}
